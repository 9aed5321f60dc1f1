import { sql } from 'kysely';
import type { Row, Tx } from '../../records/types.ts';

// The SQL of the fapiao module (its own tables only).

/** A fapiao line as written (the standard line columns, the tax classification code and the specification). */
export interface FapiaoLine {
  position: number; product_id: number | null; sku: string | null; description: string; quantity: string; unit: string | null;
  unit_price: string; discount_percent: string; tax_rate: string; net: string; tax: string; gross: string; tax_code: string | null; spec: string | null;
}
const LINE_COLUMNS = ['position', 'product_id', 'sku', 'description', 'quantity', 'unit', 'unit_price', 'discount_percent', 'tax_rate', 'net', 'tax', 'gross', 'tax_code', 'spec'] as const;

/** Writes system columns of a fapiao and answers the row (its version raised by the trigger). */
export async function setFapiao(trx: Tx, id: number, set: Row): Promise<Row> {
  const assignments = Object.entries({ ...set, updated_at: new Date() }).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  const { rows } = await sql<Row>`UPDATE fapiao SET ${sql.join(assignments)} WHERE id = ${id} RETURNING *`.execute(trx);
  return rows[0]!;
}

export async function fapiaoLines(db: Tx, fapiaoId: number): Promise<(FapiaoLine & { id: number })[]> {
  const { rows } = await sql<FapiaoLine & { id: number }>`SELECT * FROM fapiao_lines WHERE parent_id = ${fapiaoId} ORDER BY position, id`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function insertFapiaoLines(trx: Tx, fapiaoId: number, lines: FapiaoLine[]): Promise<void> {
  if (!lines.length) return;
  const values = lines.map((l) => sql`(${sql.join([fapiaoId, ...LINE_COLUMNS.map((c) => l[c])])})`);
  await sql`INSERT INTO fapiao_lines (parent_id, ${sql.join(LINE_COLUMNS.map((c) => sql.ref(c)))}) VALUES ${sql.join(values)}`.execute(trx);
}

export async function linkInvoices(trx: Tx, fapiaoId: number, links: { invoice_id: number; amount: string }[]): Promise<void> {
  if (!links.length) return;
  await sql`INSERT INTO fapiao_invoices (fapiao_id, invoice_id, amount) VALUES ${sql.join(links.map((l) => sql`(${fapiaoId}, ${l.invoice_id}, ${l.amount})`))}`.execute(trx);
}

export async function invoiceLinksOf(db: Tx, fapiaoId: number): Promise<{ invoice_id: number; amount: string }[]> {
  const { rows } = await sql<{ invoice_id: number; amount: string }>`SELECT invoice_id, amount::text AS amount FROM fapiao_invoices WHERE fapiao_id = ${fapiaoId} ORDER BY invoice_id`.execute(db);
  return rows.map((r) => ({ invoice_id: Number(r.invoice_id), amount: r.amount }));
}

/**
 * What an invoice has been fapiao'd: blue fapiao in any state but voided (a draft or requested
 * one already claims its part) less issued red ones.
 */
export async function fapiaoedOf(db: Tx, invoiceId: number): Promise<string> {
  const { rows } = await sql<{ total: string }>`
    SELECT coalesce(sum(fi.amount), 0)::text AS total FROM fapiao_invoices fi JOIN fapiao f ON f.id = fi.fapiao_id
    WHERE fi.invoice_id = ${invoiceId} AND f.status <> 'voided' AND (f.colour = 'blue' OR f.status = 'issued')`.execute(db);
  return rows[0]!.total;
}

/** Red fapiao of a blue one that are not voided, per invoice (what they take back of each link). */
export async function redsOf(db: Tx, blueId: number, statuses: string[]): Promise<{ invoice_id: number; amount: string }[]> {
  const { rows } = await sql<{ invoice_id: number; amount: string }>`
    SELECT fi.invoice_id, coalesce(sum(fi.amount), 0)::text AS amount FROM fapiao f JOIN fapiao_invoices fi ON fi.fapiao_id = f.id
    WHERE f.reverses_id = ${blueId} AND f.status = ANY(${sql.val(statuses)}::text[]) GROUP BY fi.invoice_id`.execute(db);
  return rows.map((r) => ({ invoice_id: Number(r.invoice_id), amount: r.amount }));
}

/** The total of a blue fapiao's red fapiao in these statuses (negative or zero). */
export async function redTotal(db: Tx, blueId: number, statuses: string[]): Promise<string> {
  const { rows } = await sql<{ total: string }>`
    SELECT coalesce(sum(amount_total), 0)::text AS total FROM fapiao WHERE reverses_id = ${blueId} AND status = ANY(${sql.val(statuses)}::text[])`.execute(db);
  return rows[0]!.total;
}

/** The tax classification codes (税收分类编码) of these products. */
export async function taxCodes(db: Tx, productIds: number[]): Promise<Map<number, string | null>> {
  if (!productIds.length) return new Map();
  const { rows } = await sql<{ id: number; tax_code: string | null }>`SELECT id, tax_code FROM products WHERE id = ANY(${sql.val(productIds)}::bigint[])`.execute(db);
  return new Map(rows.map((r) => [Number(r.id), r.tax_code]));
}

/** Whether another fapiao already has this number (and code). */
export async function numberTaken(db: Tx, id: number, number: string, code: string | null): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM fapiao WHERE number = ${number} AND coalesce(code, '') = ${code ?? ''} AND id <> ${id} LIMIT 1`.execute(db);
  return rows.length > 0;
}
