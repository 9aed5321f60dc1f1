import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canDo, canReadField, recordVisibility, requireDo, type Actor } from '../../core/access.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { orgCurrency } from '../../records/money.ts';
import { dayBoundsUtc, dayIn } from '../../core/org-time.ts';

// What every sales report shares: the period (inclusive days in the organisation's time zone,
// core/org-time.ts), the pipeline, the owner, team and territory, and
// the caller's visibility on opportunities, as one condition on the alias `o`. A report covers
// exactly the opportunities the caller's list would show with the same filters, so its drill-down
// (src/web/lib/drill.ts) lands on exactly the counted records.

export interface Filters { from?: string; to?: string; pipeline_id?: number; owner_id?: number; team_id?: number; territory_id?: number }

/** Local days from..to in `zone`; start/end the instants they cover (end exclusive), for timestamptz columns. */
export interface Period { from: string; to: string; start: string; end: string; zone: string }

const MAX_DAYS = 3700;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The period asked for; by default 1 January of this year to today, in the zone. `end` is the start of the day after `to` (exclusive). */
export function periodOf(p: Filters, zone: string, now = new Date()): Period {
  const today = dayIn(zone, now);
  const from = p.from ?? `${today.slice(0, 4)}-01-01`;
  const to = p.to ?? today;
  if (to < from) throw invalid([{ field: 'to', message: 'The period ends before it starts', code: 'period_end_before_start' }]);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000;
  if (days > MAX_DAYS) throw invalid([{ field: 'from', message: 'A report covers at most ten years', code: 'period_too_long' }]);
  return { from, to, ...dayBoundsUtc(zone, from, to), zone };
}

/** Opportunities are listed by the caller; a grouping field the caller's role may not read is refused. */
export function requireOpportunities(actor: Actor, fields: string[] = []) {
  const def = getObject('opportunities');
  requireDo(actor, def, 'list');
  for (const f of ['owner_id', 'stage_id', 'pipeline_id', ...fields]) {
    if (!canReadField(actor, def.name, f)) throw forbidden(`Your role may not see the ${f} of opportunities`);
  }
  return def;
}

/** The amount and its organisation-currency value are one secret: either hidden hides both. */
export const amountsVisible = (actor: Actor) => canReadField(actor, 'opportunities', 'amount') && canReadField(actor, 'opportunities', 'amount_org');

export function requireAmounts(actor: Actor) {
  if (!amountsVisible(actor)) throw forbidden('Your role may not see the amounts of opportunities');
}

/**
 * The owner, team (the owner's) and territory (the account's, or any territory under it) asked
 * for, on any document: its owner and account columns. The filters narrow what visibility allows;
 * naming a team or territory reveals nothing the caller's visible records do not.
 */
export function ownerAndPlace(p: Filters, owner: RawBuilder<unknown>, account: RawBuilder<unknown>): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [sql<boolean>`true`];
  if (p.owner_id) parts.push(sql<boolean>`${owner} = ${p.owner_id}`);
  if (p.team_id) parts.push(sql<boolean>`${owner} IN (SELECT tu.id FROM users tu WHERE tu.team_id = ${p.team_id})`);
  if (p.territory_id) {
    parts.push(sql<boolean>`${account} IN (SELECT ta.id FROM accounts ta JOIN territory_closure tc ON tc.descendant_id = ta.territory_id WHERE tc.ancestor_id = ${p.territory_id})`);
  }
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/** The caller's visible opportunities (alias o) of the pipeline, owner, team and territory asked for. */
export function scope(actor: Actor, p: Filters): RawBuilder<boolean> {
  const parts = [recordVisibility(actor, getObject('opportunities'), 'o'), ownerAndPlace(p, sql.ref('o.owner_id'), sql.ref('o.account_id'))];
  if (p.pipeline_id) parts.push(sql<boolean>`o.pipeline_id = ${p.pipeline_id}`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/** The pipeline asked for (400 unknown_pipeline when there is none) or the default one. */
export async function pipelineOf(db: Kysely<DB>, id: number | undefined): Promise<number> {
  const { rows } = id
    ? await sql<{ id: number }>`SELECT id FROM pipelines WHERE id = ${id}`.execute(db)
    : await sql<{ id: number }>`SELECT id FROM pipelines ORDER BY is_default DESC, position, id LIMIT 1`.execute(db);
  if (!rows[0]) throw invalid([{ field: 'pipeline_id', message: 'No such pipeline', code: 'unknown_pipeline' }]);
  return Number(rows[0].id);
}

/** Whether the caller may see an account's field (alias acc): its name or province in a report. */
export function accountFieldVisible(actor: Actor, field: string): RawBuilder<boolean> {
  const accounts = getObject('accounts');
  if (!canDo(actor, accounts, 'read') || !canReadField(actor, 'accounts', field)) return sql<boolean>`false`;
  return recordVisibility(actor, accounts, 'acc');
}

export async function header(db: Kysely<DB>, actor: Actor, period: Period) {
  return { from: period.from, to: period.to, time_zone: period.zone, currency: await orgCurrency(db), amounts_hidden: !amountsVisible(actor) };
}

/** A period bucket's last day (inclusive), from its first: month or quarter. */
export function bucketEnd(start: string, interval: 'month' | 'quarter'): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + (interval === 'month' ? 1 : 3));
  return day(new Date(d.getTime() - 86400000));
}
