import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canReadField, recordVisibility, requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { deliverSoon } from '../../core/events.ts';
import { AppError, invalid, type FieldIssue } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { createRecordIn, getRecord, loadVisible } from '../../records/service.ts';
import { computeLines, minorDigits, Money, parseMoney } from '../../../shared/money.ts';
import type { Row } from '../../records/types.ts';
import { fapiaoOnTimeline } from './fapiao.object.ts';
import { fapiaoedOf, fapiaoLines, invoiceLinksOf, linkInvoices, redsOf, redTotal, setFapiao } from './fapiao.repo.ts';
import { writeFapiaoLines } from './fapiao.create.ts';

// A red fapiao (红字发票) reverses all or part of an issued blue one: made with the red
// confirmation number (红字确认单编号) the buyer's tax bureau confirmed, its quantities and
// amounts negative, never more than what is left of the blue one (its red fapiao not voided
// counted). It is linked to the blue one's invoices with negative amounts, taken from each
// invoice in turn, so once issued the invoices can get a new fapiao for that part.

const def = () => getObject('fapiao');
const m = (v: unknown): Money => parseMoney(v ?? 0)!;

export interface RedBody { red_confirmation_number?: string; lines?: { line_id: number; quantity?: string | number }[]; remarks?: string | null }

export async function redFapiaoOf(db: Kysely<DB>, actor: Actor, blueId: number, body: RedBody) {
  requireDo(actor, def(), 'create');
  const id = await db.transaction().execute(async (trx) => {
    const blue = await loadVisible(trx, def(), actor, blueId, true);
    if (blue.colour !== 'blue' || blue.status !== 'issued') {
      throw new AppError('red_without_blue', 'A red fapiao reverses an issued blue fapiao', { reason: 'red_without_blue', status: blue.status, colour: blue.colour });
    }
    const confirmation = (body.red_confirmation_number ?? '').trim();
    if (!confirmation) throw new AppError('red_confirmation_required', 'A red fapiao needs the red confirmation number (红字确认单编号)', { reason: 'red_confirmation_required' });
    const lines = await fapiaoLines(trx, blueId);
    const picked = body.lines ?? lines.map((l) => ({ line_id: l.id, quantity: l.quantity }));
    const issues: FieldIssue[] = [];
    const taken: { line: (typeof lines)[number]; quantity: Money }[] = [];
    picked.forEach((p, i) => {
      const line = lines.find((l) => l.id === p.line_id);
      const q = p.quantity === undefined ? (line ? m(line.quantity) : null) : parseMoney(p.quantity);
      if (!line || taken.some((t) => t.line === line)) issues.push({ field: `lines[${i}].line_id`, message: 'Not a line of this fapiao', code: 'unknown_line' });
      else if (!q || q.lte(0) || q.gt(m(line.quantity)) || q.decimalPlaces() > 4) issues.push({ field: `lines[${i}].quantity`, message: 'A positive quantity up to the line\'s', code: 'invalid_quantity' });
      else taken.push({ line, quantity: q.negated() });
    });
    if (issues.length) throw invalid(issues);
    const r = computeLines(taken.map(({ line, quantity }) => ({ quantity: quantity.toString(), unitPrice: line.unit_price, discountPercent: line.discount_percent, taxRate: line.tax_rate })), {
      currency: blue.currency, roundingMode: blue.rounding_mode, pricesIncludeTax: blue.prices_include_tax,
    });
    // A full reversal takes the blue one's exact amounts (no rounding drift); a part is computed.
    const whole = !body.lines;
    const redLines = taken.map(({ line, quantity }, i) => ({
      ...line, quantity: quantity.toString(),
      net: whole ? m(line.net).negated().toString() : r.lines[i]!.net.toString(),
      tax: whole ? m(line.tax).negated().toString() : r.lines[i]!.tax.toString(),
      gross: whole ? m(line.gross).negated().toString() : r.lines[i]!.gross.toString(),
    }));
    const gross = redLines.reduce((s, l) => s.plus(m(l.gross)), m(0)).negated();
    const left = m(blue.amount_total).plus(m(await redTotal(trx, blueId, ['draft', 'requested', 'issued'])));
    if (gross.gt(left)) {
      const shown = canReadField(actor, 'fapiao', 'amount_total') ? { remaining: left.toString() } : {};
      throw new AppError('over_red', 'A red fapiao cannot reverse more than is left of its blue fapiao', { reason: 'over_red', ...shown });
    }
    const created = await createRecordIn(trx, def(), actor, {
      kind: blue.kind, account_id: blue.account_id, owner_id: blue.owner_id, currency: blue.currency, rounding_mode: blue.rounding_mode,
      prices_include_tax: blue.prices_include_tax, buyer_name: blue.buyer_name, buyer_tax_id: blue.buyer_tax_id,
      buyer_address_phone: blue.buyer_address_phone, buyer_bank_account: blue.buyer_bank_account, seller_id: blue.seller_id, seller_name: blue.seller_name,
      seller_tax_id: blue.seller_tax_id, seller_address_phone: blue.seller_address_phone, seller_bank_account: blue.seller_bank_account,
      remarks: body.remarks ?? `红字发票 · ${blue.number}`,
    });
    await setFapiao(trx, created.id, { colour: 'red', reverses_id: blueId, red_confirmation_number: confirmation });
    const row = await writeFapiaoLines(trx, created.id, redLines.map(({ id: _id, position: _p, ...l }) => l));
    // Take the red amount back from the blue one's invoices in turn (each at most what is still on it).
    const reds = new Map((await redsOf(trx, blueId, ['draft', 'requested', 'issued'])).map((x) => [x.invoice_id, m(x.amount)]));
    let rest = gross;
    const links: { invoice_id: number; amount: string }[] = [];
    for (const link of await invoiceLinksOf(trx, blueId)) {
      const room = m(link.amount).plus(reds.get(link.invoice_id) ?? m(0));
      const take = Money.min(room, rest);
      if (take.gt(0)) links.push({ invoice_id: link.invoice_id, amount: take.negated().toString() });
      rest = rest.minus(take);
    }
    await linkInvoices(trx, row.id, links);
    await writeAudit(trx, { actorId: actor.id, action: 'red_fapiao', object: 'fapiao', recordId: row.id, changes: { reverses_id: [null, blueId] } });
    await fapiaoOnTimeline(trx, row, actor.id);
    return row.id as number;
  });
  deliverSoon();
  return getRecord(db, def(), actor, id);
}

