import { sql } from 'kysely';
import type { TestApp } from '../../db/test-helpers.ts';
import { creditCodeCheck } from '../../../shared/tax-id.ts';

// Shared set-up of the fapiao tests: valid buyer tax IDs, numbers, and a snapshot of the fapiao
// tables to assert a refused request changed nothing.

export const taxId = (n: number) => {
  const first = `91350100M0001${String(n).padStart(4, '0')}`;
  return first + creditCodeCheck(first)!;
};
export const digitalNumber = (n: number) => `2644${String(n).padStart(16, '0')}`;
export const SPECIAL_BUYER = { buyer_tax_id: '91350100M000100Y43', buyer_address_phone: '福州市鼓楼区 0591-12345678', buyer_bank_account: '中国银行福州分行 1234567890' };

export async function fapiaoSnapshot(t: TestApp) {
  const q = async (s: string) => (await sql.raw(s).execute(t.database.db)).rows;
  return {
    fapiao: await q('SELECT id, status, colour, number, amount_total, amount_reversed, red_state, buyer_tax_id, version FROM fapiao ORDER BY id'),
    lines: await q('SELECT * FROM fapiao_lines ORDER BY id'),
    links: await q('SELECT * FROM fapiao_invoices ORDER BY fapiao_id, invoice_id'),
  };
}
