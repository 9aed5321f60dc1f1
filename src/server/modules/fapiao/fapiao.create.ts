import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canReadField, requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { deliverSoon } from '../../core/events.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { createRecordIn, getRecord, loadVisible } from '../../records/service.ts';
import { computeLines, decimalsOf, minorDigits, parseMoney, type Money } from '../../../shared/money.ts';
import type { Row, Tx } from '../../records/types.ts';
import { invoiceLines } from '../invoices/invoices.repo.ts';
import { checkTaxId, fapiaoOnTimeline } from './fapiao.object.ts';
import { partOfLines } from './fapiao.partial.ts';
import { fapiaoedOf, insertFapiaoLines, linkInvoices, setFapiao, taxCodes, type FapiaoLine } from './fapiao.repo.ts';

// A fapiao requested from issued invoices of one account: each invoice's lines are copied
// (recomputed by computeLines with the invoice's own rounding, so each part equals the
// invoice's total exactly) with the product's tax classification code. The invoices are
// locked in id order first, so two requests for the same invoice run one after the other and
// the second sees the first's claim (fapiao_over_invoice).

const invoicesDef = () => getObject('invoices');
const def = () => getObject('fapiao');
const m = (v: unknown): Money => parseMoney(v ?? 0)!;
const BILLED = ['issued', 'partially_paid', 'paid'];

export interface FromInvoicesBody {
  invoice_ids: number[];
  kind?: string;
  buyer_name?: string | null; buyer_tax_id?: string | null; buyer_address_phone?: string | null; buyer_bank_account?: string | null;
  remarks?: string | null;
  /** The seller profile to snapshot (default: the default profile). */
  seller_id?: number | null;
  /** Part of an invoice's open amount (default: all of what is left without a fapiao). */
  amounts?: { invoice_id: number; amount: string | number }[];
}

/** The lines of one invoice as fapiao lines, computed exactly like the invoice's. */
export async function linesOfInvoice(trx: Tx, inv: Row, negate = false): Promise<{ lines: Omit<FapiaoLine, 'position'>[]; gross: Money }> {
  const lines = await invoiceLines(trx, inv.id);
  const codes = await taxCodes(trx, lines.map((l) => l.product_id).filter((p): p is number => p !== null).map(Number));
  const sign = negate ? -1 : 1;
  const r = computeLines(lines.map((l) => ({ quantity: m(l.quantity).times(sign).toString(), unitPrice: l.unit_price, discountPercent: l.discount_percent, taxRate: l.tax_rate })), {
    currency: inv.currency, roundingMode: inv.rounding_mode, pricesIncludeTax: inv.prices_include_tax, overallDiscountPercent: String(inv.discount_percent ?? 0),
  });
  return {
    lines: lines.map((l, i) => ({
      product_id: l.product_id, sku: l.sku, description: l.description, quantity: m(l.quantity).times(sign).toString(), unit: l.unit,
      unit_price: l.unit_price, discount_percent: l.discount_percent, tax_rate: l.tax_rate,
      net: r.lines[i]!.net.toString(), tax: r.lines[i]!.tax.toString(), gross: r.lines[i]!.gross.toString(),
      tax_code: l.product_id === null ? null : codes.get(Number(l.product_id)) ?? null, spec: null,
    })),
    gross: r.totals.gross,
  };
}

/** Writes the lines of a new fapiao and its totals (sums of its lines). */
export async function writeFapiaoLines(trx: Tx, id: number, lines: Omit<FapiaoLine, 'position'>[]): Promise<Row> {
  await insertFapiaoLines(trx, id, lines.map((l, i) => ({ ...l, position: i + 1 })));
  const total = (k: 'net' | 'tax' | 'gross') => lines.reduce((s, l) => s.plus(m(l[k])), m(0)).toString();
  return setFapiao(trx, id, { amount_net: total('net'), amount_tax: total('tax'), amount_total: total('gross') });
}

/** The part asked of each invoice, checked: one of the request's invoices, positive, in the currency's minor unit. */
function askedAmounts(body: FromInvoicesBody, ids: number[], currency: string, issues: { field: string; message: string; code: string }[]): Map<number, Money> {
  const asked = new Map<number, Money>();
  (body.amounts ?? []).forEach((a, i) => {
    const amount = parseMoney(a.amount);
    if (!ids.includes(a.invoice_id) || asked.has(a.invoice_id)) issues.push({ field: `amounts[${i}].invoice_id`, message: 'One amount per invoice of this request', code: 'unknown_invoice' });
    else if (!amount || amount.lte(0) || decimalsOf(amount) > minorDigits(currency)) issues.push({ field: `amounts[${i}].amount`, message: 'A positive amount in the currency\'s minor unit', code: 'invalid_amount' });
    else asked.set(a.invoice_id, amount);
  });
  return asked;
}

