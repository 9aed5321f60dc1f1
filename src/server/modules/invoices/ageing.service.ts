import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canDo, canReadField, requireDo, visibilityCondition, type Actor } from '../../core/access.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { currencySql, orgCurrency } from '../../records/money.ts';
import { decodeCursor } from '../../records/query.ts';
import { pageOf } from '../../records/page.ts';
import { minorDigits, parseMoney } from '../../../shared/money.ts';
import { ageing, type AgeingRow } from './ageing.repo.ts';
import { orgToday } from '../../core/org-time.ts';

// GET /reports/sales/ageing: what each account owes by how late, over the invoices the caller
// may see. A role that may not read invoices' amount due is refused (a report of hidden amounts
// would leak them); an account the caller may not see keeps its id, not its name.

const BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus', 'total'] as const;

function amounts(r: AgeingRow, digits: number): Record<(typeof BUCKETS)[number], string> {
  return Object.fromEntries(BUCKETS.map((k) => [k, parseMoney(r[k])!.toFixed(digits)])) as Record<(typeof BUCKETS)[number], string>;
}

export async function getAgeing(db: Kysely<DB>, actor: Actor, p: { as_of?: string; cursor?: string; limit?: number }) {
  const invoices = getObject('invoices');
  requireDo(actor, invoices, 'list');
  if (!canReadField(actor, 'invoices', 'amount_due')) throw forbidden('Your role may not see the amounts due of invoices');
  const accounts = getObject('accounts');
  const after = p.cursor ? Number(decodeCursor(p.cursor)[1]) : -1;
  const limit = p.limit ?? 50;
  const org = await orgCurrency(db);
  const nameVisible = canDo(actor, accounts, 'read') && canReadField(actor, 'accounts', accounts.titleField)
    ? visibilityCondition(actor, 'accounts', accounts.ownerField ? sql.ref(`acc.${accounts.ownerField}`) : undefined)
    : sql<boolean>`false`;
  // "Today" is the organisation's day (settings time_zone), not the server's nor UTC.
  const asOf = p.as_of ?? (await orgToday(db));
  const rows = await ageing(db, {
    asOf, after, limit, digits: minorDigits(org), currency: currencySql(invoices, 'invoices'),
    invoiceVisible: visibilityCondition(actor, 'invoices', sql.ref('invoices.owner_id')), accountNameVisible: nameVisible,
  });
  const total = rows.find((r) => r.kind === 'total')!;
  if (total.missing?.length) {
    throw new AppError('no_exchange_rate', `No exchange rate into ${org} for ${total.missing.join(', ')}`, { reason: 'no_exchange_rate', currencies: total.missing, to: org });
  }
  const page = pageOf(rows.filter((r) => r.kind === 'row'), limit, (last) => [null, last.account_id]);
  return {
    data: page.data.map((r) => ({ account_id: r.account_id || null, account_name: r.account_name, invoices: r.invoices, ...amounts(r, minorDigits(org)) })),
    next_cursor: page.next_cursor,
    totals: { invoices: total.invoices, ...amounts(total, minorDigits(org)) },
    currency: org,
    as_of: asOf,
  };
}
