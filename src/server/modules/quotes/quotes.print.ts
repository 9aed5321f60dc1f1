import type { PrintableDocument } from '../../../shared/contracts/documents.ts';
import { AppError } from '../../http/errors.ts';
import { getLines, lineMoneyHidden } from '../../records/line-items.ts';
import { getObject } from '../../records/registry.ts';
import type { PrintContext, Row } from '../../records/types.ts';
import { accountParty, NO_PARTY, sellerParty } from '../documents/parties.ts';
import { quotesLabels } from './quotes.labels.ts';

const isoDate = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

/**
 * A quote as a document: its lines and totals exactly as the lines service stored them (already
 * rounded; the renderer never computes money), read under the printing user's rights. A role
 * whose field rules hide the quote's amounts cannot print it: a quote without prices is not a
 * quote (a price-less delivery note is a document kind of its own, for orders).
 */
export async function printQuote(ctx: PrintContext, row: Row): Promise<PrintableDocument> {
  const def = getObject('quotes');
  if (lineMoneyHidden(ctx.actor, def)) throw new AppError('forbidden', "Your role may not see this quote's amounts, so it cannot print it");
  const l = await getLines(ctx.db, def, ctx.actor, Number(row.id));
  const labels = quotesLabels[ctx.locale];
  const facts = [['subject', row.subject]]
    .filter(([, v]) => typeof v === 'string' && v)
    .map(([k, v]) => ({ label: labels.fields?.[k as string] ?? String(k), value: String(v) }));
  return {
    kind: 'quote',
    number: String(row.number ?? `Q-${row.id}`),
    date: isoDate(row.created_at ?? new Date()),
    ...(row.valid_until ? { valid_until: isoDate(row.valid_until) } : {}),
    locale: ctx.locale,
    currency: l.currency,
    seller: await sellerParty(ctx),
    buyer: (await accountParty(ctx, row.account_id)) ?? NO_PARTY,
    lines: l.lines.map((x) => ({
      position: x.position,
      ...(x.sku ? { sku: x.sku } : {}),
      description: x.description,
      quantity: x.quantity,
      ...(x.unit ? { unit: x.unit } : {}),
      unit_price: x.unit_price!,
      discount_percent: x.discount_percent,
      tax_rate: x.tax_rate,
      net: x.net!,
      tax: x.tax!,
      gross: x.gross!,
    })),
    totals: { net: l.totals.net_total!, ...(l.totals.discount_total ? { discount: l.totals.discount_total } : {}), tax: l.totals.tax_total!, gross: l.totals.gross_total! },
    notes: typeof row.notes === 'string' && row.notes ? [row.notes] : [],
    facts,
  };
}
