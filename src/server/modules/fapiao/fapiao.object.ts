import { sql } from 'kysely';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { syncTimeline, timelineTargets } from '../../core/timeline.ts';
import { AppError } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { defaultCurrencyFromAccount as defaultCurrency } from '../../records/account-currency.ts';
import { isCreditCode } from '../../../shared/tax-id.ts';
import { fapiaoLabels } from './fapiao.labels.ts';
import { SELLER_COPY, sellerSnapshot } from './fapiao-sellers.object.ts';

export const FAPIAO_KINDS = ['digital_special', 'digital_normal', 'paper_special', 'paper_normal'] as const;
export const isSpecial = (kind: string) => kind.endsWith('_special');
export const isPaper = (kind: string) => kind.startsWith('paper_');

export const notEditable = (status: string) =>
  new AppError('fapiao_not_editable', `This fapiao is ${status}: an issued or voided fapiao cannot be changed`, { reason: 'fapiao_not_editable', status });

/** The fapiao's entry on its account's timeline (kept in step on every change). */
export async function fapiaoOnTimeline(trx: Tx, row: Row, actorId: number | null): Promise<void> {
  await syncTimeline(trx, 'fapiao', row.id, {
    occurredAt: row.created_at, kind: 'fapiao', title: row.number ?? `#${row.id}`,
    // Language-neutral text only (the reader's language is not known here): the buyer, and for
    // a red fapiao its 红字确认单编号; kind and status are on the fapiao's own page.
    body: [row.buyer_name, row.colour === 'red' ? row.red_confirmation_number : null].filter(Boolean).join(' · '), targets: timelineTargets(getObject('fapiao'), row), actorId,
  });
}

/** A buyer tax ID, upper-cased, or the invalid_tax_id refusal. */
export function checkTaxId(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const code = String(value).trim().toUpperCase();
  if (!isCreditCode(code)) {
    throw new AppError('invalid_tax_id', 'Not a unified social credit code (18 characters with a valid check character)', { reason: 'invalid_tax_id', field });
  }
  return code;
}

/** The buyer's and seller's tax IDs of a fapiao about to be requested or issued. */
export function checkTaxIds(row: Row): void {
  checkTaxId('buyer_tax_id', row.buyer_tax_id);
  checkTaxId('seller_tax_id', row.seller_tax_id);
}

/** A special fapiao (专票) names the buyer fully: the tax authority refuses it otherwise. */
export function checkSpecialBuyer(row: Row): void {
  if (!isSpecial(row.kind)) return;
  const missing = ['buyer_name', 'buyer_tax_id', 'buyer_address_phone', 'buyer_bank_account'].filter((k) => !String(row[k] ?? '').trim());
  if (missing.length) throw new AppError('special_fapiao_buyer_incomplete', 'A special VAT fapiao needs the buyer\'s name, tax ID, address and phone, bank and account', { reason: 'special_fapiao_buyer_incomplete', missing });
}

const money = (key: string) => ({ key, type: 'money' as const, system: true });
const text = (key: string, max = 300) => ({ key, type: 'text' as const, max });

