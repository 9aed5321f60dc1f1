import { sql, type RawBuilder } from 'kysely';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';

// The SQL of assignment rules and of the questions they ask of record tables (who may take a
// record, how loaded each member is, which records a condition matches). No rules here.

export interface RuleRow {
  id: number;
  object: string;
  name: string;
  position: number;
  active: boolean;
  condition: unknown;
  strategy: 'user' | 'round_robin' | 'load';
  user_id: number | null;
  team_id: number | null;
  last_user_id: number | null;
  updated_at: Date | string;
}

const COLUMNS = sql`id::int AS id, object, name, position, active, condition, strategy, user_id::int AS user_id, team_id::int AS team_id, last_user_id::int AS last_user_id, updated_at`;

export async function selectRules(db: Tx, object?: string, activeOnly = false): Promise<RuleRow[]> {
  const where = [sql`true`];
  if (object) where.push(sql`object = ${object}`);
  if (activeOnly) where.push(sql`active`);
  const { rows } = await sql<RuleRow>`SELECT ${COLUMNS} FROM assignment_rules WHERE ${sql.join(where, sql` AND `)} ORDER BY object, position, id`.execute(db);
  return rows;
}

export async function selectRule(db: Tx, id: number, lock = false): Promise<RuleRow | undefined> {
  const { rows } = await sql<RuleRow>`SELECT ${COLUMNS} FROM assignment_rules WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows[0];
}

export async function insertRule(db: Tx, r: Omit<RuleRow, 'id' | 'position' | 'last_user_id' | 'updated_at'>, createdBy: number): Promise<number> {
  // A new rule goes last among its object's rules.
  const { rows } = await sql<{ id: number }>`INSERT INTO assignment_rules (object, name, position, active, condition, strategy, user_id, team_id, created_by)
    SELECT ${r.object}, ${r.name}, coalesce(max(position), 0) + 1, ${r.active}, ${JSON.stringify(r.condition)}::jsonb, ${r.strategy}, ${r.user_id}, ${r.team_id}, ${createdBy}
    FROM assignment_rules WHERE object = ${r.object} RETURNING id::int AS id`.execute(db);
  return rows[0]!.id;
}

export async function updateRuleRow(db: Tx, id: number, r: Pick<RuleRow, 'name' | 'active' | 'condition' | 'strategy' | 'user_id' | 'team_id'>): Promise<void> {
  await sql`UPDATE assignment_rules SET name = ${r.name}, active = ${r.active}, condition = ${JSON.stringify(r.condition)}::jsonb, strategy = ${r.strategy},
    user_id = ${r.user_id}, team_id = ${r.team_id}, updated_at = now() WHERE id = ${id}`.execute(db);
}

export async function deleteRuleRow(db: Tx, id: number): Promise<boolean> {
  const { rows } = await sql`DELETE FROM assignment_rules WHERE id = ${id} RETURNING id`.execute(db);
  return rows.length > 0;
}

/** Positions 1..n in the order of `ids` (the caller checked they are exactly the object's rules). */
export async function setPositions(db: Tx, ids: number[]): Promise<void> {
  await sql`UPDATE assignment_rules r SET position = o.n, updated_at = now()
    FROM unnest(${sql.val(ids)}::bigint[]) WITH ORDINALITY AS o(id, n) WHERE r.id = o.id`.execute(db);
}

/** The round-robin pointer: the member who took the rule's last record. Called with the rule row locked. */
export async function setPointer(db: Tx, id: number, userId: number): Promise<void> {
  await sql`UPDATE assignment_rules SET last_user_id = ${userId} WHERE id = ${id}`.execute(db);
}

export async function userExists(db: Tx, id: number): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM users WHERE id = ${id}`.execute(db);
  return rows.length > 0;
}

export async function teamExists(db: Tx, id: number): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM teams WHERE id = ${id}`.execute(db);
  return rows.length > 0;
}

/** Active users among these ids, with their names. */
export async function activeUsers(db: Tx, ids: number[]): Promise<{ id: number; name: string }[]> {
  if (!ids.length) return [];
  const { rows } = await sql<{ id: number; name: string }>`SELECT id::int AS id, name FROM users WHERE id = ANY(${sql.val(ids)}::bigint[]) AND active ORDER BY id`.execute(db);
  return rows;
}

/** A team's active members, by id (the round-robin order). Deactivated users never take records. */
export async function teamMembers(db: Tx, teamId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`SELECT id::int AS id FROM users WHERE team_id = ${teamId} AND active ORDER BY id`.execute(db);
  return rows.map((r) => r.id);
}

/** Open records per member: the object's records each owns that match `open` (its load filter). */
export async function ownerLoads(db: Tx, def: ObjectDef, members: number[], open: RawBuilder<boolean>): Promise<Map<number, number>> {
  const owner = sql.ref(`${def.name}.${def.ownerField!}`);
  const { rows } = await sql<{ owner: number; n: number }>`SELECT ${owner}::int AS owner, count(*)::int AS n FROM ${sql.table(def.name)}
    WHERE ${owner} = ANY(${sql.val(members)}::bigint[]) AND ${open} GROUP BY ${owner}`.execute(db);
  return new Map(rows.map((r) => [r.owner, r.n]));
}

/**
 * Which of records not yet written match `cond`: each becomes a row of the object's table type
 * (jsonb_populate_recordset, columns not given are NULL), aliased as the table so the condition
 * reads it like a stored row. Answers their indexes.
 */
export async function matchNew(db: Tx, def: ObjectDef, rows: Row[], cond: RawBuilder<boolean>): Promise<number[]> {
  const t = sql.table(def.name);
  const { rows: hits } = await sql<{ n: number }>`SELECT (ordinality - 1)::int AS n
    FROM jsonb_populate_recordset(NULL::${t}, ${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS ${t} WHERE ${cond}`.execute(db);
  return hits.map((h) => h.n);
}

/** Which of these stored records match `cond`. */
export async function matchStored(db: Tx, def: ObjectDef, ids: number[], cond: RawBuilder<boolean>): Promise<number[]> {
  const t = sql.table(def.name);
  const { rows } = await sql<{ id: number }>`SELECT ${sql.ref(`${def.name}.id`)}::int AS id FROM ${t} WHERE ${sql.ref(`${def.name}.id`)} = ANY(${sql.val(ids)}::bigint[]) AND ${cond}`.execute(db);
  return rows.map((r) => r.id);
}