/** POST /fapiao/from-invoices: a draft blue fapiao of these issued invoices (one account, one currency). */
export async function fapiaoFromInvoices(db: Kysely<DB>, actor: Actor, body: FromInvoicesBody) {
  requireDo(actor, def(), 'create');
  requireDo(actor, invoicesDef(), 'read');
  const ids = [...new Set(body.invoice_ids)].sort((a, b) => a - b);
  checkTaxId('buyer_tax_id', body.buyer_tax_id);
  const id = await db.transaction().execute(async (trx) => {
    const invoices: Row[] = [];
    // Locked in id order: concurrent requests on overlapping invoices never deadlock.
    for (const invoiceId of ids) invoices.push(await loadVisible(trx, invoicesDef(), actor, invoiceId, true));
    for (const inv of invoices) {
      if (inv.kind !== 'invoice' || !BILLED.includes(inv.status)) {
        throw new AppError('conflict', `Invoice ${inv.number} is not issued: only issued invoices get a fapiao`, { reason: 'invoice_not_issued', invoice_id: inv.id, status: inv.status });
      }
    }
    const first = invoices[0]!;
    const issues = [];
    if (invoices.some((i) => i.account_id !== first.account_id)) issues.push({ field: 'invoice_ids', message: 'A fapiao covers invoices of one account', code: 'different_accounts' });
    if (invoices.some((i) => i.currency !== first.currency)) issues.push({ field: 'invoice_ids', message: 'A fapiao covers invoices in one currency', code: 'currency_mismatch' });
    const asked = askedAmounts(body, ids, first.currency, issues);
    if (issues.length) throw invalid(issues);
    const parts = [];
    for (const inv of invoices) {
      const whole = await linesOfInvoice(trx, inv);
      const left = m(inv.gross_total).minus(m(inv.amount_credited)).minus(m(await fapiaoedOf(trx, inv.id)));
      // Not named: what is left of it (the whole invoice when nothing is fapiao'd yet).
      const amount = asked.get(inv.id) ?? (left.gt(0) && left.lt(whole.gross) ? left : undefined);
      const part = amount ? { lines: partOfLines(whole.lines, whole.gross, amount, inv.currency), gross: amount } : whole;
      if (part.gross.gt(left)) {
        // The remaining amount only for a role that may read the invoice's amounts.
        const shown = canReadField(actor, 'invoices', 'gross_total') ? { remaining: left.toString() } : {};
        throw new AppError('fapiao_over_invoice', `Invoice ${inv.number}: the fapiao would exceed what is left without a fapiao`, { reason: 'fapiao_over_invoice', invoice_id: inv.id, ...shown });
      }
      parts.push({ inv, ...part });
    }
    const account = first.account_id ? await trx.selectFrom('accounts').select(['name']).where('id', '=', first.account_id).executeTakeFirst() : undefined;
    const created = await createRecordIn(trx, def(), actor, {
      kind: body.kind ?? 'digital_normal', account_id: first.account_id, owner_id: first.owner_id ?? actor.id, currency: first.currency,
      buyer_name: body.buyer_name ?? account?.name ?? null, buyer_tax_id: body.buyer_tax_id ?? null,
      buyer_address_phone: body.buyer_address_phone ?? null, buyer_bank_account: body.buyer_bank_account ?? null, remarks: body.remarks ?? null,
      ...(body.seller_id ? { seller_id: body.seller_id } : {}),
    });
    const row = await writeFapiaoLines(trx, created.id, parts.flatMap((p) => p.lines));
    await linkInvoices(trx, created.id, parts.map((p) => ({ invoice_id: p.inv.id, amount: p.gross.toString() })));
    await writeAudit(trx, { actorId: actor.id, action: 'fapiao_from_invoices', object: 'fapiao', recordId: row.id, changes: { invoices: [null, ids] } });
    await fapiaoOnTimeline(trx, row, actor.id);
    return row.id as number;
  });
  deliverSoon();
  return getRecord(db, def(), actor, id);
}
