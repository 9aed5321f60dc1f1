import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { deliverSoon } from '../../core/events.ts';
import { billingSource, type BillableLine } from '../../core/billing.ts';
import { AppError, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { createRecordIn, getRecord, loadVisible } from '../../records/service.ts';
import { computeLines, parseMoney, type Money } from '../../../shared/money.ts';
import type { Row, Tx } from '../../records/types.ts';
import { invoiceOnTimeline, notEditable } from './invoices.object.ts';
import { insertInvoiceLines, invoiceLines, setInvoice, type NewInvoiceLine } from './invoices.repo.ts';
import { uncredited } from './invoices.service.ts';

// Invoices made from something else: from a billing source (an order, a contract: core/billing.ts),
// whole or in part, and credit notes of an invoice. The lines are computed by computeLines like
// every document's, written with the source line they bill, and the source is told in the same
// transaction what they took.

const def = () => getObject('invoices');
const m = (v: unknown): Money => parseMoney(v ?? 0)!;

export interface PickedLine { line_id: number; quantity?: string | number }

type Draft = Omit<NewInvoiceLine, 'position' | 'net' | 'tax' | 'gross'>;

/** The picked quantities of the available lines (all of each when nothing is picked); refusals name the line. */
function pick<T extends { id: number; quantity: string }>(available: T[], picked: PickedLine[] | undefined, code: 'over_billable' | 'over_credit'): { line: T; quantity: Money }[] {
  if (!picked) {
    // Everything left; a source with nothing left makes no empty invoice.
    const all = available.filter((line) => m(line.quantity).gt(0)).map((line) => ({ line, quantity: m(line.quantity) }));
    if (!all.length) throw invalid([{ field: 'lines', message: 'Nothing left to invoice', code: 'no_lines' }]);
    return all;
  }
  const issues: FieldIssue[] = [];
  const out: { line: T; quantity: Money }[] = [];
  const seen = new Set<number>();
  picked.forEach((p, i) => {
    const line = available.find((a) => a.id === p.line_id);
    const q = p.quantity === undefined ? (line ? m(line.quantity) : null) : parseMoney(p.quantity);
    if (!line || seen.has(p.line_id)) return issues.push({ field: `lines[${i}].line_id`, message: 'Not a line that can be taken', code: 'unknown_line' });
    seen.add(p.line_id);
    if (!q || q.lte(0) || q.decimalPlaces() > 4) return issues.push({ field: `lines[${i}].quantity`, message: 'A positive quantity, at most 4 decimals', code: 'invalid_quantity' });
    if (q.gt(m(line.quantity))) {
      throw new AppError(code, `Line ${p.line_id}: only ${m(line.quantity).toString()} left`, { reason: code, line_id: p.line_id, available: m(line.quantity).toString() });
    }
    out.push({ line, quantity: q });
  });
  if (issues.length) throw invalid(issues);
  if (!out.length) throw invalid([{ field: 'lines', message: 'Nothing to invoice', code: 'no_lines' }]);
  return out;
}

/** Writes the computed lines and totals of a new draft. */
async function writeLines(trx: Tx, invoice: Row, drafts: Draft[]): Promise<Row> {
  const r = computeLines(drafts.map((d) => ({ quantity: d.quantity, unitPrice: d.unit_price, discountPercent: d.discount_percent, taxRate: d.tax_rate })), {
    currency: invoice.currency, roundingMode: invoice.rounding_mode, pricesIncludeTax: invoice.prices_include_tax, overallDiscountPercent: String(invoice.discount_percent ?? 0),
  });
  await insertInvoiceLines(trx, invoice.id, drafts.map((d, i) => ({
    ...d, position: i + 1, net: r.lines[i]!.net.toString(), tax: r.lines[i]!.tax.toString(), gross: r.lines[i]!.gross.toString(),
  })));
  const t = r.totals;
  return setInvoice(trx, invoice.id, { net_total: t.net.toString(), tax_total: t.tax.toString(), gross_total: t.gross.toString(), discount_total: t.discount.toString() });
}

/** POST /invoices/from/{object}/{id}: a draft invoice of what the source can still bill (or the picked part of it). */
export async function invoiceFromSource(db: Kysely<DB>, actor: Actor, object: string, sourceId: number, body: { lines?: PickedLine[]; subject?: string }) {
  requireDo(actor, def(), 'create');
  const source = billingSource(object);
  if (!source) throw notFound('billing source');
  const id = await db.transaction().execute(async (trx) => {
    const billable = await source.billable(trx, actor, sourceId);
    const available = billable.lines.map((l) => ({ ...l, id: l.source_line_id }));
    const taken = pick<BillableLine & { id: number }>(available, body.lines, 'over_billable');
    const created = await createRecordIn(trx, def(), actor, {
      account_id: billable.account_id, contact_id: billable.contact_id, currency: billable.currency, rounding_mode: billable.rounding_mode,
      prices_include_tax: billable.prices_include_tax, ...(body.subject ? { subject: body.subject } : {}),
    });
    await setInvoice(trx, created.id, { source_object: object, source_id: sourceId });
    const row = await writeLines(trx, { ...created, currency: billable.currency }, taken.map(({ line, quantity }) => ({
      product_id: line.product_id, sku: line.sku, description: line.description, unit: line.unit, quantity: quantity.toString(),
      unit_price: line.unit_price, discount_percent: line.discount_percent, tax_rate: line.tax_rate, source_line_id: line.source_line_id,
    })));
    await source.invoiced(trx, sourceId, taken.map(({ line, quantity }) => ({ source_line_id: line.source_line_id, quantity: quantity.toString() })));
    await writeAudit(trx, { actorId: actor.id, action: 'invoice_from_source', object: 'invoices', recordId: row.id, changes: { source: [null, `${object}:${sourceId}`], lines: [0, taken.length] } });
    await invoiceOnTimeline(trx, row, actor.id);
    return row.id as number;
  });
  deliverSoon();
  return getRecord(db, def(), actor, id);
}

/**
 * POST /invoices/{id}/credit-note: a draft credit note copying the picked quantities of the
 * invoice's lines (all of them when nothing is picked), at most what is left uncredited.
 * Its amounts are positive; its kind says they reduce what the invoice asks.
 */
export async function creditNoteOf(db: Kysely<DB>, actor: Actor, invoiceId: number, body: { lines?: PickedLine[]; subject?: string }) {
  requireDo(actor, def(), 'create');
  const id = await db.transaction().execute(async (trx) => {
    const inv = await loadVisible(trx, def(), actor, invoiceId, true);
    if (inv.kind !== 'invoice' || !['issued', 'partially_paid', 'paid'].includes(inv.status)) throw notEditable(inv.status);
    const lines = await invoiceLines(trx, invoiceId);
    const taken = pick(lines, body.lines, 'over_credit');
    const created = await createRecordIn(trx, def(), actor, {
      account_id: inv.account_id, contact_id: inv.contact_id, currency: inv.currency, rounding_mode: inv.rounding_mode,
      prices_include_tax: inv.prices_include_tax, discount_percent: inv.discount_percent, payment_terms_days: 0,
      subject: body.subject ?? inv.subject ?? null, owner_id: inv.owner_id,
    });
    await setInvoice(trx, created.id, { kind: 'credit_note', credited_invoice_id: invoiceId, source_object: inv.source_object, source_id: inv.source_id });
    const row = await writeLines(trx, created, taken.map(({ line, quantity }) => ({
      product_id: line.product_id, sku: line.sku, description: line.description, unit: line.unit, quantity: quantity.toString(),
      unit_price: line.unit_price, discount_percent: line.discount_percent, tax_rate: line.tax_rate, source_line_id: line.source_line_id,
    })));
    const left = await uncredited(trx, inv, ['issued', 'draft']);
    if (left.lt(0)) throw new AppError('over_credit', 'Credit notes cannot exceed what is left uncredited on the invoice', { reason: 'over_credit', uncredited: left.plus(m(row.gross_total)).toString() });
    await writeAudit(trx, { actorId: actor.id, action: 'credit_note', object: 'invoices', recordId: row.id, changes: { credited_invoice_id: [null, invoiceId] } });
    await invoiceOnTimeline(trx, row, actor.id);
    return row.id as number;
  });
  deliverSoon();
  return getRecord(db, def(), actor, id);
}
