import type { PrintableDocument } from '../../../shared/contracts/documents.ts';
import { AppError } from '../../http/errors.ts';
import { getLines, lineMoneyHidden } from '../../records/line-items.ts';
import { getObject } from '../../records/registry.ts';
import type { ObjectDef, PrintContext, Row } from '../../records/types.ts';
import { allFields } from '../../records/fields.ts';
import { getQuoteSettings } from './quotes.settings.ts';
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
  const template = await getQuoteSettings(ctx.db);
  const facts = [
    ...[['subject', row.subject]]
      .filter(([, v]) => typeof v === 'string' && v)
      .map(([k, v]) => ({ label: labels.fields?.[k as string] ?? String(k), value: String(v) })),
    ...(await customFacts(ctx, def, row, template.print_fields)),
  ];
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
    ...(template.pdf_header ? { header_text: template.pdf_header } : {}),
    ...(template.pdf_footer ? { footer_text: template.pdf_footer } : {}),
  };
}

/**
 * The custom fields the template chose, in its order, as label and value in the document's
 * language. `row` has the printing user's field rules applied: a hidden field is absent, so it
 * never prints; an empty one is left out.
 */
async function customFacts(ctx: PrintContext, def: ObjectDef, row: Row, keys: string[]): Promise<{ label: string; value: string }[]> {
  if (!keys.length) return [];
  const fields = new Map((await allFields(ctx.db, def)).filter((f) => f.custom).map((f) => [f.key, f]));
  const yes = { en: ['Yes', 'No'], 'zh-CN': ['是', '否'], 'zh-TW': ['是', '否'] }[ctx.locale];
  const out: { label: string; value: string }[] = [];
  for (const key of keys) {
    const f = fields.get(key);
    const v = row[key];
    if (!f || v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    const option = (x: unknown) => f.options?.find((o) => o.value === x)?.labels?.[ctx.locale] ?? f.options?.find((o) => o.value === x)?.label ?? String(x);
    const value = f.type === 'link' ? String(row.refs?.[key]?.title ?? v) : typeof v === 'boolean' ? yes[v ? 0 : 1]! : Array.isArray(v) ? v.map(option).join(', ') : f.options?.length ? option(v) : String(v);
    out.push({ label: f.labels?.[ctx.locale] || f.label || key, value });
  }
  return out;
}
