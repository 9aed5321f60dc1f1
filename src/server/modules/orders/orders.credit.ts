import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canDo, canReadField, DEFAULT_ROLES, type Actor } from '../../core/access.ts';
import { accountOverdue, creditExposure, registerCreditExposure } from '../../core/billing.ts';
import { getObject } from '../../records/registry.ts';
import { AppError } from '../../http/errors.ts';
import { loadVisible } from '../../records/service.ts';
import { orgCurrency } from '../../records/money.ts';
import { Money, minorDigits } from '../../../shared/money.ts';
import { convert } from '../settings/exchange-rates.service.ts';
import { remainingGross } from './orders.repo.ts';
import type { Row, Tx } from '../../records/types.ts';
import type { CreditAnswer } from '../../../shared/contracts/orders.ts';

// The credit check at an order's confirmation (issue 13): the account's exposure — the parts
// every sales module registers in core/billing.ts (open orders here; unpaid invoices and
// unapplied payments from theirs) — plus this order, against the account's credit limit, and
// whether invoices are overdue beyond the account's tolerance (registerOverdue).

// Open orders: what confirmed orders not yet fully invoiced still commit the account to.
registerCreditExposure('orders', (db, accountId) => remainingGross(db, { accountId }));

/** The check reads the account whoever confirms: a rep need not see the account to be held by its limit. */
const SYSTEM: Actor = { id: 0, email: '', name: 'system', role: 'admin', team_id: null, locale: 'en', permissions: DEFAULT_ROLES.admin!.permissions };

export interface CreditCheck {
  account_id: number | null;
  currency: string;
  parts: Record<string, string>;
  exposure: string;
  this_order: string;
  total: string;
  limit: string | null;
  over_limit: boolean;
  overdue: boolean;
  policy: 'warn' | 'hold';
  result: 'ok' | 'warning' | 'hold';
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * `lock`: inside a confirmation, the account row is locked first, so two orders of one account
 * confirmed at once are checked one after the other (the second sees the first's exposure).
 */
export async function checkCredit(db: Tx, order: Row, lock: boolean): Promise<CreditCheck> {
  const org = await orgCurrency(db);
  const zero = (0).toFixed(minorDigits(org));
  const base: CreditCheck = { account_id: order.account_id ?? null, currency: org, parts: {}, exposure: zero, this_order: zero, total: zero, limit: null, over_limit: false, overdue: false, policy: 'warn', result: 'ok' };
  if (!order.account_id) return base;
  const account = await loadVisible(db, getObject('accounts'), SYSTEM, order.account_id, lock);
  const { parts } = await creditExposure(db, order.account_id);
  const exposure = Object.values(parts).reduce((sum, v) => sum.plus(v), new Money(0));
  // A draft or held order is what confirming would add; an open one is among the parts already,
  // a cancelled or invoiced one adds nothing.
  const own = order.status === 'draft' || order.status === 'on_hold' ? new Money(await remainingGross(db, { orderId: order.id })) : new Money(0);
  const total = exposure.plus(own);
  const limit = account.credit_limit === null || account.credit_limit === undefined ? null
    : (await convert(db as Kysely<DB>, String(account.credit_limit), account.currency || org, today())).amount;
  const overdue = (await accountOverdue(db, order.account_id, Number(account.overdue_tolerance_days ?? 0))).length > 0;
  const overLimit = limit !== null && total.gt(limit);
  const policy = account.credit_policy === 'hold' ? 'hold' : 'warn';
  const digits = minorDigits(org);
  return {
    ...base, parts, exposure: exposure.toFixed(digits), this_order: own.toFixed(digits), total: total.toFixed(digits),
    limit: limit === null ? null : limit.toFixed(digits), over_limit: overLimit, overdue, policy,
    result: overLimit || overdue ? (policy === 'hold' ? 'hold' : 'warning') : 'ok',
  };
}

/**
 * The check as the actor may see it: the limit only to a reader of the account and its
 * credit_limit field, the amounts only to a reader of the order's total. The flags (over the
 * limit, overdue) and the outcome are the reason for a hold, so everyone who sees the order sees them.
 */
export async function presentCredit(db: Tx, actor: Actor, check: CreditCheck): Promise<CreditAnswer> {
  const out: CreditAnswer = { currency: check.currency, over_limit: check.over_limit, overdue: check.overdue, policy: check.policy, result: check.result };
  if (canReadField(actor, 'orders', 'gross_total')) Object.assign(out, { parts: check.parts, exposure: check.exposure, this_order: check.this_order, total: check.total });
  if (check.limit !== null && check.account_id !== null && await mayReadLimit(db, actor, check.account_id)) out.limit = check.limit;
  return out;
}

async function mayReadLimit(db: Tx, actor: Actor, accountId: number): Promise<boolean> {
  const accounts = getObject('accounts');
  if (!canDo(actor, accounts, 'read') || !canReadField(actor, 'accounts', 'credit_limit')) return false;
  try {
    await loadVisible(db, accounts, actor, accountId);
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return false;
    throw e;
  }
}
