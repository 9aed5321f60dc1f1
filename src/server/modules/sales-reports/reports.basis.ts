import { sql, type RawBuilder } from 'kysely';
import { canDo, canReadField, recordVisibility, requireDo, type Actor } from '../../core/access.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { orgRateSql } from '../../records/totals.ts';
import { orgCurrencySql } from '../../records/money.ts';
import type { Tx } from '../../records/types.ts';
import type { RecordRow, RevenueRow } from './reports.repo.ts';
import { ownerAndPlace, type Filters, type Period } from './reports.scope.ts';

// Revenue on the invoiced and collected bases (booked, the won deals, is reports.repo.ts revenue),
// read-only from the tables this module's migration requires (invoices, payments):
//  - invoiced: issued invoices (issued, partially or fully paid) by issue date, net of tax, credit
//    notes negative; by product, each line's net;
//  - collected: payment allocations by the payment's received date.
// Amounts in the organisation currency at the rate of the document's date. Each counts what the
// caller may see of that object (its visibility, its amount field rule), by its owner (rep, team)
// and its account (region, territory). Alias `d` is the document, `acc` its account, `l` a line.

export type Basis = 'booked' | 'invoiced' | 'collected';
type Group = 'period' | 'owner' | 'product' | 'region';

interface Source { object: string; amountField: string; date: string; from: (lines: boolean) => RawBuilder<unknown>; where: RawBuilder<boolean>; value: (lines: boolean) => RawBuilder<unknown>; name: string; status: string }

const cur = (col: string) => sql`COALESCE(nullif(${sql.ref(col)}, ''), ${orgCurrencySql})`;

const SOURCES: Record<Exclude<Basis, 'booked'>, Source> = {
  invoiced: {
    object: 'invoices', amountField: 'net_total', date: 'd.issue_date', name: 'd.number', status: 'd.kind',
    from: (lines) => sql`invoices d ${lines ? sql`LEFT JOIN invoice_lines l ON l.parent_id = d.id` : sql``}`,
    where: sql<boolean>`d.status IN ('issued', 'partially_paid', 'paid')`,
    value: (lines) => sql`CASE WHEN d.kind = 'credit_note' THEN -1 ELSE 1 END * round(${lines ? sql`CASE WHEN l.id IS NULL THEN d.net_total ELSE l.net END` : sql`d.net_total`} * ${orgRateSql(cur('d.currency'), sql`d.issue_date`)}, 2)`,
  },
  collected: {
    object: 'payments', amountField: 'amount', date: 'd.received_on', name: 'd.number', status: 'd.method',
    from: () => sql`payment_allocations a JOIN payments d ON d.id = a.payment_id`,
    where: sql<boolean>`true`,
    value: () => sql`round(a.amount * ${orgRateSql(cur('d.currency'), sql`d.received_on`)}, 2)`,
  },
};

/** The object a basis counts, checked for the caller: list, amounts, and the fields a group shows. */
export function requireBasis(actor: Actor, basis: Exclude<Basis, 'booked'>, group: Group): Source {
  const s = SOURCES[basis];
  if (basis === 'collected' && group === 'product') throw invalid([{ field: 'group', message: 'Payments are not per product', code: 'group_not_available' }]);
  const def = getObject(s.object);
  requireDo(actor, def, 'list');
  if (!canReadField(actor, s.object, s.amountField)) throw forbidden(`Your role may not see the amounts of ${s.object}`);
  if (!canReadField(actor, s.object, 'owner_id')) throw forbidden(`Your role may not see the owner_id of ${s.object}`);
  return s;
}

export function basisKey(actor: Actor, group: Group, interval: 'month' | 'quarter', s: Source, region: RawBuilder<string>): RawBuilder<string> {
  if (group === 'period') return sql<string>`to_char(date_trunc(${interval}, ${sql.ref(s.date)}), 'YYYY-MM-DD')`;
  if (group === 'owner') return sql<string>`coalesce(d.owner_id::text, '')`;
  if (group === 'product') return canDo(actor, getObject('products'), 'read') ? sql<string>`coalesce(l.product_id::text, '')` : sql<string>`''`;
  return region;
}

/** The documents of the period the caller may see, with the owner / team / territory filters. */
function cond(actor: Actor, s: Source, period: Period, p: Filters): RawBuilder<boolean> {
  return sql<boolean>`${s.where} AND ${sql.ref(s.date)} BETWEEN ${period.from}::date AND ${period.to}::date
    AND ${recordVisibility(actor, getObject(s.object), 'd')} AND ${ownerAndPlace(p, sql.ref('d.owner_id'), sql.ref('d.account_id'))}`;
}

export async function basisRevenue(db: Tx, actor: Actor, s: Source, key: RawBuilder<string>, period: Period, p: Filters, lines: boolean): Promise<RevenueRow[]> {
  const { rows } = await sql<RevenueRow>`
    WITH c AS (SELECT ${key} AS k, d.id, ${s.value(lines)} AS v FROM ${s.from(lines)} LEFT JOIN accounts acc ON acc.id = d.account_id WHERE ${cond(actor, s, period, p)})
    SELECT GROUPING(k) = 1 AS total, k, count(DISTINCT id)::int AS deals, coalesce(sum(v), 0)::numeric(19, 2)::text AS amount
    FROM c GROUP BY GROUPING SETS ((k), ()) ORDER BY total, k`.execute(db);
  return rows;
}

/** The documents behind one bucket (`key` of the group), with what each counts there; newest first. */
export async function basisRecords(db: Tx, actor: Actor, s: Source, key: RawBuilder<string>, value: string, period: Period, p: Filters, lines: boolean, before: number, limit: number): Promise<(RecordRow & { object: string })[]> {
  const { rows } = await sql<RecordRow & { object: string }>`
    SELECT d.id::int AS id, ${s.object} AS object, coalesce(${sql.ref(s.name)}, '#' || d.id) AS name, ${sql.ref(s.status)} AS stage_name, d.owner_id::int AS owner_id,
      to_char(${sql.ref(s.date)}, 'YYYY-MM-DD') AS closed_at, sum(${s.value(lines)})::numeric(19, 2)::text AS amount
    FROM ${s.from(lines)} LEFT JOIN accounts acc ON acc.id = d.account_id
    WHERE ${cond(actor, s, period, p)} AND ${key} = ${value} AND d.id < ${before}
    GROUP BY d.id ORDER BY d.id DESC LIMIT ${limit + 1}`.execute(db);
  return rows;
}
