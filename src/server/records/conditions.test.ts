import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { factories } from '../db/factories.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import { getObject } from './registry.ts';
import { conditionSql, explainConditionSql, validateCondition } from './conditions.ts';
import { invalidateFields } from './fields.ts';
import type { Actor } from '../core/access.ts';
import type { ObjectDef } from './types.ts';
import type { Condition, ConditionGroup } from '../../shared/contracts/conditions.ts';

// The condition compiler run against the real database: trees of every kind select exactly the
// rows they describe, and a tree can neither name nor count what its actor may not see.

const t = useTestApp();
const f = factories(t);
// Modules register their objects when the app loads: look them up once it has.
let accounts: ObjectDef;
let contacts: ObjectDef;
const all = (...conditions: Condition[]): ConditionGroup => ({ kind: 'group', match: 'all', conditions });
const any = (...conditions: Condition[]): ConditionGroup => ({ kind: 'group', match: 'any', conditions });
const leaf = (field: string, op: string, value: string) => ({ kind: 'field', field, op, value }) as Condition;
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

let admin: Actor;
let sales: { id: number; token: string };
let salesActor: Actor;
const marker = `cond${Date.now()}`;
const ids: Record<string, number> = {};

/** Names of this file's accounts (or contacts) matching the tree, as `actor` compiles it. */
async function names(tree: unknown, actor = admin, object: ObjectDef = accounts): Promise<string[]> {
  const cond = await conditionSql(t.database.db, object, tree, actor);
  const { rows } = await sql<{ n: string }>`SELECT ${sql.ref(`${object.name}.name`)} AS n FROM ${sql.table(object.name)}
    WHERE ${sql.ref(`${object.name}.name`)} LIKE ${marker + '%'} AND ${cond} ORDER BY 1`.execute(t.database.db);
  return rows.map((r) => r.n.slice(marker.length + 1));
}

async function refusal(tree: unknown, actor = admin, object: ObjectDef = accounts) {
  try {
    await validateCondition(t.database.db, object, tree, actor);
  } catch (e) {
    return { code: (e as { code: string }).code, details: (e as { details: unknown }).details };
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  const db = t.database.db;
  accounts = getObject('accounts');
  contacts = getObject('contacts');
  admin = (await loadActor(db, (await t.api(t.adminToken, 'GET', '/auth/me')).body.data.id))!;
  sales = await f.user('sales');
  salesActor = (await loadActor(db, sales.id))!;
  expect((await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'accounts', key: 'score', label: 'Score', type: 'number' })).status).toBe(201);
  expect((await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'accounts', key: 'since', label: 'Since', type: 'date' })).status).toBe(201);
  const mk = async (name: string, values: Record<string, unknown>, as = f) => (ids[name] = (await as.account({ name: `${marker} ${name}`, ...values })).id);
  await mk('alpha', { industry: 'Retail', employees: 10, tier: 'gold', tags: ['vip'], cf_score: 5, cf_since: '2020-01-01' });
  await mk('beta', { industry: 'Banking', employees: 200, tier: 'silver', cf_score: 50, cf_since: days(-10).slice(0, 10) });
  await mk('gamma', { industry: 'retail shops', employees: 50, tags: ['new', 'vip'] });
  await mk('delta', { owner_id: sales.id }, f.as(sales.token));
  // alpha: a task due 30 days ago (admin's); beta: one due 200 days ago; gamma: three activities.
  await f.task({ title: `${marker} t1`, account_id: ids.alpha, due_at: days(-30) });
  await f.task({ title: `${marker} t2`, account_id: ids.beta, due_at: days(-200) });
  for (let i = 0; i < 3; i++) await f.activity({ account_id: ids.gamma, duration_minutes: 20 });
  await f.activity({ account_id: ids.beta, duration_minutes: 90 });
  // delta (the sales user's own account) has one task by the admin the sales user cannot see, due yesterday.
  await f.task({ title: `${marker} hidden`, account_id: ids.delta, due_at: days(-1), owner_id: admin.id });
  for (const n of ['c1', 'c2']) ids[n] = (await f.contact({ name: `${marker} ${n}`, account_id: n === 'c1' ? ids.alpha : ids.beta })).id;
  // A contact's activity is also its account's: alpha gets c1's three, beta c2's one.
  for (let i = 0; i < 3; i++) await f.activity({ contact_id: ids.c1 });
  await f.activity({ contact_id: ids.c2 });
  invalidateFields();
});

