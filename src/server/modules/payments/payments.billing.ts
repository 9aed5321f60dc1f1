import { sql } from 'kysely';
import { registerCreditExposure } from '../../core/billing.ts';
import { AppError } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { currencySql, orgCurrency } from '../../records/money.ts';
import { orgRateSql } from '../../records/totals.ts';
import { minorDigits, parseMoney } from '../../../shared/money.ts';
import type { Tx } from '../../records/types.ts';

/** Minus the account's unapplied payments in the organisation currency (rates of today): money received not yet set against anything. */
export async function unappliedPayments(db: Tx, accountId: number): Promise<string> {
  const org = await orgCurrency(db);
  const cur = currencySql(getObject('payments'), 'p');
  const { rows } = await sql<{ total: string | null; missing: string[] | null }>`
    SELECT sum(round(x.v * x.rate, ${sql.lit(minorDigits(org))}))::text AS total, array_agg(DISTINCT x.cur) FILTER (WHERE x.rate IS NULL) AS missing
    FROM (SELECT p.amount_unapplied AS v, ${cur} AS cur, ${orgRateSql(cur)} AS rate FROM payments p
      WHERE p.account_id = ${accountId} AND p.amount_unapplied > 0) x`.execute(db);
  const r = rows[0]!;
  if (r.missing?.length) throw new AppError('no_exchange_rate', `No exchange rate into ${org} for ${r.missing.join(', ')}`, { reason: 'no_exchange_rate', currencies: r.missing, to: org });
  return parseMoney(r.total ?? 0)!.negated().toFixed(minorDigits(org));
}

registerCreditExposure('payments', unappliedPayments);
