import { sql } from 'kysely';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';
import { invalid } from '../../http/errors.ts';
import { checkTaxId } from './fapiao.object.ts';
import { fapiaoSellersLabels } from './fapiao-sellers.labels.ts';

// Seller profiles (销售方): the legal entities a fapiao is issued from. Records (list, read,
// audit, the link on fapiao, /api/v1/fapiao-sellers come from the record engine); only
// administrators write them. Setting one as default clears the previous default.

const ADMINS = ['admin'] as const;
const text = (key: string, max = 300) => ({ key, type: 'text' as const, max });

export const SELLER_COPY = { seller_name: 'name', seller_tax_id: 'tax_id', seller_address_phone: 'address_phone', seller_bank_account: 'bank_account' } as const;

/** The seller values a new fapiao snapshots: the chosen profile, else the default one (none: {}). */
export async function sellerSnapshot(trx: Tx, sellerId: number | null | undefined): Promise<Row> {
  const { rows } = sellerId
    ? await sql<Row>`SELECT * FROM fapiao_sellers WHERE id = ${sellerId}`.execute(trx)
    : await sql<Row>`SELECT * FROM fapiao_sellers WHERE is_default AND active`.execute(trx);
  const seller = rows[0];
  if (!seller) {
    if (sellerId) throw invalid([{ field: 'seller_id', message: 'No such seller profile', code: 'not_found' }]);
    return {};
  }
  const out: Row = { seller_id: seller.id };
  for (const [to, from] of Object.entries(SELLER_COPY)) out[to] = seller[from] ?? null;
  return out;
}

export const fapiaoSellersObject: ObjectDef = {
  name: 'fapiao_sellers',
  singular: 'fapiao_seller',
  titleField: 'name',
  fields: [
    { key: 'name', type: 'text', required: true, max: 300 },
    { key: 'tax_id', type: 'text', required: true, max: 18, sample: '91350100M000100Y43' },
    text('address_phone'), text('bank_account'),
    { key: 'is_default', type: 'boolean' },
    { key: 'active', type: 'boolean' },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: fapiaoSellersLabels,
  // No import declaration: profiles are typed in Settings (the import answers unknown_object).
  policy: { create: ADMINS, update: ADMINS, delete: ADMINS, export: ADMINS },
  ui: {
    // Reached from Settings → Seller profiles (web modules/fapiao), not the main menu.
    menu: null,
    recordPage: false,
    listColumns: ['name', 'tax_id', 'address_phone', 'bank_account', 'is_default', 'active'],
    quickCreate: ['name', 'tax_id', 'address_phone', 'bank_account', 'is_default'],
    sections: [
      { key: 'main', fields: ['name', 'tax_id', 'address_phone', 'bank_account', 'is_default', 'active'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { active: true },
  },
  notNull: ['name', 'tax_id', 'is_default', 'active'],
  async beforeWrite(ctx, values, existing) {
    // The same 统一社会信用代码 check as the buyer's (shared/tax-id.ts), upper-cased.
    if (values.tax_id !== undefined) {
      const code = checkTaxId('tax_id', values.tax_id);
      if (!code) throw invalid([{ field: 'tax_id', message: 'A seller profile has a tax ID', code: 'required' }]);
      values.tax_id = code;
    }
    if (values.is_default === null) values.is_default = false;
    if (values.active === null) values.active = true;
    if (values.is_default === true) {
      await sql`UPDATE fapiao_sellers SET is_default = false WHERE is_default AND id <> ${existing?.id ?? 0}`.execute(ctx.trx);
    }
  },
};
