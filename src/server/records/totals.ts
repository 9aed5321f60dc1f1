import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError, invalid } from '../http/errors.ts';
import { requireDo, type Actor } from '../core/access.ts';
import { visibleFields } from './fields.ts';
import { fieldExpr } from './query.ts';
import { whereFor, type ListParams } from './service.ts';
import { currencySql, orgCurrency, orgCurrencySql } from './money.ts';
import { minorDigits } from '../../shared/money.ts';
import type { ObjectDef, Tx } from './types.ts';

export interface Totals {
  field: string;
  /** The sum in the organisation currency, exact decimal text ("0.00" when no record has a value). */
  total: string;
  currency: string;
  /** Records with a value summed. */
  count: number;
}

/**
 * The rate turning an amount in `cur` into the organisation currency: 1 for the organisation's
 * own, else the latest rate on or before `on` (default today); NULL when there is none, which
 * callers refuse (`no_exchange_rate`) rather than leave the amount out. Sales reports and
 * credit exposure (modules/invoices, modules/payments) convert with it too.
 */
export function orgRateSql(cur: RawBuilder<unknown>, on: RawBuilder<unknown> = sql`current_date`): RawBuilder<string | null> {
  return sql<string | null>`CASE WHEN ${cur} = ${orgCurrencySql} THEN 1::numeric ELSE (SELECT r.rate FROM exchange_rates r
    WHERE r.from_currency = ${cur} AND r.to_currency = ${orgCurrencySql} AND r.valid_from <= ${on} ORDER BY r.valid_from DESC LIMIT 1) END`;
}

/** The latest rate from `from` into `to` valid on or before `date` (YYYY-MM-DD), or null. */
export async function rateOn(db: Tx, from: string, to: string, date: string): Promise<string | null> {
  const { rows } = await sql<{ rate: string }>`SELECT rate::text AS rate FROM exchange_rates
    WHERE from_currency = ${from} AND to_currency = ${to} AND valid_from <= ${date}::date ORDER BY valid_from DESC LIMIT 1`.execute(db);
  return rows[0]?.rate ?? null;
}

/**
 * Sums amounts in the organisation currency in the database: `rows` is a subquery of (v, cur,
 * rate) — the amount, its currency and orgRateSql's rate — each amount rounded to the
 * organisation's minor unit after conversion. An amount whose currency has no rate refuses the
 * whole sum (`no_exchange_rate`) rather than leave it out. `total` is null when no amount was summed.
 */
export async function orgTotal(db: Tx, rows: RawBuilder<unknown>): Promise<{ total: string | null; count: number; org: string }> {
  const org = await orgCurrency(db);
  const { rows: [r] } = await sql<{ total: string | null; n: number; missing: string[] | null }>`
    SELECT sum(round(x.v * x.rate, ${sql.lit(minorDigits(org))}))::text AS total, count(x.v)::int AS n,
      array_agg(DISTINCT x.cur) FILTER (WHERE x.v IS NOT NULL AND x.rate IS NULL) AS missing
    FROM (${rows}) x`.execute(db);
  if (r!.missing?.length) {
    throw new AppError('no_exchange_rate', `No exchange rate into ${org} for ${r!.missing.join(', ')}`, { reason: 'no_exchange_rate', currencies: r!.missing, to: org });
  }
  return { total: r!.total, count: Number(r!.n), org };
}

/**
 * The sum of a money field over the records a list with these parameters would show, in the
 * organisation currency: each amount converted at the latest rate on or before today
 * (exchange_rates), rounded to the organisation's minor unit, summed by the database in one
 * statement (no rows come to Node). A field the actor cannot see is refused like an unknown one;
 * a currency without a rate refuses the whole total (`no_exchange_rate`) rather than leave it out.
 */
export async function sumRecords(db: Kysely<DB>, def: ObjectDef, actor: Actor, field: string | undefined, p: ListParams): Promise<Totals> {
  requireDo(actor, def, 'list');
  const fields = await visibleFields(db, def, actor);
  const f = fields.find((x) => x.key === field);
  if (!f || f.type !== 'money') throw invalid([{ field: 'field', message: 'Not a money field you can see', code: 'not_summable' }]);
  const t = def.name;
  const cur = currencySql(def, t);
  const { total, count, org } = await orgTotal(db, sql`SELECT ${fieldExpr(t, f)} AS v, ${cur} AS cur, ${orgRateSql(cur)} AS rate
    FROM ${sql.table(t)} WHERE ${await whereFor(db, def, fields, actor, p)}`);
  return { field: f.key, total: count ? total! : (0).toFixed(minorDigits(org)), currency: org, count };
}
