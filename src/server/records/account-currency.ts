import { getObject } from './registry.ts';
import { loadVisible } from './service.ts';
import { orgCurrency } from './money.ts';
import type { Row, WriteContext } from './types.ts';

/**
 * A new business document (quote, order, invoice, contract, opportunity) without a currency takes
 * its account's, else the organisation's — stored, so it never changes under it. `org`: the
 * organisation currency when the caller has it already.
 */
export async function defaultCurrencyFromAccount(ctx: WriteContext, values: Row, org?: string): Promise<void> {
  if (values.currency) return;
  let currency: string | null = null;
  // The link was checked like a read (records/links.ts): the actor may see this account.
  if (typeof values.account_id === 'number') currency = (await loadVisible(ctx.trx, getObject('accounts'), ctx.actor, values.account_id)).currency ?? null;
  values.currency = currency || org || (await orgCurrency(ctx.trx));
}
