import { sql } from 'kysely';
import type { Row, Tx } from '../../records/types.ts';
import { clockNow } from '../../seed/clock.ts';

// SQL of the opportunity's own tables beside its record row: history, contact roles, rates, lines presence.

export async function hasLines(db: Tx, id: number): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM opportunity_lines WHERE parent_id = ${id} LIMIT 1) x`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

export interface HistoryInsert {
  opportunity_id: number;
  actor_id: number;
  from_stage_id: number | null;
  to_stage_id: number | null;
  /** Seconds since the stage was entered (a stage change), else null. */
  entered_at: Date | string | null;
  amount: unknown;
  currency: string | null;
  amount_org: unknown;
  expected_close_date: unknown;
  probability: number | null;
  changed: string[];
}

/** The row's time is now(), except in `guanxi seed demo`, whose writes happen on past days (seed/clock.ts). */
export async function insertHistory(db: Tx, h: HistoryInsert): Promise<void> {
  const seconds = h.entered_at === null ? sql`NULL::bigint` : sql`floor(extract(epoch FROM ${clockNow} - ${h.entered_at}::timestamptz))::bigint`;
  await sql`INSERT INTO opportunity_history (opportunity_id, at, actor_id, from_stage_id, to_stage_id, seconds_in_previous, amount, currency, amount_org, expected_close_date, probability, changed)
    VALUES (${h.opportunity_id}, ${clockNow}, ${h.actor_id}, ${h.from_stage_id}, ${h.to_stage_id}, ${seconds}, ${h.amount}, ${h.currency}, ${h.amount_org}, ${h.expected_close_date}, ${h.probability}, ${sql.val(h.changed)}::text[])`.execute(db);
}

const HISTORY_CAP = 1000;

export async function selectHistory(db: Tx, id: number): Promise<Row[]> {
  const { rows } = await sql<Row>`SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_id::int AS actor_id, changed,
      from_stage_id::int AS from_stage_id, to_stage_id::int AS to_stage_id, seconds_in_previous::float8 AS seconds_in_previous,
      amount::text AS amount, currency, amount_org::text AS amount_org, to_char(expected_close_date, 'YYYY-MM-DD') AS expected_close_date, probability
    FROM opportunity_history WHERE opportunity_id = ${id} ORDER BY at, id LIMIT ${HISTORY_CAP}`.execute(db);
  return rows;
}

/** Seconds since a time, by the database's clock (the one stage_entered_at was written with). */
export async function secondsSince(db: Tx, at: Date | string): Promise<number> {
  const { rows } = await sql<{ s: number }>`SELECT floor(extract(epoch FROM now() - ${at}::timestamptz))::float8 AS s`.execute(db);
  return rows[0]!.s;
}

export async function selectContacts(db: Tx, id: number): Promise<{ contact_id: number; role: string }[]> {
  const { rows } = await sql<{ contact_id: number; role: string }>`SELECT contact_id::int AS contact_id, role FROM opportunity_contacts
    WHERE opportunity_id = ${id} ORDER BY position, contact_id LIMIT 100`.execute(db);
  return rows;
}

export async function replaceContacts(db: Tx, id: number, contacts: { contact_id: number; role: string }[]): Promise<void> {
  await sql`DELETE FROM opportunity_contacts WHERE opportunity_id = ${id}`.execute(db);
  if (!contacts.length) return;
  await sql`INSERT INTO opportunity_contacts (opportunity_id, contact_id, role, position)
    VALUES ${sql.join(contacts.map((c, i) => sql`(${id}, ${c.contact_id}, ${c.role}, ${i})`))}`.execute(db);
}

/** The stage and entry time of these opportunities (cards' rotting flags). */
export async function stageTimes(db: Tx, ids: number[]): Promise<Map<number, { stage_id: number; rotting: boolean }>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: number; stage_id: number; rotting: boolean }>`SELECT o.id::int AS id, o.stage_id::int AS stage_id,
      coalesce(s.rotting_days IS NOT NULL AND o.stage_category = 'open' AND o.stage_entered_at < now() - make_interval(days => s.rotting_days), false) AS rotting
    FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id WHERE o.id = ANY(${ids}::bigint[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r]));
}
