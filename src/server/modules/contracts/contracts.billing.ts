import { sql } from 'kysely';
import { canDo, requireDo, visibilityCondition, type Actor } from '../../core/access.ts';
import { registerBillingSource, registerPaymentTarget, type Billable } from '../../core/billing.ts';
import { AppError } from '../../http/errors.ts';
import { loadVisible } from '../../records/service.ts';
import { orgCurrency } from '../../records/money.ts';
import type { Tx } from '../../records/types.ts';
import { LOCALES, type Locale } from '../../../shared/fields.ts';
import { Money } from '../../../shared/money.ts';
import { orgToday } from '../../core/org-time.ts';
import { instalmentLineText } from './contracts.labels.ts';
import { instalmentsWithContract, lockInstalments, selectInstalments, setInvoiced, setPaid } from './contracts.repo.ts';
import { instalmentStatus } from './contracts.plan.ts';
import { contractsObject as def } from './contracts.object.ts';

// How contracts meet the invoices and payments modules (core/billing.ts) without importing them:
// receivable plan instalments take payment allocations (kind 'instalment'), and a contract is a
// billing source whose lines are its instalments not invoiced yet (quantity 1 at the instalment's
// amount, tax rate 0: contract values are agreed gross).

/** The open amounts of the instalments whose contract the actor may see; others are absent, as missing ones. */
async function openInstalments(db: Tx, actor: Actor, ids: number[]) {
  const out = new Map<number, { account_id: number | null; currency: string; open: string }>();
  if (!canDo(actor, def, 'read')) return out;
  const rows = await instalmentsWithContract(db, ids, visibilityCondition(actor, def.name, sql.ref('contracts.owner_id')));
  const org = await orgCurrency(db);
  for (const r of rows) {
    const open = Money.max(new Money(r.amount).minus(r.paid_amount), 0);
    out.set(r.id, { account_id: r.account_id, currency: r.currency || org, open: open.toString() });
  }
  return out;
}

/** In the payment's transaction: each instalment's paid amount is its allocations' total; its status follows. */
async function allocated(db: Tx, totals: { id: number; paid: string }[]): Promise<void> {
  const rows = new Map((await lockInstalments(db, totals.map((t) => t.id))).map((r) => [r.id, r]));
  const today = await orgToday(db);
  for (const t of totals) {
    const r = rows.get(t.id);
    if (!r) continue;
    await setPaid(db, t.id, t.paid, instalmentStatus(r.amount, t.paid, r.due_date, today));
  }
}

const localeOf = (v: string): Locale => ((LOCALES as readonly string[]).includes(v) ? (v as Locale) : 'en');

async function billable(db: Tx, actor: Actor, id: number): Promise<Billable> {
  requireDo(actor, def, 'read');
  const c = await loadVisible(db, def, actor, id);
  const text = instalmentLineText[localeOf(actor.locale)];
  const lines = (await selectInstalments(db, id))
    .filter((r) => new Money(r.invoiced_quantity).lt(1))
    .map((r) => ({
      source_line_id: r.id, product_id: null, sku: null, description: text(c.number, r.sequence, r.due_date), unit: null,
      quantity: new Money(1).minus(r.invoiced_quantity).toString(), unit_price: new Money(r.amount).toString(), discount_percent: '0', tax_rate: '0',
    }));
  return {
    account_id: c.account_id === null ? null : Number(c.account_id), contact_id: c.contact_id === null ? null : Number(c.contact_id),
    currency: c.currency || (await orgCurrency(db)), rounding_mode: 'per_line', prices_include_tax: false, lines,
  };
}

/** In the invoice's transaction: what each instalment line took (negative: a credit note gave it back); 0..1 per instalment. */
async function invoiced(db: Tx, id: number, taken: { source_line_id: number; quantity: string }[]): Promise<void> {
  const rows = new Map((await lockInstalments(db, taken.map((t) => t.source_line_id))).map((r) => [r.id, r]));
  for (const t of taken) {
    const r = rows.get(t.source_line_id);
    if (!r || r.contract_id !== id) throw new AppError('conflict', 'Not an instalment of this contract', { reason: 'unknown_instalment' });
    const next = new Money(r.invoiced_quantity).plus(t.quantity);
    if (next.lt(0) || next.gt(1)) throw new AppError('conflict', `Instalment ${r.sequence} cannot be invoiced more than once`, { reason: 'instalment_invoiced' });
    r.invoiced_quantity = next.toString();
    await setInvoiced(db, r.id, r.invoiced_quantity);
  }
}

export const instalmentTarget = { kind: 'instalment', open: openInstalments, allocated };
export const contractsBilling = { object: def.name, billable, invoiced };

registerPaymentTarget(instalmentTarget);
registerBillingSource(contractsBilling);
