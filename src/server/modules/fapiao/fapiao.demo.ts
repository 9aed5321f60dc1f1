import { sql } from 'kysely';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { creditCodeCheck } from '../../../shared/tax-id.ts';
import { fapiaoFromInvoices } from './fapiao.create.ts';
import { issueFapiao } from './fapiao.service.ts';
import { redFapiaoOf } from './fapiao.red.ts';

// The fapiao part of `guanxi seed demo`: an issued digital fapiao for each of a few paid demo
// invoices (seeded by the invoices module's step, which runs first) and one red fapiao
// reversing the first. No paid invoices: nothing.

const taxId = (n: number) => {
  const first = `91310000MA1F${String(n % 100000).padStart(5, '0')}`;
  return first + creditCodeCheck(first)!;
};
const number = (n: number) => `2631${String(n).padStart(16, '0')}`;

export async function fapiaoDemo(ctx: DemoContext): Promise<DemoCounts> {
  const { rows } = await sql<{ id: number; issue_date: unknown }>`
    SELECT id, issue_date FROM invoices WHERE kind = 'invoice' AND status = 'paid' ORDER BY id LIMIT 4`.execute(ctx.db);
  const blue: number[] = [];
  for (const inv of rows) {
    const f = await fapiaoFromInvoices(ctx.db, ctx.admin, { invoice_ids: [Number(inv.id)], kind: 'digital_normal', buyer_tax_id: taxId(Number(inv.id)) });
    const date = inv.issue_date instanceof Date ? inv.issue_date.toISOString().slice(0, 10) : String(inv.issue_date ?? '').slice(0, 10) || undefined;
    await issueFapiao(ctx.db, ctx.admin, f.id, { number: number(f.id), ...(date ? { issue_date: date } : {}) });
    blue.push(f.id);
  }
  if (!blue.length) return { fapiao: 0 };
  const red = await redFapiaoOf(ctx.db, ctx.admin, blue[0]!, { red_confirmation_number: `4403${String(blue[0]).padStart(16, '0')}` });
  await issueFapiao(ctx.db, ctx.admin, red.id, { number: number(red.id + 900000) });
  return { fapiao: blue.length + 1 };
}
