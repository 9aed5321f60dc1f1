import { sql } from 'kysely';
import { registerCreditExposure } from '../../core/billing.ts';
import { getObject } from '../../records/registry.ts';
import { currencySql } from '../../records/money.ts';
import { orgRateSql, orgTotal } from '../../records/totals.ts';
import { minorDigits, parseMoney } from '../../../shared/money.ts';
import type { Tx } from '../../records/types.ts';

/** Minus the account's unapplied payments in the organisation currency (rates of today): money received not yet set against anything. */
export async function unappliedPayments(db: Tx, accountId: number): Promise<string> {
  const cur = currencySql(getObject('payments'), 'p');
  const { total, org } = await orgTotal(db, sql`SELECT p.amount_unapplied AS v, ${cur} AS cur, ${orgRateSql(cur)} AS rate FROM payments p
    WHERE p.account_id = ${accountId} AND p.amount_unapplied > 0`);
  return parseMoney(total ?? 0)!.negated().toFixed(minorDigits(org));
}

registerCreditExposure('payments', unappliedPayments);
