import { describe, expect, it, beforeEach } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';

const t = useTestApp();
const f = factories(t);
let n = 0;

const all = { kind: 'group', match: 'all', conditions: [] };
const where = (field: string, op: string, value: string) => ({ kind: 'group', match: 'all', conditions: [{ kind: 'field', field, op, value }] });

async function team(size: number): Promise<{ id: number; members: number[] }> {
  const id = (await t.api(t.adminToken, 'POST', '/teams', { name: `Team ${++n}` })).body.data.id as number;
  const members: number[] = [];
  for (let i = 0; i < size; i++) members.push((await f.user('sales', { team_id: id })).id);
  return { id, members };
}

async function rule(body: Record<string, unknown>) {
  const r = await t.api(t.adminToken, 'POST', '/assignment-rules', { object: 'accounts', name: `Rule ${++n}`, condition: all, ...body });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.data as { id: number; position: number };
}

const owners = (rows: Record<string, any>[]) => rows.map((r) => r.owner_id as number);
const countBy = (ids: number[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<number, number>());

beforeEach(async () => {
  await sql`DELETE FROM assignment_rules`.execute(t.app.db);
});

describe('assignment rules on create', () => {
  it('the first matching active rule decides, in order; an explicit owner wins; no match keeps the creator', async () => {
    const vip = await f.user('sales');
    const other = await f.user('sales');
    const off = await rule({ name: 'Inactive', active: false, strategy: 'user', user_id: other.id });
    const first = await rule({ name: 'Banks', condition: where('industry', 'eq', 'Banking'), strategy: 'user', user_id: vip.id });
    const second = await rule({ name: 'Shanghai', condition: where('region', 'eq', '上海'), strategy: 'user', user_id: other.id });
    expect([off.position, first.position, second.position]).toEqual([1, 2, 3]);

    expect((await f.account({ industry: 'Banking', region: '上海' })).owner_id).toBe(vip.id);
    expect((await f.account({ industry: 'Retail', region: '上海' })).owner_id).toBe(other.id);
    const me = (await t.api(t.adminToken, 'GET', '/auth/me')).body.data.id;
    expect((await f.account({ industry: 'Retail' })).owner_id).toBe(me);
    // Named explicitly, even as the creator: the rules stay out.
    expect((await f.account({ industry: 'Banking', owner_id: me })).owner_id).toBe(me);
    expect((await f.account({ industry: 'Banking', owner_id: other.id })).owner_id).toBe(other.id);

    // Reordered: Shanghai now comes first.
    const re = await t.api(t.adminToken, 'POST', '/assignment-rules/reorder', { object: 'accounts', ids: [second.id, first.id, off.id] });
    expect(re.status).toBe(200);
    expect(re.body.data.map((r: any) => r.id)).toEqual([second.id, first.id, off.id]);
    expect((await f.account({ industry: 'Banking', region: '上海' })).owner_id).toBe(other.id);
  });

  it('the assignment is audited with its rule and is the created record\'s owner', async () => {
    const u = await f.user('sales');
    const r = await rule({ name: 'Everyone to u', strategy: 'user', user_id: u.id });
    const a = await f.account();
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=accounts&filter[record_id]=${a.id}`);
    const assign = audit.body.data.find((e: any) => e.action === 'assign');
    expect(assign.changes).toEqual({ owner_id: [null, u.id], rule: { id: r.id, name: 'Everyone to u' } });
    const create = audit.body.data.find((e: any) => e.action === 'create');
    expect(create.changes.owner_id).toEqual([null, u.id]);
    // Contacts declare assignment too; rules are per object.
    expect((await f.contact()).owner_id).not.toBe(u.id);
    await t.api(t.adminToken, 'POST', '/assignment-rules', { object: 'contacts', name: 'c', condition: all, strategy: 'user', user_id: u.id });
    expect((await f.contact()).owner_id).toBe(u.id);
  });

  it('round robin takes the team in turn, skipping deactivated members; a user rule on a deactivated user falls through', async () => {
    const { id, members } = await team(3);
    const gone = await f.user('sales');
    await t.api(t.adminToken, 'PATCH', `/users/${gone.id}`, { active: false });
    await rule({ strategy: 'user', user_id: gone.id });
    await rule({ strategy: 'round_robin', team_id: id });
    const made = [];
    for (let i = 0; i < 6; i++) made.push(await f.account());
    expect(owners(made)).toEqual([...members, ...members]);
    expect((await t.api(t.adminToken, 'PATCH', `/users/${members[1]}`, { active: false })).status).toBe(200);
    const next = [];
    for (let i = 0; i < 4; i++) next.push(await f.account());
    expect(owners(next)).toEqual([members[0], members[2], members[0], members[2]]);
  });

  it('20 concurrent creates spread evenly over the team, none lost or doubled', async () => {
    const { id, members } = await team(4);
    // Contacts: no document number, whose counter lock would already make accounts' creates take turns.
    await rule({ object: 'contacts', strategy: 'round_robin', team_id: id });
    const made = await Promise.all(Array.from({ length: 20 }, () => f.contact()));
    expect([...countBy(owners(made)).entries()].sort((x, y) => x[0] - y[0])).toEqual(members.map((m) => [m, 5]));
    // The stored owners are the ones answered.
    const { rows } = await sql<{ owner_id: number }>`SELECT owner_id::int AS owner_id FROM contacts WHERE id = ANY(${made.map((a) => a.id)}::bigint[])`.execute(t.app.db);
    expect([...countBy(owners(rows)).values()]).toEqual([5, 5, 5, 5]);
  });

  it('by load: the member with the fewest open tasks (the object\'s loadFilter) takes the next one', async () => {
    const { id, members } = await team(2);
    const [busy, free] = members as [number, number];
    for (let i = 0; i < 2; i++) await f.task({ owner_id: busy });
    for (let i = 0; i < 3; i++) await f.task({ owner_id: free, status: 'done' }); // done: not open work
    const r = await t.api(t.adminToken, 'POST', '/assignment-rules', { object: 'tasks', name: 'load', condition: all, strategy: 'load', team_id: id });
    expect(r.status).toBe(201);
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await f.task());
    // 0 open vs 2: free twice; then 2 and 2, a tie, goes in turn (busy), then free again.
    expect(owners(made)).toEqual([free, free, busy, free]);
  });
});

describe('POST /{object}/assign', () => {
  it('reassigns stored records by the rules, with the update right and visibility of each', async () => {
    const target = await f.user('sales');
    const sales = await f.user('sales');
    const own = await f.as(sales.token).account({ industry: 'Banking' });
    const hidden = await f.account({ industry: 'Banking' });
    const plain = await f.as(sales.token).account({ industry: 'Retail' });
    await rule({ condition: where('industry', 'eq', 'Banking'), strategy: 'user', user_id: target.id });

    const r = await t.api(sales.token, 'POST', '/accounts/assign', { ids: [own.id, hidden.id, plain.id, 999999] });
    expect(r.status).toBe(200);
    expect(r.body.data.assigned).toEqual([{ id: own.id, owner_id: target.id, rule_id: expect.any(Number) }]);
    expect(r.body.data.unmatched).toEqual([plain.id]);
    // A record the caller may not see answers exactly as a missing one.
    const [e1, e2] = r.body.data.errors;
    expect(e1.id).toBe(hidden.id);
    expect({ code: e1.code, message: e1.message }).toEqual({ code: e2.code, message: e2.message });
    expect(e1.code).toBe('not_found');
    expect((await t.api(t.adminToken, 'GET', `/accounts/${hidden.id}`)).body.data.owner_id).not.toBe(target.id);
    // An ordinary update: the owner change is in the audit and in the outbox event.
    const audit = (await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=accounts&filter[record_id]=${own.id}`)).body.data;
    expect(audit.find((a: any) => a.action === 'update').changes.owner_id).toEqual([sales.id, target.id]);
    expect(audit.find((a: any) => a.action === 'assign').changes.owner_id).toEqual([sales.id, target.id]);
    const { rows } = await sql<{ events: any[] }>`SELECT events FROM event_outbox ORDER BY id DESC LIMIT 20`.execute(t.app.db);
    const ev = rows.flatMap((x) => x.events).find((e) => e.type === 'updated' && e.object === 'accounts' && e.id === own.id);
    expect(ev.changes.owner_id).toEqual([sales.id, target.id]);

    const ro = await f.user('readonly');
    const refused = await t.api(ro.token, 'POST', '/accounts/assign', { ids: [own.id] });
    expect(refused.status).toBe(403);
    // A role whose owner field is read-only may not have the rules change it either.
    expect((await t.api(t.adminToken, 'PATCH', '/roles/manager', { field_rules: { accounts: { owner_id: 'read' } } })).status).toBe(200);
    const manager = await f.user('manager');
    const ro2 = await t.api(manager.token, 'POST', '/accounts/assign', { ids: [own.id] });
    expect(ro2.status).toBe(403);
    await t.api(t.adminToken, 'PATCH', '/roles/manager', { field_rules: { accounts: { owner_id: null } } });
    expect((await t.api(t.adminToken, 'POST', '/accounts/assign', { ids: [] })).status).toBe(400);
    expect((await t.api(t.adminToken, 'POST', '/activities/assign', { ids: [1] })).status).toBe(404);
  });
});

