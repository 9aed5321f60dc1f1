import { sql } from 'kysely';
import type { Tx } from '../../records/types.ts';

// SQL of commission_rules (no rules here: rules.service.ts checks the values first).

export interface RuleRow {
  id: number; name: string; basis: string; tier_mode: string; tiers: { from: string; rate: string }[];
  product_category: string | null; team_ids: number[]; user_ids: number[];
  valid_from: string | null; valid_to: string | null; clawback_days: number; active: boolean;
}

const COLUMNS = sql`id::int AS id, name, basis, tier_mode, tiers, product_category, team_ids::int[] AS team_ids, user_ids::int[] AS user_ids,
  to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, clawback_days, active`;

export async function listRules(db: Tx, onlyActive = false): Promise<RuleRow[]> {
  return (await sql<RuleRow>`SELECT ${COLUMNS} FROM commission_rules ${onlyActive ? sql`WHERE active` : sql``} ORDER BY id`.execute(db)).rows;
}

export async function findRule(db: Tx, id: number): Promise<RuleRow | undefined> {
  return (await sql<RuleRow>`SELECT ${COLUMNS} FROM commission_rules WHERE id = ${id}`.execute(db)).rows[0];
}

export type RuleValues = Omit<RuleRow, 'id'>;

export async function insertRule(db: Tx, v: RuleValues): Promise<number> {
  const { rows } = await sql<{ id: number }>`INSERT INTO commission_rules (name, basis, tier_mode, tiers, product_category, team_ids, user_ids, valid_from, valid_to, clawback_days, active)
    VALUES (${v.name}, ${v.basis}, ${v.tier_mode}, ${JSON.stringify(v.tiers)}::jsonb, ${v.product_category}, ${v.team_ids}::bigint[], ${v.user_ids}::bigint[],
      ${v.valid_from}::date, ${v.valid_to}::date, ${v.clawback_days}, ${v.active}) RETURNING id::int AS id`.execute(db);
  return rows[0]!.id;
}

export async function updateRule(db: Tx, id: number, v: RuleValues): Promise<void> {
  await sql`UPDATE commission_rules SET name = ${v.name}, basis = ${v.basis}, tier_mode = ${v.tier_mode}, tiers = ${JSON.stringify(v.tiers)}::jsonb,
    product_category = ${v.product_category}, team_ids = ${v.team_ids}::bigint[], user_ids = ${v.user_ids}::bigint[], valid_from = ${v.valid_from}::date,
    valid_to = ${v.valid_to}::date, clawback_days = ${v.clawback_days}, active = ${v.active}, updated_at = now() WHERE id = ${id}`.execute(db);
}

export async function deleteRule(db: Tx, id: number): Promise<void> {
  await sql`DELETE FROM commission_rules WHERE id = ${id}`.execute(db);
}

/** Which of these ids are missing from a table (users or teams). */
export async function missingIds(db: Tx, table: 'users' | 'teams', ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const { rows } = await sql<{ id: number }>`SELECT id::int AS id FROM ${sql.table(table)} WHERE id = ANY(${ids}::bigint[])`.execute(db);
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}