describe('trees select the rows they describe', () => {
  it('and / or / not nesting', async () => {
    expect(await names(all())).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(await names(any(leaf('industry', 'contains', 'retail'), leaf('employees', 'gte', '200')))).toEqual(['alpha', 'beta', 'gamma']);
    expect(await names(all(leaf('industry', 'contains', 'retail'), any(leaf('employees', 'lt', '20'), leaf('tags', 'in', 'new'))))).toEqual(['alpha', 'gamma']);
    // NOT keeps the rows the group does not match, NULLs included (delta has no industry).
    expect(await names({ kind: 'group', match: 'all', negate: true, conditions: [leaf('industry', 'contains', 'retail')] })).toEqual(['beta', 'delta']);
  });

  it('each operator family by type, custom fields included', async () => {
    expect(await names(all(leaf('industry', 'eq', 'RETAIL')))).toEqual(['alpha']);
    expect(await names(all(leaf('industry', 'starts', 'retail ')))).toEqual(['gamma']);
    expect(await names(all(leaf('industry', 'empty', 'true')))).toEqual(['delta']);
    expect(await names(all(leaf('employees', 'between', '20..200')))).toEqual(['beta', 'gamma']);
    expect(await names(all(leaf('employees', 'in', '10,50')))).toEqual(['alpha', 'gamma']);
    expect(await names(all(leaf('tier', 'nin', 'gold')))).toEqual(['beta']);
    expect(await names(all(leaf('tags', 'in', 'vip')))).toEqual(['alpha', 'gamma']);
    expect(await names(all(leaf('owner_id', 'eq', String(sales.id))))).toEqual(['delta']);
    expect(await names(all(leaf('cf_score', 'gt', '10')))).toEqual(['beta']);
    expect(await names(all(leaf('cf_since', 'lt', '2021-01-01')))).toEqual(['alpha']);
    // A relative date stays relative: `today-30d` is resolved when the tree runs.
    expect(await names(all(leaf('cf_since', 'gte', 'today-30d')))).toEqual(['beta']);
    expect(await names(all(leaf('created_at', 'gte', 'now-1h'), leaf('id', 'eq', String(ids.alpha))))).toEqual(['alpha']);
  });

  it('related exists / none / count / sum, with a relative date', async () => {
    const taskIn90 = { kind: 'related', object: 'tasks', via: 'account_id', where: all(leaf('due_at', 'gte', 'today-90d')) } as const;
    expect(await names(all(taskIn90))).toEqual(['alpha', 'delta']);
    expect(await names(all({ ...taskIn90, quantifier: 'none' }))).toEqual(['beta', 'gamma']);
    const activities = { kind: 'related', object: 'activities', via: 'account_id', where: all() } as const;
    expect(await names(all({ ...activities, quantifier: 'count', op: 'gt', value: '2' }))).toEqual(['alpha', 'gamma']);
    expect(await names(all({ ...activities, quantifier: 'sum', field: 'duration_minutes', op: 'gte', value: '60' }))).toEqual(['beta', 'gamma']);
    // Contacts with more than two activities; accounts having a contact who has one (nested).
    expect(await names(all({ kind: 'related', object: 'activities', via: 'contact_id', where: all(), quantifier: 'count', op: 'gt', value: '2' }), admin, contacts)).toEqual(['c1']);
    const contactWithCall = { kind: 'related', object: 'contacts', via: 'account_id', where: all({ kind: 'related', object: 'activities', via: 'contact_id', where: all(leaf('kind', 'eq', 'call')) }) } as const;
    expect(await names(all(contactWithCall))).toEqual(['alpha', 'beta']);
  });

  it('the SQL is parameterised: values never enter its text', async () => {
    const tree = all(leaf('industry', 'eq', "x'; DROP TABLE accounts; --"), { kind: 'related', object: 'tasks', via: 'account_id', where: all(leaf('title', 'contains', 'zz')), quantifier: 'count', op: 'gt', value: '2' });
    const { sql: text, parameters } = await explainConditionSql(t.database.db, accounts, tree, admin);
    expect(text).not.toContain('DROP');
    expect(text).toContain('count(*)');
    expect(parameters).toContain("x'; DROP TABLE accounts; --");
    expect(await names(tree)).toEqual([]);
  });
});

