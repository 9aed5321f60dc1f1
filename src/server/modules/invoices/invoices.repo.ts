import { sql } from 'kysely';
import type { Row, Tx } from '../../records/types.ts';
import type { LineRow } from '../../records/line-items-sql.ts';

// The SQL of the invoices module (its own tables only): system columns the engine does not
// write (status, amounts, where an invoice came from), lines with their source's line id.

export interface InvoiceLineRow extends LineRow {
  source_line_id: number | null;
}

export type NewInvoiceLine = Omit<InvoiceLineRow, 'id' | 'parent_id' | 'created_at' | 'updated_at'>;

const LINE_COLUMNS = ['position', 'product_id', 'sku', 'description', 'quantity', 'unit', 'unit_price', 'discount_percent', 'tax_rate', 'net', 'tax', 'gross', 'source_line_id'] as const;

/** Writes system columns of an invoice and answers the row (its version raised by the trigger). */
export async function setInvoice(trx: Tx, id: number, set: Row): Promise<Row> {
  const assignments = Object.entries({ ...set, updated_at: new Date() }).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  const { rows } = await sql<Row>`UPDATE invoices SET ${sql.join(assignments)} WHERE id = ${id} RETURNING *`.execute(trx);
  return rows[0]!;
}

export async function invoiceLines(db: Tx, invoiceId: number): Promise<InvoiceLineRow[]> {
  const { rows } = await sql<InvoiceLineRow>`SELECT * FROM invoice_lines WHERE parent_id = ${invoiceId} ORDER BY position, id`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), source_line_id: r.source_line_id === null ? null : Number(r.source_line_id) }));
}

export async function insertInvoiceLines(trx: Tx, invoiceId: number, lines: NewInvoiceLine[]): Promise<void> {
  if (!lines.length) return;
  const values = lines.map((l) => sql`(${sql.join([invoiceId, ...LINE_COLUMNS.map((c) => l[c])])})`);
  await sql`INSERT INTO invoice_lines (parent_id, ${sql.join(LINE_COLUMNS.map((c) => sql.ref(c)))}) VALUES ${sql.join(values)}`.execute(trx);
}

/** The gross of an invoice's credit notes in these statuses. */
export async function creditNotesGross(db: Tx, invoiceId: number, statuses: string[]): Promise<string> {
  const { rows } = await sql<{ total: string }>`
    SELECT coalesce(sum(gross_total), 0)::text AS total FROM invoices
    WHERE credited_invoice_id = ${invoiceId} AND kind = 'credit_note' AND status = ANY(${sql.val(statuses)}::text[])`.execute(db);
  return rows[0]!.total;
}

/** Whether an invoice has credit notes other than void ones. */
export async function hasCreditNotes(db: Tx, invoiceId: number): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM invoices WHERE credited_invoice_id = ${invoiceId} AND status <> 'void' LIMIT 1`.execute(db);
  return rows.length > 0;
}

/** Invoice rows by id, locked in id order (allocations: two payments never deadlock on them). */
export async function lockInvoices(trx: Tx, ids: number[]): Promise<Row[]> {
  if (!ids.length) return [];
  const { rows } = await sql<Row>`SELECT * FROM invoices WHERE id = ANY(${sql.val(ids)}::bigint[]) ORDER BY id FOR UPDATE`.execute(trx);
  return rows;
}
