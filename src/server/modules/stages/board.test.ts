import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { generateKeyBetween } from 'fractional-indexing';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';

// The kanban board (records/board.ts): column counts and sums are the database's over what the
// caller may see, cards page in position order, and a move rewrites only the moved card.
const t = useTestApp({ modules: [join(import.meta.dirname, '../../test-modules/deals')] });
const f = factories(t);

const deal = async (values: Record<string, unknown>, token = t.adminToken) => {
  const r = await t.api(token, 'POST', '/deals', { name: 'Deal', ...values });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data as { id: number };
};
const allCards = async (token: string, object: string, value: string, extra = '') => {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const r = await t.api(token, 'GET', `/${object}/board/cards?value=${value}&limit=2${cursor ? `&cursor=${cursor}` : ''}${extra}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    ids.push(...r.body.data.map((c: { id: number }) => c.id));
    cursor = r.body.next_cursor;
  } while (cursor);
  return ids;
};
const versions = async (ids: number[]) =>
  Object.fromEntries((await sql<{ id: number; version: number }>`SELECT id::int AS id, version FROM deals WHERE id = ANY(${ids}::bigint[])`.execute(t.database.db)).rows.map((r) => [r.id, r.version]));

let owner: { id: number; token: string };
let other: { id: number; token: string };

beforeAll(async () => {
  owner = await f.user('sales');
  other = await f.user('sales');
  for (const [stage, amount] of [['lead', 10.1], ['lead', 20.2], ['qualified', 5], ['qualified', null]] as const) await deal({ stage, amount }, owner.token);
  await deal({ stage: 'lead', amount: 1000, name: 'Secret lead' }, other.token);
});

describe('columns', () => {
  it('count and total each stage as a direct query does, over visible records only', async () => {
    const r = await t.api(t.adminToken, 'GET', '/deals/board?field=stage&sum=amount');
    expect(r.status).toBe(200);
    const { rows } = await sql<{ stage: string; n: number; s: string | null }>`SELECT stage, count(*)::int AS n, sum(amount)::text AS s FROM deals GROUP BY stage`.execute(t.database.db);
    const direct = new Map(rows.map((x) => [x.stage, x]));
    expect(r.body.data.columns.map((c: any) => c.value)).toEqual(['lead', 'qualified', 'won', 'lost']);
    for (const c of r.body.data.columns) {
      expect(c.count).toBe(direct.get(c.value)?.n ?? 0);
      expect(Number(c.sum)).toBe(Number(direct.get(c.value)?.s ?? 0));
    }
    const mine = await t.api(owner.token, 'GET', '/deals/board?sum=amount');
    expect(mine.body.data.columns.slice(0, 2)).toEqual([{ value: 'lead', count: 2, sum: '30.30' }, { value: 'qualified', count: 1 + 1, sum: '5.00' }]);
    expect(JSON.stringify(mine.body)).not.toContain('1000');
  });

  it('take the list filters, and refuse an unknown board field or total', async () => {
    const r = await t.api(owner.token, 'GET', '/deals/board?filter[amount][gt]=15');
    expect(r.body.data.columns[0]).toEqual({ value: 'lead', count: 1 });
    expect((await t.api(owner.token, 'GET', '/deals/board?field=name')).body.error.details[0].code).toBe('not_board_field');
    expect((await t.api(owner.token, 'GET', '/deals/board?sum=name')).body.error.details[0].code).toBe('not_summable');
    expect((await t.api(owner.token, 'GET', '/deals/board/cards?value=nope')).status).toBe(400);
  });
});

describe('cards and moves', () => {
  it('pages a column in position order and shows only visible cards', async () => {
    const mine = await allCards(owner.token, 'deals', 'lead');
    expect(mine).toHaveLength(2);
    const admin = await allCards(t.adminToken, 'deals', 'lead');
    expect(admin).toHaveLength(3);
    expect(admin.filter((id) => mine.includes(id))).toEqual(mine);
  });

  it('puts a card between two others with one UPDATE of that card only', async () => {
    const a = await deal({ stage: 'qualified', name: 'A' });
    const b = await deal({ stage: 'qualified', name: 'B' });
    const c = await deal({ stage: 'lead', name: 'C' });
    const before = await versions([a.id, b.id, c.id]);
    const r = await t.api(t.adminToken, 'POST', `/deals/${c.id}/move`, { to: 'qualified', after_id: a.id, before_id: b.id });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data.stage).toBe('qualified');
    const column = await allCards(t.adminToken, 'deals', 'qualified');
    expect(column.slice(-3)).toEqual([a.id, c.id, b.id]);
    expect(await versions([a.id, b.id, c.id])).toEqual({ [a.id]: before[a.id], [b.id]: before[b.id], [c.id]: before[c.id] + 1 });
    // Within the column: to the top (before its first card), then to the end (no neighbour).
    const first = column[0]!;
    await t.api(t.adminToken, 'POST', `/deals/${b.id}/move`, { to: 'qualified', before_id: first });
    expect((await allCards(t.adminToken, 'deals', 'qualified'))[0]).toBe(b.id);
    await t.api(t.adminToken, 'POST', `/deals/${b.id}/move`, { to: 'qualified' });
    expect((await allCards(t.adminToken, 'deals', 'qualified')).at(-1)).toBe(b.id);
    // Only after_id: right after it, before the card that followed it.
    await t.api(t.adminToken, 'POST', `/deals/${b.id}/move`, { to: 'qualified', after_id: a.id });
    expect((await allCards(t.adminToken, 'deals', 'qualified')).slice(-3)).toEqual([a.id, b.id, c.id]);
  });

  it('obeys the transitions and the entry fields, changing nothing when refused', async () => {
    const d = await deal({ stage: 'lead', name: 'Blocked' });
    const before = await versions([d.id]);
    const r = await t.api(t.adminToken, 'POST', `/deals/${d.id}/move`, { to: 'won' });
    expect(r.body.error.code).toBe('transition_not_allowed');
    const lost = await t.api(t.adminToken, 'POST', `/deals/${d.id}/move`, { to: 'lost' });
    expect(lost.body.error.code).toBe('stage_fields_required');
    expect(await versions([d.id])).toEqual(before);
  });

  it('refuses a hidden neighbour like a missing one, and a hidden card like a missing one', async () => {
    const mine = await deal({ stage: 'lead' }, owner.token);
    const { rows } = await sql<{ id: number }>`SELECT id::int AS id FROM deals WHERE owner_id = ${other.id}`.execute(t.database.db);
    const hiddenId = rows[0]!.id;
    const hidden = await t.api(owner.token, 'POST', `/deals/${mine.id}/move`, { to: 'lead', after_id: hiddenId });
    const missing = await t.api(owner.token, 'POST', `/deals/${mine.id}/move`, { to: 'lead', after_id: 99999999 });
    expect(hidden.status).toBe(400);
    expect(hidden.body).toEqual(missing.body);
    const card = await t.api(owner.token, 'POST', `/deals/${hiddenId}/move`, { to: 'qualified' });
    const none = await t.api(owner.token, 'POST', `/deals/99999999/move`, { to: 'qualified' });
    expect(card.status).toBe(404);
    expect(card.body).toEqual(none.body);
  });
});

describe('the tasks board', () => {
  it('is in the descriptor, counts by status and moves a task to done', async () => {
    const meta = await t.api(t.adminToken, 'GET', '/meta/objects/tasks');
    expect(meta.body.data.board).toEqual({ field: 'status' });
    const task = await f.task({ status: 'open' });
    const moved = await t.api(t.adminToken, 'POST', `/tasks/${task.id}/move`, { field: 'status', to: 'done' });
    expect(moved.status).toBe(200);
    expect(moved.body.data.completed_at).not.toBeNull();
    const board = await t.api(t.adminToken, 'GET', '/tasks/board?field=status');
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tasks WHERE status = 'done'`.execute(t.database.db);
    expect(board.body.data.columns.find((c: any) => c.value === 'done').count).toBe(rows[0]!.n);
    expect(await allCards(t.adminToken, 'tasks', 'done')).toContain(task.id);
  });
});

describe('migration 018', () => {
  it('backfills valid keys in id order (its UPDATE run again over existing tasks)', async () => {
    for (let i = 0; i < 70; i++) await f.task({ title: `Backfill ${i}` });
    const file = readFileSync(join(import.meta.dirname, '../../db/migrations/018_stages.sql'), 'utf8');
    const update = file.slice(file.indexOf('UPDATE tasks SET board_position'), file.indexOf('ALTER TABLE tasks ALTER COLUMN'));
    await sql.raw(update).execute(t.database.db);
    const { rows } = await sql<{ k: string }>`SELECT board_position AS k FROM tasks ORDER BY id`.execute(t.database.db);
    expect(rows.length).toBeGreaterThan(62);
    expect(rows[0]!.k).toBe('d0000');
    expect(rows[62]!.k).toBe('d0010');
    for (let i = 1; i < rows.length; i++) expect(generateKeyBetween(rows[i - 1]!.k, rows[i]!.k) > rows[i - 1]!.k).toBe(true);
  });
});