describe('an attacker learns nothing by filtering', () => {
  it('related rows the actor cannot see never count', async () => {
    const tree = all({ kind: 'related', object: 'tasks', via: 'account_id', where: all(leaf('due_at', 'gte', 'today-90d')) });
    expect(await names(tree, salesActor)).toEqual([]);
    expect(await names(all({ kind: 'related', object: 'tasks', via: 'account_id', where: all(), quantifier: 'none' }), salesActor)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
  });

  it('a hidden field is refused exactly like an unknown one, on the object and on related objects', async () => {
    expect((await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { accounts: { credit_limit: 'hidden' }, tasks: { priority: 'hidden' } } })).status).toBe(200);
    const actor = (await loadActor(t.database.db, sales.id))!;
    const hidden = await refusal(all(leaf('credit_limit', 'gt', '0')), actor);
    const unknown = await refusal(all(leaf('credit_limitx', 'gt', '0')), actor);
    expect(hidden.code).toBe('invalid_condition');
    expect(JSON.stringify(hidden.details).replace('credit_limit', 'X')).toBe(JSON.stringify(unknown.details).replace('credit_limitx', 'X'));
    const rel = (field: string) => all({ kind: 'related', object: 'tasks', via: 'account_id', where: all(leaf(field, 'eq', 'high')) });
    expect((await refusal(rel('priority'), actor)).details).toEqual([{ field: 'conditions[0].where.conditions[0].field', message: 'Unknown field priority', code: 'unknown_field' }]);
    expect((await refusal(rel('nope'), actor)).details).toEqual([{ field: 'conditions[0].where.conditions[0].field', message: 'Unknown field nope', code: 'unknown_field' }]);
    await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: {} });
  });

  it('an object the actor may not list answers like an unknown object', async () => {
    const readonlyUser = await f.user('readonly');
    expect((await t.api(t.adminToken, 'PATCH', '/roles/readonly', { objects: { tasks: { list: false } } })).status).toBe(200);
    const actor = (await loadActor(t.database.db, readonlyUser.id))!;
    const tree = (object: string) => all({ kind: 'related', object, via: 'account_id', where: all() });
    expect((await refusal(tree('tasks'), actor)).details).toEqual([{ field: 'conditions[0].object', message: 'Unknown object tasks', code: 'unknown_object' }]);
    expect((await refusal(tree('taskz'), actor)).details).toEqual([{ field: 'conditions[0].object', message: 'Unknown object taskz', code: 'unknown_object' }]);
    await t.api(t.adminToken, 'PATCH', '/roles/readonly', { objects: {} });
  });
});

describe('bad trees get a clear error', () => {
  it('names each problem with its path', async () => {
    const r = await refusal(all(leaf('employees', 'contains', '1'), leaf('employees', 'gt', 'many'), leaf('industry', 'empty', 'maybe'),
      { kind: 'related', object: 'tasks', via: 'contact_id', where: all() }, { kind: 'related', object: 'activities', via: 'account_id', where: all(), quantifier: 'sum', field: 'subject', op: 'gt', value: '1' }));
    expect(r.code).toBe('invalid_condition');
    expect((r.details as { field: string; code: string }[]).map((d) => [d.field, d.code])).toEqual([
      ['conditions[0].op', 'operator_not_applicable'],
      ['conditions[1].value', 'invalid_filter_value'],
      ['conditions[2].value', 'invalid_filter_value'],
      ['conditions[3].via', 'unknown_link'],
      ['conditions[4].field', 'invalid_aggregate'],
    ]);
  });

  it('refuses malformed, too deep and too large trees without walking them', async () => {
    expect((await refusal({ kind: 'group', match: 'some', conditions: [] })).code).toBe('invalid_condition');
    let deep: ConditionGroup = all();
    for (let i = 0; i < 10_000; i++) deep = all(deep);
    expect((await refusal(deep)).details).toEqual([{ field: 'conditions', message: 'Conditions nest at most 5 levels deep', code: 'too_deep' }]);
    const many = all(...Array.from({ length: 30 }, () => all(leaf('industry', 'eq', 'x'), leaf('industry', 'eq', 'y'))));
    expect((await refusal(many)).details).toMatchObject([{ code: 'too_many_conditions' }]);
  });
});
