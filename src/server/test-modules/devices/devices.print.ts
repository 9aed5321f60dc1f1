import type { PrintableDocument } from '../../../shared/contracts/documents.ts';
import { orgCurrency } from '../../records/money.ts';
import { accountParty, NO_PARTY, sellerParty } from '../../modules/documents/parties.ts';
import type { PrintContext, Row } from '../../records/types.ts';
import { devicesLabels } from './devices.labels.ts';

const isoDate = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

/**
 * A device sheet: the device as the one line of a document to its account. The row comes with
 * the printing user's field rules applied, so a hidden price or note is simply absent here.
 */
export async function printDevice(ctx: PrintContext, row: Row): Promise<PrintableDocument> {
  const labels = devicesLabels[ctx.locale];
  const option = (field: string) => (row[field] ? (labels.options?.[field]?.[row[field]] ?? String(row[field])) : null);
  const price = typeof row.price === 'string' ? row.price : '0';
  const facts = [['model', option('model')], ['status', option('status')], ['serial', row.serial]]
    .filter(([, v]) => v)
    .map(([k, v]) => ({ label: labels.fields?.[k as string] ?? String(k), value: String(v) }));
  return {
    kind: 'device',
    number: row.serial || `DEV-${row.id}`,
    date: isoDate(row.installed_on ?? row.created_at ?? new Date()),
    locale: ctx.locale,
    currency: await orgCurrency(ctx.db),
    seller: await sellerParty(ctx),
    buyer: (await accountParty(ctx, row.account_id)) ?? NO_PARTY,
    lines: [{ position: 1, description: String(row.name ?? ''), quantity: '1', unit_price: price, net: price, tax: '0', gross: price }],
    totals: { net: price, tax: '0', gross: price },
    notes: typeof row.notes === 'string' && row.notes ? [row.notes] : [],
    facts,
  };
}
