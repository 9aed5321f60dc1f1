import { sql } from 'kysely';
import type { Tx } from '../records/types.ts';

// The SQL of document number sequences (core/numbering.ts holds the rules).

export interface SequenceRow {
  type: string;
  pattern: string;
  gap_free: boolean;
  period: string;
  value: number;
}

const COLUMNS = sql`type, pattern, gap_free, period, value::int8::text AS value`;
const asRow = (r: SequenceRow): SequenceRow => ({ ...r, value: Number(r.value) });

/** The type's counter row, locked until the transaction ends (null: no such type). */
export async function lockSequence(trx: Tx, type: string): Promise<SequenceRow | null> {
  const { rows } = await sql<SequenceRow>`SELECT ${COLUMNS} FROM number_sequences WHERE type = ${type} FOR UPDATE`.execute(trx);
  return rows[0] ? asRow(rows[0]) : null;
}

export async function saveCounter(trx: Tx, type: string, period: string, value: number): Promise<void> {
  await sql`UPDATE number_sequences SET period = ${period}, value = ${value} WHERE type = ${type}`.execute(trx);
}

/** Creates the type's row unless it exists (keeping its pattern), or updates a changed `gap_free` declaration. */
export async function insertSequence(db: Tx, s: { type: string; pattern: string; gapFree: boolean }): Promise<void> {
  await sql`INSERT INTO number_sequences (type, pattern, gap_free) VALUES (${s.type}, ${s.pattern}, ${s.gapFree})
    ON CONFLICT (type) DO UPDATE SET gap_free = EXCLUDED.gap_free WHERE number_sequences.gap_free <> EXCLUDED.gap_free`.execute(db);
}

export async function allSequences(db: Tx): Promise<SequenceRow[]> {
  const { rows } = await sql<SequenceRow>`SELECT ${COLUMNS} FROM number_sequences ORDER BY type`.execute(db);
  return rows.map(asRow);
}

export async function savePattern(trx: Tx, type: string, pattern: string, actorId: number): Promise<void> {
  await sql`UPDATE number_sequences SET pattern = ${pattern}, updated_at = now(), updated_by = ${actorId} WHERE type = ${type}`.execute(trx);
}