/** GET /invoices/{id}/fapiao: the invoice's fapiao the actor may see and what is left without one; amounts only for readers of them. */
export async function fapiaoOfInvoice(db: Kysely<DB>, actor: Actor, invoiceId: number) {
  requireDo(actor, getObject('invoices'), 'read');
  requireDo(actor, def(), 'read');
  const inv = await loadVisible(db, getObject('invoices'), actor, invoiceId);
  const { rows } = await sql<Row>`
    SELECT f.id, f.number, f.kind, f.colour, f.status, f.issue_date, f.red_state, fi.amount::text AS amount
    FROM fapiao_invoices fi JOIN fapiao f ON f.id = fi.fapiao_id
    WHERE fi.invoice_id = ${invoiceId} AND ${recordVisibility(actor, def(), 'f')} ORDER BY f.id`.execute(db);
  const showAmounts = canReadField(actor, 'invoices', 'gross_total') && canReadField(actor, 'fapiao', 'amount_total');
  const remaining = m(inv.gross_total).minus(m(inv.amount_credited)).minus(m(await fapiaoedOf(db, invoiceId)));
  const digits = minorDigits(inv.currency ?? 'CNY');
  return {
    fapiao: rows.map((r) => ({
      id: Number(r.id), number: r.number ?? null, kind: r.kind, colour: r.colour, status: r.status, red_state: r.red_state ?? null,
      issue_date: r.issue_date ? (r.issue_date instanceof Date ? r.issue_date.toISOString().slice(0, 10) : String(r.issue_date).slice(0, 10)) : null,
      amount: showAmounts ? m(r.amount).toFixed(digits) : null,
    })),
    remaining: showAmounts ? remaining.toFixed(digits) : null,
  };
}
