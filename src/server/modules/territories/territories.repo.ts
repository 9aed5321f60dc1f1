import { sql, type RawBuilder } from 'kysely';
import type { Row, Tx } from '../../records/types.ts';

// SQL of the territories module: the closure table, members, rule territories, account
// assignment in batches, and counts. No rules here (territories.service.ts, territories.engine.ts).

/** The ancestors of a territory, nearest first (itself included), from the parent links. */
export async function ancestorIds(db: Tx, id: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    WITH RECURSIVE up(id, parent_id, n) AS (
      SELECT id, parent_id, 0 FROM territories WHERE id = ${id}
      UNION ALL SELECT t.id, t.parent_id, up.n + 1 FROM territories t JOIN up ON t.id = up.parent_id WHERE up.n < 1000
    ) SELECT id::int AS id FROM up ORDER BY n`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Rewrites the closure rows and depths of a territory's subtree (after it was created or moved;
 * its own depth is written by its write, so its answer carries the version stored):
 * every node below `id` gets as ancestors its path inside the subtree plus `id`'s ancestors.
 */
export async function rebuildSubtree(db: Tx, id: number): Promise<void> {
  const sub = sql`SELECT descendant_id FROM territory_closure WHERE ancestor_id = ${id}`;
  // Links from outside the subtree into it go; those inside it stay.
  await sql`DELETE FROM territory_closure WHERE descendant_id IN (${sub}) AND ancestor_id NOT IN (${sub})`.execute(db);
  await sql`INSERT INTO territory_closure (ancestor_id, descendant_id, depth) VALUES (${id}, ${id}, 0) ON CONFLICT DO NOTHING`.execute(db);
  await sql`INSERT INTO territory_closure (ancestor_id, descendant_id, depth)
    SELECT a.ancestor_id, d.descendant_id, a.depth + d.depth + 1
      FROM territory_closure a, territory_closure d, territories t
     WHERE t.id = ${id} AND a.descendant_id = t.parent_id AND d.ancestor_id = ${id}`.execute(db);
  await sql`UPDATE territories t SET depth = x.depth FROM (
      SELECT descendant_id, max(depth) AS depth FROM territory_closure WHERE descendant_id IN (${sub}) GROUP BY descendant_id
    ) x WHERE t.id = x.descendant_id AND t.id <> ${id} AND t.depth IS DISTINCT FROM x.depth`.execute(db);
}

export interface RuleTerritory {
  id: number;
  rule: unknown;
}

/** Active territories with a rule, most specific first: deepest, then highest priority, then oldest. */
export async function ruleTerritories(db: Tx): Promise<RuleTerritory[]> {
  const { rows } = await sql<RuleTerritory>`SELECT t.id::int AS id, r.rule FROM territories t JOIN territory_rules r ON r.territory_id = t.id
    WHERE t.active ORDER BY t.depth DESC, t.priority DESC, t.id`.execute(db);
  return rows;
}

/** The territory each of these rows (not yet written, in table form) gets from `pick` (a CASE over alias `accounts`). */
export async function pickForRows(db: Tx, rows: Row[], pick: RawBuilder<unknown>): Promise<(number | null)[]> {
  const { rows: out } = await sql<{ n: number; tid: number | null }>`SELECT (ordinality - 1)::int AS n, (${pick})::int AS tid
    FROM jsonb_populate_recordset(NULL::accounts, ${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS accounts`.execute(db);
  const res: (number | null)[] = Array(rows.length).fill(null);
  for (const r of out) res[r.n] = r.tid;
  return res;
}

/** The next batch of account ids after `afterId` (keyset), for the realign job. */
export async function accountBatch(db: Tx, afterId: number, limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`SELECT id::int AS id FROM accounts WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/** Sets the rule territory (`pick`, or null) on these accounts unless locked; answers the ids changed. */
export async function realignAccounts(db: Tx, ids: number[], pick: RawBuilder<unknown> | null): Promise<number[]> {
  if (!ids.length) return [];
  const value = pick ?? sql`NULL`;
  const { rows } = await sql<{ id: number }>`UPDATE accounts SET territory_id = x.tid FROM (
      SELECT accounts.id, (${value})::bigint AS tid FROM accounts WHERE accounts.id = ANY(${sql.val(ids)}::bigint[]) AND NOT accounts.territory_locked
    ) x WHERE accounts.id = x.id AND accounts.territory_id IS DISTINCT FROM x.tid RETURNING accounts.id::int AS id`.execute(db);
  return rows.map((r) => r.id);
}

export interface MemberRow {
  territory_id: number;
  user_id: number;
  role: 'member' | 'manager';
}

export async function membersOf(db: Tx, territoryIds: number[] | null): Promise<MemberRow[]> {
  const where = territoryIds ? sql`WHERE territory_id = ANY(${sql.val(territoryIds)}::bigint[])` : sql``;
  const { rows } = await sql<MemberRow>`SELECT territory_id::int AS territory_id, user_id::int AS user_id, role FROM territory_members ${where} ORDER BY territory_id, user_id`.execute(db);
  return rows;
}

export async function replaceMembers(db: Tx, territoryId: number, members: { user_id: number; role: string }[]): Promise<void> {
  await sql`DELETE FROM territory_members WHERE territory_id = ${territoryId}`.execute(db);
  if (!members.length) return;
  await sql`INSERT INTO territory_members (territory_id, user_id, role)
    SELECT ${territoryId}, u, r FROM unnest(${sql.val(members.map((m) => m.user_id))}::bigint[], ${sql.val(members.map((m) => m.role))}::text[]) AS x(u, r)`.execute(db);
}

export async function activeUserIds(db: Tx, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const { rows } = await sql<{ id: number }>`SELECT id::int AS id FROM users WHERE id = ANY(${sql.val(ids)}::bigint[]) AND active`.execute(db);
  return new Set(rows.map((r) => r.id));
}

export async function setRule(db: Tx, id: number, rule: unknown): Promise<void> {
  if (rule === null) await sql`DELETE FROM territory_rules WHERE territory_id = ${id}`.execute(db);
  else await sql`INSERT INTO territory_rules (territory_id, rule) VALUES (${id}, ${JSON.stringify(rule)}::jsonb)
    ON CONFLICT (territory_id) DO UPDATE SET rule = EXCLUDED.rule, updated_at = now()`.execute(db);
}

export async function ruleOf(db: Tx, id: number): Promise<unknown> {
  const { rows } = await sql<{ rule: unknown }>`SELECT rule FROM territory_rules WHERE territory_id = ${id}`.execute(db);
  return rows[0]?.rule ?? null;
}

export async function territoryRow(db: Tx, id: number, lock = false): Promise<Row | undefined> {
  const { rows } = await sql<Row>`SELECT * FROM territories WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows[0];
}

export async function allTerritories(db: Tx): Promise<Row[]> {
  const { rows } = await sql<Row>`SELECT t.id::int AS id, t.name, t.code, t.parent_id::int AS parent_id, t.manager_id::int AS manager_id, t.priority, t.active, t.description, r.rule, t.depth, t.version
    FROM territories t LEFT JOIN territory_rules r ON r.territory_id = t.id ORDER BY t.depth, t.name, t.id`.execute(db);
  return rows;
}

/**
 * Accounts per territory, directly and with everything below it, among the accounts `visible`
 * (the reader's visibility on accounts, alias `accounts`) — so the counts show only what the
 * reader could list.
 */
export async function accountCounts(db: Tx, visible: RawBuilder<boolean>): Promise<{ id: number; direct: number; total: number }[]> {
  const { rows } = await sql<{ id: number; direct: number; total: number }>`
    WITH per AS (SELECT accounts.territory_id AS tid, count(*)::int AS n FROM accounts WHERE accounts.territory_id IS NOT NULL AND ${visible} GROUP BY accounts.territory_id)
    SELECT c.ancestor_id::int AS id,
           coalesce(sum(per.n) FILTER (WHERE c.depth = 0), 0)::int AS direct,
           coalesce(sum(per.n), 0)::int AS total
      FROM territory_closure c JOIN per ON per.tid = c.descendant_id
     GROUP BY c.ancestor_id`.execute(db);
  return rows;
}

/** The depth of a territory (0: a root); undefined when there is none. */
export async function depthOf(db: Tx, id: number): Promise<number | undefined> {
  const { rows } = await sql<{ depth: number }>`SELECT depth FROM territories WHERE id = ${id}`.execute(db);
  return rows[0]?.depth;
}

/** Records how far a running job got, so a retry resumes there. */
export async function saveJobPayload(db: Tx, id: number, payload: Row): Promise<void> {
  await sql`UPDATE jobs SET payload = ${JSON.stringify(payload)}::jsonb WHERE id = ${id}`.execute(db);
}

export async function jobStatus(db: Tx, id: number, name: string): Promise<Row | undefined> {
  const { rows } = await sql<Row>`SELECT id::int AS id, status, payload, last_error, created_at, finished_at FROM jobs WHERE id = ${id} AND name = ${name}`.execute(db);
  return rows[0];
}
