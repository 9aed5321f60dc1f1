import { z } from 'zod';

// A printable business document (issue 12, piece 11): what a quote, order, invoice or statement
// hands to the PDF renderer (server: core/pdf/). Amounts are exact decimal strings already
// rounded by src/shared/money.ts; the renderer formats but never computes money.

const money = z.string().regex(/^-?\d+(\.\d+)?$/);

export const DocumentParty = z.object({
  name: z.string(),
  lines: z.array(z.string()).default([]),
  tax_id: z.string().optional(),
});

export const DocumentLine = z.object({
  position: z.number().int(),
  sku: z.string().optional(),
  description: z.string(),
  quantity: z.string(),
  unit: z.string().optional(),
  unit_price: money,
  /** Percent (10 = 10 %), as line items store it. */
  discount_percent: z.string().optional(),
  /** Percent (13 = 13 % VAT), as line items store it. */
  tax_rate: z.string().optional(),
  net: money,
  tax: money,
  gross: money,
});

export const PrintableDocument = z.object({
  /** 'quote' | 'order' | 'invoice' | 'statement' | ...: picks the title and template. */
  kind: z.string(),
  number: z.string(),
  /** ISO date. */
  date: z.string(),
  valid_until: z.string().optional(),
  locale: z.enum(['en', 'zh-CN', 'zh-TW']),
  currency: z.string().length(3),
  seller: DocumentParty,
  buyer: DocumentParty,
  lines: z.array(DocumentLine),
  totals: z.object({ net: money, discount: money.optional(), tax: money, gross: money }),
  /** Free text blocks after the lines (terms, notes). */
  notes: z.array(z.string()).default([]),
  /** Extra label/value facts under the header (custom fields a template chose). */
  facts: z.array(z.object({ label: z.string(), value: z.string() })).default([]),
  /** Text an organisation's template puts after the parties and at the end (a quote's settings). */
  header_text: z.string().optional(),
  footer_text: z.string().optional(),
});
export type PrintableDocument = z.infer<typeof PrintableDocument>;
export type DocumentLine = z.infer<typeof DocumentLine>;
