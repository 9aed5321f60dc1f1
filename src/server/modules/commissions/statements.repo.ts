import { sql, type RawBuilder } from 'kysely';
import type { Row, Tx } from '../../records/types.ts';

// The SQL of commission statements and their lines (this module's tables only).

export interface LineRow {
  id: number; statement_id: number; rule_id: number | null; rule_name: string | null; position: number;
  source_object: string; source_id: number; source_ref: string; source_title: string | null; source_date: string; source_amount: string | null;
  basis_amount: string; split_percent: string; credited_amount: string; rate: string; commission: string; clawback_of: number | null;
}

export type NewLine = Omit<LineRow, 'id' | 'statement_id' | 'rule_name' | 'position'>;

const COLS = ['rule_id', 'source_object', 'source_id', 'source_ref', 'source_title', 'source_date', 'source_amount', 'basis_amount', 'split_percent', 'credited_amount', 'rate', 'commission', 'clawback_of'] as const;

/** Writes system columns of a statement and answers the row (its version raised by the trigger). */
export async function setStatement(trx: Tx, id: number, set: Row): Promise<Row> {
  const assignments = Object.entries({ ...set, updated_at: new Date() }).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  const { rows } = await sql<Row>`UPDATE commission_statements SET ${sql.join(assignments)} WHERE id = ${id} RETURNING *`.execute(trx);
  return rows[0]!;
}

/** The rep's statement of a period that generation keeps up to date: the first made. */
export async function findStatementId(db: Tx, userId: number, kind: string, start: string): Promise<number | null> {
  const { rows } = await sql<{ id: number }>`SELECT id::int AS id FROM commission_statements
    WHERE user_id = ${userId} AND period_kind = ${kind} AND period_start = ${start}::date ORDER BY id LIMIT 1`.execute(db);
  return rows[0]?.id ?? null;
}

/** Sources a rule already credits the rep on another statement (`object:id:ref`), so none is credited twice. */
export async function creditedElsewhere(db: Tx, userId: number, ruleId: number, statementId: number): Promise<Set<string>> {
  const { rows } = await sql<{ k: string }>`SELECT DISTINCT l.source_object || ':' || l.source_id || ':' || l.source_ref AS k
    FROM commission_lines l JOIN commission_statements s ON s.id = l.statement_id
    WHERE s.user_id = ${userId} AND l.rule_id = ${ruleId} AND l.statement_id <> ${statementId} AND l.clawback_of IS NULL`.execute(db);
  return new Set(rows.map((r) => r.k));
}

export async function replaceLines(trx: Tx, statementId: number, lines: NewLine[]): Promise<void> {
  await sql`DELETE FROM commission_lines WHERE statement_id = ${statementId}`.execute(trx);
  if (!lines.length) return;
  const values = lines.map((l, i) => sql`(${sql.join([statementId, i + 1, ...COLS.map((c) => l[c])])})`);
  await sql`INSERT INTO commission_lines (statement_id, position, ${sql.join(COLS.map((c) => sql.ref(c)))}) VALUES ${sql.join(values)}`.execute(trx);
}

const LINE_SELECT = sql`l.id::int AS id, l.statement_id::int AS statement_id, l.rule_id::int AS rule_id, r.name AS rule_name, l.position, l.source_object,
  l.source_id::int AS source_id, l.source_ref, l.source_title, to_char(l.source_date, 'YYYY-MM-DD') AS source_date, l.source_amount::text AS source_amount,
  l.basis_amount::text AS basis_amount, l.split_percent::text AS split_percent, l.credited_amount::text AS credited_amount, l.rate,
  l.commission::text AS commission, l.clawback_of::int AS clawback_of`;

export async function statementLines(db: Tx, statementId: number): Promise<LineRow[]> {
  const { rows } = await sql<LineRow>`SELECT ${LINE_SELECT} FROM commission_lines l LEFT JOIN commission_rules r ON r.id = l.rule_id
    WHERE l.statement_id = ${statementId} ORDER BY l.position`.execute(db);
  return rows;
}

/**
 * A rep's paid lines of periods before `before`, with what later statements (other than
 * `except`) already clawed back from each and the rule's clawback window.
 */
export async function paidLines(db: Tx, userId: number, before: string, except: number): Promise<(LineRow & { clawed: string; clawback_days: number })[]> {
  const { rows } = await sql<LineRow & { clawed: string; clawback_days: number }>`
    SELECT ${LINE_SELECT}, r.clawback_days,
      COALESCE((SELECT sum(c.commission) FROM commission_lines c WHERE c.clawback_of = l.id AND c.statement_id <> ${except}), 0)::text AS clawed
    FROM commission_lines l JOIN commission_statements s ON s.id = l.statement_id JOIN commission_rules r ON r.id = l.rule_id
    WHERE s.user_id = ${userId} AND s.status = 'paid' AND s.period_start < ${before}::date AND l.clawback_of IS NULL AND l.commission <> 0 AND r.clawback_days > 0
    ORDER BY l.source_date, l.id`.execute(db);
  return rows;
}

/** The rep's team and the team's manager (who approves the rep's statements). */
export async function repOf(db: Tx, userId: number): Promise<{ id: number; name: string; team_id: number | null; manager_id: number | null } | undefined> {
  const { rows } = await sql<{ id: number; name: string; team_id: number | null; manager_id: number | null }>`
    SELECT u.id::int AS id, u.name, u.team_id::int AS team_id, t.manager_id::int AS manager_id FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.id = ${userId}`.execute(db);
  return rows[0];
}

/** Statements of a period with their reps' names, restricted by the caller's visibility condition. */
export async function statementsOfPeriod(db: Tx, kind: string, start: string, visible: RawBuilder<boolean>): Promise<{ user_id: number; user_name: string; statement_id: number; status: string; commission_total: string }[]> {
  const { rows } = await sql<{ user_id: number; user_name: string; statement_id: number; status: string; commission_total: string }>`
    SELECT s.user_id::int AS user_id, u.name AS user_name, s.id::int AS statement_id, s.status, round(s.commission_total, 2)::text AS commission_total
    FROM commission_statements s JOIN users u ON u.id = s.user_id
    WHERE s.period_kind = ${kind} AND s.period_start = ${start}::date AND ${visible} ORDER BY s.commission_total DESC, s.id`.execute(db);
  return rows;
}
