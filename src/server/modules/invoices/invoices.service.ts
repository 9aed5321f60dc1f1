import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { orgToday } from '../../core/org-time.ts';
import { diff, writeAudit } from '../../core/audit.ts';
import { deliverSoon, writeEvents } from '../../core/events.ts';
import { billingSource } from '../../core/billing.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { getRecord, loadVisible } from '../../records/service.ts';
import { parseMoney, type Money } from '../../../shared/money.ts';
import type { Row, Tx } from '../../records/types.ts';
import { invoiceOnTimeline, notEditable } from './invoices.object.ts';
import { creditNotesGross, hasCreditNotes, invoiceLines, setInvoice } from './invoices.repo.ts';

// Issuing and voiding invoices and credit notes. Each runs in one transaction with the invoice
// locked; a refusal throws before anything is written.

const def = () => getObject('invoices');
const m = (v: unknown): Money => parseMoney(v ?? 0)!;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** amount_due and the payment status of an issued invoice from its gross, paid and credited amounts. */
export function settled(row: Row, paid: Money, credited: Money): Row {
  const due = m(row.gross_total).minus(paid).minus(credited);
  const status = row.kind === 'credit_note' ? 'issued' : due.lte(0) ? 'paid' : paid.gt(0) ? 'partially_paid' : 'issued';
  return { amount_paid: paid.toString(), amount_credited: credited.toString(), amount_due: row.kind === 'credit_note' ? '0' : due.toString(), status };
}

/** Writes an invoice's change with its audit row, event and timeline entry (the write's transaction). */
export async function recordChange(trx: Tx, actorId: number | null, existing: Row, set: Row, action = 'update'): Promise<Row> {
  const row = await setInvoice(trx, existing.id, set);
  const changes = diff(existing, set);
  await writeAudit(trx, { actorId, action, object: 'invoices', recordId: row.id, changes });
  await writeEvents(trx, [{ type: 'updated', object: 'invoices', id: row.id, actorId, changes }]);
  await invoiceOnTimeline(trx, row, actorId);
  return row;
}

/** Tells the invoice's source what its lines give back (void, delete) or take again; sign −1 gives back. */
export async function tellSource(trx: Tx, invoice: Row, sign: 1 | -1): Promise<void> {
  if (!invoice.source_object) return;
  const source = billingSource(invoice.source_object);
  if (!source) return;
  const taken = (await invoiceLines(trx, invoice.id)).filter((l) => l.source_line_id !== null)
    .map((l) => ({ source_line_id: l.source_line_id!, quantity: m(l.quantity).times(sign).toString() }));
  if (taken.length) await source.invoiced(trx, Number(invoice.source_id), taken);
}

/** The amount of an invoice not yet credited by issued credit notes (gross − credited). */
export async function uncredited(db: Tx, invoice: Row, statuses = ['issued']): Promise<Money> {
  return m(invoice.gross_total).minus(m(await creditNotesGross(db, invoice.id, statuses)));
}

async function issueCreditNote(trx: Tx, actor: Actor, note: Row): Promise<void> {
  const credited = await loadVisible(trx, def(), actor, Number(note.credited_invoice_id), true);
  if (!['issued', 'partially_paid', 'paid'].includes(credited.status)) throw notEditable(credited.status);
  const left = await uncredited(trx, credited);
  if (m(note.gross_total).gt(left)) {
    throw new AppError('over_credit', 'A credit note cannot exceed what is left uncredited on its invoice', { reason: 'over_credit', uncredited: left.toString() });
  }
  const total = m(credited.amount_credited).plus(m(note.gross_total));
  await recordChange(trx, actor.id, credited, settled(credited, m(credited.amount_paid), total));
  // A credit note of a billed invoice gives its quantities back to the source.
  await tellSource(trx, note, -1);
}

/** POST /invoices/{id}/issue: a draft gets its issue and due dates and starts to be owed. */
export async function issueInvoice(db: Kysely<DB>, actor: Actor, id: number, body: { issue_date?: string }) {
  requireDo(actor, def(), 'update');
  await db.transaction().execute(async (trx) => {
    const inv = await loadVisible(trx, def(), actor, id, true);
    if (inv.status !== 'draft') throw notEditable(inv.status);
    const issues = [];
    if (!inv.account_id) issues.push({ field: 'account_id', message: 'An invoice is issued to an account', code: 'required' });
    if (!m(inv.gross_total).gt(0)) issues.push({ field: 'lines', message: 'An invoice needs an amount', code: 'no_lines' });
    if (issues.length) throw invalid(issues);
    const issueDate = body.issue_date ?? (await orgToday(trx));
    const due = inv.due_date ? dateText(inv.due_date) : addDays(issueDate, Number(inv.payment_terms_days ?? 0));
    if (due < issueDate) throw invalid([{ field: 'due_date', message: 'Due before it is issued', code: 'due_before_issue' }]);
    const set = { issue_date: issueDate, due_date: due, ...settled(inv, m(inv.amount_paid), m(inv.amount_credited)) };
    if (inv.kind === 'credit_note') await issueCreditNote(trx, actor, inv);
    await recordChange(trx, actor.id, inv, set, 'issue');
  });
  deliverSoon();
  return getRecord(db, def(), actor, id);
}

/** POST /invoices/{id}/void: a draft, or an issued invoice nobody paid nor credited; the reason is kept. */
export async function voidInvoice(db: Kysely<DB>, actor: Actor, id: number, body: { reason: string }) {
  requireDo(actor, def(), 'update');
  await db.transaction().execute(async (trx) => {
    const inv = await loadVisible(trx, def(), actor, id, true);
    if (inv.status === 'void') throw notEditable(inv.status);
    if (inv.kind === 'credit_note' && inv.status !== 'draft') throw notEditable(inv.status);
    if (m(inv.amount_paid).gt(0)) throw new AppError('conflict', 'An invoice with payments cannot be voided: remove its allocations first', { reason: 'invoice_has_payments' });
    if (await hasCreditNotes(trx, id)) throw new AppError('conflict', 'An invoice with credit notes cannot be voided', { reason: 'invoice_credited' });
    // A credit note in draft never took anything from the source; an invoice did at creation.
    if (inv.kind === 'invoice') await tellSource(trx, inv, -1);
    await recordChange(trx, actor.id, inv, { status: 'void', void_reason: body.reason.trim(), amount_due: '0' }, 'void');
  });
  deliverSoon();
  return getRecord(db, def(), actor, id);
}

/** Only drafts are deleted; one billed from a source gives its quantities back. */
export async function beforeInvoiceDelete(trx: Tx, row: Row): Promise<void> {
  if (row.status !== 'draft') throw notEditable(row.status);
  if (row.kind === 'invoice') await tellSource(trx, row, -1);
}

export function dateText(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