describe('/assignment-rules', () => {
  it('administrators only; bad input is refused and nothing is saved', async () => {
    const sales = await f.user('sales');
    expect((await t.api(sales.token, 'GET', '/assignment-rules')).status).toBe(403);
    expect((await t.api(sales.token, 'POST', '/assignment-rules', { object: 'accounts', name: 'x', condition: all, strategy: 'user', user_id: sales.id })).status).toBe(403);
    const bad = async (body: Record<string, unknown>) => t.api(t.adminToken, 'POST', '/assignment-rules', { object: 'accounts', name: 'x', condition: all, strategy: 'user', user_id: sales.id, ...body });
    const tree = await bad({ condition: where('no_such_field', 'eq', 'x') });
    expect(tree.status).toBe(400);
    expect(tree.body.error.code).toBe('invalid_condition');
    expect((await bad({ condition: { kind: 'group', match: 'some' } })).body.error.code).toBe('invalid_condition');
    expect((await bad({ object: 'activities' })).body.error.details[0].code).toBe('not_assignable');
    expect((await bad({ user_id: 999999 })).body.error.details[0]).toMatchObject({ field: 'user_id', code: 'invalid_link' });
    expect((await bad({ strategy: 'round_robin', user_id: undefined })).body.error.details[0]).toMatchObject({ field: 'team_id', code: 'required' });
    expect((await bad({ strategy: 'sometimes' })).status).toBe(400);
    expect((await t.api(t.adminToken, 'GET', '/assignment-rules')).body.data).toEqual([]);

    const ok = await bad({});
    expect(ok.status).toBe(201);
    const patch = await t.api(t.adminToken, 'PATCH', `/assignment-rules/${ok.body.data.id}`, { condition: where('nope', 'eq', '1') });
    expect(patch.body.error.code).toBe('invalid_condition');
    expect((await t.api(t.adminToken, 'GET', '/assignment-rules?object=accounts')).body.data[0].condition).toEqual(all);
    expect((await t.api(t.adminToken, 'POST', '/assignment-rules/reorder', { object: 'accounts', ids: [ok.body.data.id, ok.body.data.id] })).body.error.details[0].code).toBe('invalid_order');
    expect((await t.api(t.adminToken, 'PATCH', '/assignment-rules/999999', { name: 'y' })).status).toBe(404);
    expect((await t.api(t.adminToken, 'DELETE', `/assignment-rules/${ok.body.data.id}`)).status).toBe(204);
    expect((await t.api(t.adminToken, 'DELETE', `/assignment-rules/${ok.body.data.id}`)).status).toBe(404);
  });

  it('a dry run tells which rule a record or values match and who would take it, without moving the round robin', async () => {
    const { id, members } = await team(2);
    const a = await rule({ name: 'Banks', condition: where('industry', 'eq', 'Banking'), strategy: 'round_robin', team_id: id });
    const b = await rule({ name: 'Rest', active: false, strategy: 'user', user_id: members[1] });
    const test = await t.api(t.adminToken, 'POST', '/assignment-rules/test', { object: 'accounts', values: { name: 'X', industry: 'banking' } });
    expect(test.status).toBe(200);
    expect(test.body.data.rule).toEqual({ id: a.id, name: 'Banks' });
    expect(test.body.data.user.id).toBe(members[0]);
    expect(test.body.data.rules).toEqual([{ id: a.id, name: 'Banks', active: true, matches: true }, { id: b.id, name: 'Rest', active: false, matches: true }]);
    // Twice: still the same member (nothing moved); the real create then takes that turn.
    expect((await t.api(t.adminToken, 'POST', '/assignment-rules/test', { object: 'accounts', values: { name: 'X', industry: 'Banking' } })).body.data.user.id).toBe(members[0]);
    const stored = await f.account({ industry: 'Retail' });
    const none = await t.api(t.adminToken, 'POST', '/assignment-rules/test', { object: 'accounts', id: stored.id });
    expect(none.body.data).toMatchObject({ rule: null, user: null });
    expect((await f.account({ industry: 'Banking' })).owner_id).toBe(members[0]);
    expect((await t.api(t.adminToken, 'POST', '/assignment-rules/test', { object: 'accounts', id: 999999 })).status).toBe(404);
    expect((await t.api(t.adminToken, 'POST', '/assignment-rules/test', { object: 'accounts' })).status).toBe(400);
  });
});
