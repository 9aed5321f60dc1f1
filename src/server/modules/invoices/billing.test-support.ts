import { join } from 'node:path';
import { sql } from 'kysely';
import type { TestApp } from '../../db/test-helpers.ts';

// Shared set-up of the invoices and payments tests: the billing test module's folder, orders
// with lines, invoices issued on a given date, and a snapshot of everything a refusal must not change.

export const BILLING_TEST_MODULE = join(import.meta.dirname, '../../test-modules/billing-source');

export async function orderWithLines(t: TestApp, token: string, accountId: number, lines: { description: string; quantity: string; unit_price: string; tax_rate?: string }[], currency = 'CNY') {
  const r = await t.api(token, 'POST', '/test_orders', { name: `Order ${Math.random()}`, account_id: accountId, currency });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  const id = r.body.data.id as number;
  const ids: number[] = [];
  for (const l of lines) {
    const { rows } = await sql<{ id: number }>`INSERT INTO test_order_lines (order_id, description, quantity, unit_price, tax_rate)
      VALUES (${id}, ${l.description}, ${l.quantity}, ${l.unit_price}, ${l.tax_rate ?? '0'}) RETURNING id`.execute(t.database.db);
    ids.push(Number(rows[0]!.id));
  }
  return { id, lineIds: ids };
}

export async function invoicedOf(t: TestApp, lineId: number): Promise<string> {
  const { rows } = await sql<{ invoiced: string }>`SELECT invoiced::text AS invoiced FROM test_order_lines WHERE id = ${lineId}`.execute(t.database.db);
  return String(Number(rows[0]!.invoiced));
}

/** An issued invoice of one line (quantity 1 at `amount`), issued on `issueDate` with these terms. */
export async function issuedInvoice(t: TestApp, token: string, accountId: number, amount: string, opts: { issue_date?: string; terms?: number; currency?: string; owner_id?: number } = {}) {
  const c = await t.api(token, 'POST', '/invoices', { account_id: accountId, payment_terms_days: opts.terms ?? 30, ...(opts.currency ? { currency: opts.currency } : {}), ...(opts.owner_id ? { owner_id: opts.owner_id } : {}) });
  if (c.status !== 201) throw new Error(JSON.stringify(c.body));
  const l = await t.api(token, 'PUT', `/invoices/${c.body.data.id}/lines`, { version: c.body.data.version, lines: [{ description: 'Tea', quantity: '1', unit_price: amount }] });
  if (l.status !== 200) throw new Error(JSON.stringify(l.body));
  const i = await t.api(token, 'POST', `/invoices/${c.body.data.id}/issue`, opts.issue_date ? { issue_date: opts.issue_date } : {});
  if (i.status !== 200) throw new Error(JSON.stringify(i.body));
  return i.body.data;
}

/** Every row of the billing tables, to assert a refused request changed nothing. */
export async function billingSnapshot(t: TestApp) {
  const db = t.database.db;
  const q = async (s: string) => (await sql.raw(s).execute(db)).rows;
  return {
    invoices: await q('SELECT id, status, amount_paid, amount_due, amount_credited, gross_total, version FROM invoices ORDER BY id'),
    lines: await q('SELECT * FROM invoice_lines ORDER BY id'),
    payments: await q('SELECT id, amount_allocated, amount_unapplied, version FROM payments ORDER BY id'),
    allocations: await q('SELECT payment_id, target_kind, target_id, amount FROM payment_allocations ORDER BY id'),
    orders: await q('SELECT id, invoiced FROM test_order_lines ORDER BY id'),
    instalments: await q('SELECT id, paid FROM test_instalments ORDER BY id'),
    actions: await q('SELECT id FROM invoice_collection_actions ORDER BY id'),
  };
}
