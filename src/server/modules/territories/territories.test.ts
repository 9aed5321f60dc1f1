import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { REALIGN_JOB } from './territories.realign.ts';

const t = useTestApp();
const f = factories(t);
let n = 0;

const where = (field: string, op: string, value: string) => ({ kind: 'group', match: 'all', conditions: [{ kind: 'field', field, op, value }] });
const admin = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) => t.api(t.adminToken, method, url, body);

async function territory(body: Record<string, unknown> = {}, rule?: unknown) {
  const r = await admin('POST', '/territories', { name: `T${++n}`, ...body });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  if (rule) expect((await admin('PUT', `/territories/${r.body.data.id}/rule`, { condition: rule })).status).toBe(200);
  return r.body.data as { id: number; depth: number; version: number };
}

const territoryOf = async (id: number) => (await admin('GET', `/accounts/${id}`)).body.data.territory_id as number | null;

beforeEach(async () => {
  await sql`UPDATE accounts SET territory_id = NULL`.execute(t.app.db);
  await sql`DELETE FROM territories WHERE parent_id IS NOT NULL`.execute(t.app.db);
  await sql`DELETE FROM territories`.execute(t.app.db);
});

describe('territory tree', () => {
  it('keeps depths and the closure on create and move, and refuses a cycle (422) changing nothing', async () => {
    const east = await territory({ name: 'East' });
    const sh = await territory({ name: 'Shanghai', parent_id: east.id });
    const pd = await territory({ name: 'Pudong', parent_id: sh.id });
    expect([east.depth, sh.depth, pd.depth]).toEqual([0, 1, 2]);
    const closure = async () => (await sql<{ a: number; d: number; depth: number }>`SELECT ancestor_id::int AS a, descendant_id::int AS d, depth FROM territory_closure ORDER BY 1, 2`.execute(t.app.db)).rows;
    expect(await closure()).toEqual([
      { a: east.id, d: east.id, depth: 0 }, { a: east.id, d: sh.id, depth: 1 }, { a: east.id, d: pd.id, depth: 2 },
      { a: sh.id, d: sh.id, depth: 0 }, { a: sh.id, d: pd.id, depth: 1 }, { a: pd.id, d: pd.id, depth: 0 },
    ].sort((x, y) => x.a - y.a || x.d - y.d));

    // Under itself, or under its own descendant: refused, the tree unchanged.
    for (const parent of [east.id, pd.id]) {
      const r = await admin('PATCH', `/territories/${east.id}`, { parent_id: parent });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('tree_cycle');
    }
    const before = await closure();
    // Moving Shanghai (with Pudong) to a new root rewrites the subtree.
    const west = await territory({ name: 'West' });
    const moved = await admin('PATCH', `/territories/${sh.id}`, { parent_id: west.id });
    expect(moved.status).toBe(200);
    expect(moved.body.data.depth).toBe(1);
    const after = await closure();
    expect(after).not.toEqual(before);
    expect(after.filter((r) => r.d === pd.id)).toEqual([{ a: sh.id, d: pd.id, depth: 1 }, { a: pd.id, d: pd.id, depth: 0 }, { a: west.id, d: pd.id, depth: 2 }].sort((x, y) => x.a - y.a));
    expect(after.some((r) => r.a === east.id && r.d !== east.id)).toBe(false);
    // A territory with territories under it cannot be deleted.
    expect((await admin('DELETE', `/territories/${west.id}`)).status).toBe(409);
  });

  it('only administrators write territories, rules and members', async () => {
    const sales = await f.user('manager');
    const x = await territory();
    expect((await t.api(sales.token, 'POST', '/territories', { name: 'Mine' })).status).toBe(403);
    expect((await t.api(sales.token, 'PUT', `/territories/${x.id}/rule`, { condition: where('city', 'eq', 'A') })).status).toBe(403);
    expect((await t.api(sales.token, 'PUT', `/territories/${x.id}/members`, { members: [] })).status).toBe(403);
    expect((await t.api(sales.token, 'POST', '/territories/realign')).status).toBe(403);
    expect((await t.api(sales.token, 'GET', '/territories/tree')).status).toBe(403);
    // A bad rule is refused and nothing is saved.
    const bad = await admin('PUT', `/territories/${x.id}/rule`, { condition: where('no_such_field', 'eq', 'A') });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_condition');
    const tree = (await admin('GET', '/territories/tree')).body.data;
    expect(tree.find((r: any) => r.id === x.id).rule).toBeNull();
    // Members must be active users, each once.
    const dup = await admin('PUT', `/territories/${x.id}/members`, { members: [{ user_id: sales.id, role: 'member' }, { user_id: sales.id, role: 'manager' }] });
    expect(dup.status).toBe(400);
    expect((await admin('PUT', `/territories/${x.id}/members`, { members: [{ user_id: 987654, role: 'member' }] })).status).toBe(400);
    const ok = await admin('PUT', `/territories/${x.id}/members`, { members: [{ user_id: sales.id, role: 'manager' }] });
    expect(ok.status).toBe(200);
    // Anyone may read territories (names on accounts), but not their rules or members.
    expect((await admin('PUT', `/territories/${x.id}/rule`, { condition: where('city', 'eq', 'SECRET-CITY') })).status).toBe(200);
    const read = await t.api(sales.token, 'GET', `/territories/${x.id}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toMatch(/SECRET-CITY|"rule"|members/);
    // Cleared priority and active fall back to their defaults.
    expect((await admin('PATCH', `/territories/${x.id}`, { priority: null, active: null })).body.data).toMatchObject({ priority: 0, active: true });
    expect((await admin('GET', '/territories/tree')).body.data.find((r: any) => r.id === x.id).members).toEqual([{ user_id: sales.id, role: 'manager' }]);
  });
});

describe('account assignment', () => {
  it('the deepest matching territory wins, then the higher priority; recomputed when the account changes', async () => {
    const cn = await territory({ name: 'China' }, where('country', 'eq', 'CN'));
    const east = await territory({ name: 'East', parent_id: cn.id }, where('province', 'eq', '上海'));
    const low = await territory({ name: 'Pudong low', parent_id: east.id, priority: 1 }, where('city', 'eq', '浦东'));
    const high = await territory({ name: 'Pudong high', parent_id: east.id, priority: 5 }, where('city', 'eq', '浦东'));
    const a = await f.account({ country: 'CN', province: '上海', city: '浦东' });
    expect(a.territory_id).toBe(high.id);
    expect((await f.account({ country: 'CN', province: '上海', city: '徐汇' })).territory_id).toBe(east.id);
    expect((await f.account({ country: 'CN', province: '北京' })).territory_id).toBe(cn.id);
    expect((await f.account({ country: 'US' })).territory_id).toBeNull();
    // An update re-decides; an inactive territory assigns nothing.
    expect((await admin('PATCH', `/accounts/${a.id}`, { city: '徐汇' })).body.data.territory_id).toBe(east.id);
    expect((await admin('PATCH', `/territories/${east.id}`, { active: false })).status).toBe(200);
    expect((await admin('PATCH', `/accounts/${a.id}`, { city: '浦东' })).body.data.territory_id).toBe(high.id);
    expect((await admin('PATCH', `/accounts/${a.id}`, { city: '徐汇' })).body.data.territory_id).toBe(cn.id);
    expect(low.id).toBeLessThan(high.id);
    // Clients cannot write the territory themselves.
    const direct = await admin('PATCH', `/accounts/${a.id}`, { territory_id: high.id });
    expect(direct.status).toBe(400);
    expect(await territoryOf(a.id)).toBe(cn.id);
  });

  it('realign: a job recomputes every account in batches; a locked account keeps the manual choice', async () => {
    const accounts = [];
    for (let i = 0; i < 3; i++) accounts.push(await f.account({ city: '杭州' }));
    const locked = await f.account({ city: '杭州' });
    const manual = await territory({ name: 'Manual' });
    const set = await admin('PUT', `/accounts/${locked.id}/territory`, { territory_id: manual.id, locked: true });
    expect(set.status).toBe(200);
    expect(set.body.data).toMatchObject({ territory_id: manual.id, territory_locked: true });
    const hz = await territory({ name: 'Hangzhou' }, where('city', 'eq', '杭州'));
    // The rule came after the accounts: they wait for a realignment.
    expect(await territoryOf(accounts[0]!.id)).toBeNull();
    const job = await admin('POST', '/territories/realign');
    expect(job.status).toBe(202);
    await t.app.jobs.drain();
    const status = (await admin('GET', `/territories/realign/${job.body.data.job_id}`)).body.data;
    expect(status).toMatchObject({ status: 'done', changed: 3 });
    expect(status.scanned).toBeGreaterThanOrEqual(4);
    for (const a of accounts) expect(await territoryOf(a.id)).toBe(hz.id);
    expect(await territoryOf(locked.id)).toBe(manual.id);
    // A write of the locked account keeps it; unlocking hands it back to the rules at once.
    expect((await admin('PATCH', `/accounts/${locked.id}`, { city: '杭州' })).body.data.territory_id).toBe(manual.id);
    const unlock = await admin('PUT', `/accounts/${locked.id}/territory`, { locked: false });
    expect(unlock.body.data).toMatchObject({ territory_id: hz.id, territory_locked: false });
    // Refused: a missing territory, a missing account; nothing changes.
    expect((await admin('PUT', `/accounts/${locked.id}/territory`, { territory_id: 987654, locked: true })).status).toBe(400);
    expect((await admin('PUT', `/accounts/987654/territory`, { territory_id: manual.id, locked: true })).status).toBe(404);
    expect(await territoryOf(locked.id)).toBe(hz.id);
  });

  it('realign goes by keyset batches and resumes after the last committed one', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await f.account({ city: '苏州' }));
    const sz = await territory({ name: 'Suzhou' }, where('city', 'eq', '苏州'));
    const me = (await admin('GET', '/auth/me')).body.data.id;
    // A run interrupted after the second account: it resumes there, in batches of two.
    const id = await t.app.jobs.enqueue(REALIGN_JOB, { actor_id: me, after_id: made[1]!.id, scanned: 0, changed: 0, batch: 2 });
    await t.app.jobs.drain();
    const status = (await admin('GET', `/territories/realign/${id}`)).body.data;
    expect(status).toMatchObject({ status: 'done', changed: 3 });
    expect(await territoryOf(made[0]!.id)).toBeNull();
    expect(await territoryOf(made[1]!.id)).toBeNull();
    for (const a of made.slice(2)) expect(await territoryOf(a.id)).toBe(sz.id);
    const { rows } = await sql<{ payload: { batch: number } }>`SELECT payload FROM jobs WHERE id = ${id}`.execute(t.app.db);
    expect(rows[0]!.payload.batch).toBe(2);
    // Audited per batch, on accounts.
    const ids = new Set(made.map((a) => a.id));
    const audit = (await admin('GET', '/audit-log?filter[object]=accounts&limit=50')).body.data
      .filter((r: any) => r.action === 'territory_realign' && r.changes.ids.some((x: number) => ids.has(x)));
    expect(audit.flatMap((r: any) => r.changes.ids).sort()).toEqual(made.slice(2).map((a) => a.id).sort());
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('filters accounts by territory including everything below it, and counts them per territory', async () => {
    const root = await territory({ name: 'Root' }, where('region', 'eq', 'R'));
    const child = await territory({ name: 'Child', parent_id: root.id }, where('city', 'eq', 'C'));
    const other = await territory({ name: 'Other' }, where('region', 'eq', 'O'));
    const a1 = await f.account({ region: 'R' });
    const a2 = await f.account({ region: 'R', city: 'C' });
    const a3 = await f.account({ region: 'O' });
    const ids = async (q: string) => (await admin('GET', `/accounts?${q}&limit=200`)).body.data.map((r: any) => r.id).sort();
    expect(await ids(`filter[territory_id][under]=${root.id}`)).toEqual([a1.id, a2.id].sort());
    expect(await ids(`filter[territory_id][under]=${child.id}`)).toEqual([a2.id]);
    expect(await ids(`filter[territory_id]=${root.id}`)).toEqual([a1.id]);
    expect(await ids(`filter[territory_id][under]=${other.id}`)).toEqual([a3.id]);
    // `under` applies to links to a tree only.
    const wrong = await admin('GET', `/accounts?filter[owner_id][under]=1`);
    expect(wrong.status).toBe(400);
    const report = (await admin('GET', '/territories/report')).body;
    const row = (id: number) => report.data.find((r: any) => r.id === id);
    expect(row(root.id)).toMatchObject({ direct: 1, total: 2 });
    expect(row(child.id)).toMatchObject({ direct: 1, total: 1 });
    expect(row(other.id)).toMatchObject({ direct: 1, total: 1 });
    expect(report.assigned).toBe(3);
    const tree = (await admin('GET', '/territories/tree')).body.data;
    expect(tree.find((r: any) => r.id === root.id).accounts).toEqual({ direct: 1, total: 2 });
  });
});