// Fapiao (发票): made from issued invoices (POST /fapiao/from-invoices) or by hand, requested,
// issued through a provider (fapiao.providers.ts), reversed by red fapiao. Status, colour,
// numbers and amounts are written by the fapiao services only.
export const fapiaoObject: ObjectDef = {
  name: 'fapiao',
  singular: 'fapiao',
  titleField: 'buyer_name',
  ownerField: 'owner_id',
  currencyField: 'currency',
  fields: [
    { key: 'kind', type: 'select', options: opts(...FAPIAO_KINDS) },
    { key: 'colour', type: 'select', system: true, options: opts('blue', 'red') },
    { key: 'status', type: 'select', system: true, options: opts('draft', 'requested', 'issued', 'voided') },
    { key: 'number', type: 'text', system: true, max: 20 },
    { key: 'code', type: 'text', system: true, max: 12 },
    { key: 'issue_date', type: 'date', system: true },
    // A select so its label shows in every language (手工开具); a provider added later adds its option.
    { key: 'provider', type: 'select', system: true, options: opts('manual') },
    { key: 'reverses_id', type: 'link', link: 'fapiao', system: true, onDelete: 'restrict' },
    { key: 'red_confirmation_number', type: 'text', system: true, max: 60 },
    { key: 'red_state', type: 'select', system: true, options: opts('partly', 'reversed') },
    { key: 'account_id', type: 'link', link: 'accounts', relatedList: true },
    { key: 'owner_id', type: 'user' },
    text('buyer_name'), text('buyer_tax_id', 18), text('buyer_address_phone'), text('buyer_bank_account'),
    { key: 'seller_id', type: 'link', link: 'fapiao_sellers' },
    text('seller_name'), text('seller_tax_id', 18), text('seller_address_phone'), text('seller_bank_account'),
    { key: 'currency', type: 'text', max: 3 },
    { key: 'rounding_mode', type: 'select', options: opts('per_line', 'total') },
    { key: 'prices_include_tax', type: 'boolean' },
    money('amount_net'), money('amount_tax'), money('amount_total'), money('amount_reversed'),
    { key: 'remarks', type: 'longtext', max: 2000 },
    { key: 'void_reason', type: 'text', system: true, max: 1000 },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: fapiaoLabels,
  ui: {
    menu: { group: 'sales', icon: 'AuditOutlined', order: 65 },
    recordPage: true,
    // The title is the number once issued (web: modules/fapiao), so the subtitle does not repeat it.
    subtitle: ['kind', 'colour', 'status', 'provider'],
    listColumns: ['number', 'buyer_name', 'kind', 'colour', 'status', 'issue_date', 'amount_total', 'account_id', 'owner_id'],
    quickCreate: ['kind', 'account_id', 'buyer_name', 'buyer_tax_id'],
    sections: [
      { key: 'main', fields: ['kind', 'colour', 'status', 'number', 'code', 'issue_date', 'provider', 'account_id', 'owner_id'] },
      { key: 'buyer', fields: ['buyer_name', 'buyer_tax_id', 'buyer_address_phone', 'buyer_bank_account'] },
      { key: 'seller', fields: ['seller_id', 'seller_name', 'seller_tax_id', 'seller_address_phone', 'seller_bank_account'] },
      { key: 'amounts', fields: ['currency', 'rounding_mode', 'prices_include_tax', 'amount_net', 'amount_tax', 'amount_total', 'amount_reversed'] },
      { key: 'red', fields: ['reverses_id', 'red_confirmation_number', 'red_state', 'void_reason'] },
      { key: 'notes', fields: ['remarks'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { owner_id: '$me', kind: 'digital_normal' },
  },
  // Like invoices: sales write them, managers and admins delete (drafts only, beforeDelete).
  policy: { delete: ['admin', 'manager'], import: ['admin'] },
  search: {
    document: (r) => ({ names: searchValues(r, ['buyer_name']), other: searchValues(r, ['number', 'buyer_tax_id', 'red_confirmation_number']), notes: searchValues(r, ['remarks']) }),
    pinyin: 'company',
    subtitle: ['number', 'status'],
    global: true,
  },
  timeline: { targets: ['account_id'], title: 'number', body: 'buyer_name' },
  // Drafts from a spreadsheet (requested, issued and reversed through the API only).
  import: { synonyms: { buyer_name: ['buyer', '购买方名称', '購買方名稱'], buyer_tax_id: ['tax id', '纳税人识别号', '納稅人識別號'] }, identity: [] },
  lines: {
    table: 'fapiao_lines',
    productObject: 'products',
    totals: { net: 'amount_net', tax: 'amount_tax', gross: 'amount_total' },
    roundingField: 'rounding_mode',
    pricesIncludeTaxField: 'prices_include_tax',
    // Hand-made drafts only: a fapiao of invoices or a red one keeps the lines it was made with.
    mayEdit: async (ctx, parent) => {
      if (parent.status !== 'draft') throw notEditable(parent.status);
      const { rows } = await sql`SELECT 1 FROM fapiao_invoices WHERE fapiao_id = ${parent.id} LIMIT 1`.execute(ctx.trx);
      if (rows.length || parent.colour === 'red') throw new AppError('fapiao_not_editable', 'The lines of a fapiao made from invoices or of a red fapiao are fixed', { reason: 'fapiao_not_editable', status: parent.status });
    },
  },
  beforeWrite: async (ctx, values, existing) => {
    if (existing && !['draft', 'requested'].includes(existing.status)) throw notEditable(existing.status);
    if (existing?.status === 'requested' && values.kind !== undefined && values.kind !== existing.kind) throw notEditable(existing.status);
    // A draft may hold a tax ID still being typed (upper-cased); it is checked when the fapiao is
    // requested or issued (checkTaxIds), and at once when a fapiao is made from invoices.
    for (const k of ['buyer_tax_id', 'seller_tax_id']) if (typeof values[k] === 'string') values[k] = values[k].trim().toUpperCase() || null;
    if (!existing) {
      values.status = 'draft';
      values.colour = 'blue';
      values.kind ??= 'digital_normal';
      values.rounding_mode ??= 'per_line';
      values.prices_include_tax ??= false;
    }
    // The seller profile chosen (or, on a new fapiao, the default one) is copied into the
    // seller fields: a snapshot, so editing the profile later never changes this fapiao.
    const chosen = values.seller_id !== undefined && values.seller_id !== null && Number(values.seller_id) !== Number(existing?.seller_id);
    if (!existing || chosen) {
      const snap = await sellerSnapshot(ctx.trx, chosen ? Number(values.seller_id) : null);
      for (const [k, v] of Object.entries(snap)) if (values[k] === undefined || values[k] === null || values[k] === '' || (chosen && existing && k in SELLER_COPY)) values[k] = v;
    }
    if (!existing) {
      if (!values.seller_name) {
        const { rows } = await sql<{ value: unknown }>`SELECT value FROM settings WHERE key = 'organization_name'`.execute(ctx.trx);
        values.seller_name = (rows[0]?.value as string | undefined) || null;
      }
      await defaultCurrency(ctx, values);
    }
  },
  afterWrite: async (ctx, row) => {
    await fapiaoOnTimeline(ctx.trx, row, ctx.actor.id);
  },
  beforeDelete: async (_ctx, row) => {
    if (row.status !== 'draft') throw notEditable(row.status);
  },
  notNull: ['kind', 'colour', 'status', 'rounding_mode', 'prices_include_tax', 'amount_net', 'amount_tax', 'amount_total', 'amount_reversed'],
};
