import { sql } from 'kysely';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { creditCodeCheck } from '../../../shared/tax-id.ts';
import { createRecord } from '../../records/service.ts';
import { getObject } from '../../records/registry.ts';
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
  // The demo company's one seller profile (the default): every demo fapiao snapshots it.
  const org = (await sql<{ value: unknown }>`SELECT value FROM settings WHERE key = 'organization_name'`.execute(ctx.db)).rows[0]?.value;
  await createRecord(ctx.db, getObject('fapiao_sellers'), ctx.admin, {
    name: (org as string | undefined) || '上海关系科技有限公司', tax_id: taxId(8), is_default: true,
    address_phone: '上海市浦东新区世纪大道 100 号 021-12345678', bank_account: '招商银行上海分行 121900000000001',
  });
  const blue: number[] = [];
  for (const inv of rows) {
    const f = await fapiaoFromInvoices(ctx.db, ctx.admin, { invoice_ids: [Number(inv.id)], kind: 'digital_normal', buyer_tax_id: taxId(Number(inv.id)) });
    const date = inv.issue_date instanceof Date ? inv.issue_date.toISOString().slice(0, 10) : String(inv.issue_date ?? '').slice(0, 10) || undefined;
    await issueFapiao(ctx.db, ctx.admin, f.id, { number: number(f.id), ...(date ? { issue_date: date } : {}) });
    blue.push(f.id);
  }
  if (!blue.length) return { fapiao_sellers: 1, fapiao: 0 };
  const red = await redFapiaoOf(ctx.db, ctx.admin, blue[0]!, { red_confirmation_number: `4403${String(blue[0]).padStart(16, '0')}` });
  await issueFapiao(ctx.db, ctx.admin, red.id, { number: number(red.id + 900000) });
  return { fapiao_sellers: 1, fapiao: blue.length + 1 };
}
