import { z } from 'zod';

// Invoices, credit notes, collections and the ageing report (server: modules/invoices).
// Amounts and quantities travel as decimal strings; the server checks them with stable codes.

const decimal = z.union([z.string().max(40), z.number()]);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Not a date');

/** A part of an available line: the source's line (from a source) or the invoice's line (credit note). */
export const PickedLine = z.object({ line_id: z.number().int().positive(), quantity: decimal.optional() }).strict();

export const FromSourceParams = z.object({ object: z.string().min(1).max(60), id: z.coerce.number().int().positive() });
export const FromSourceBody = z.object({ lines: z.array(PickedLine).min(1).max(500).optional(), subject: z.string().max(300).optional() }).strict();
export type FromSourceBody = z.infer<typeof FromSourceBody>;

export const IssueBody = z.object({ issue_date: IsoDate.optional() }).strict();
export const VoidBody = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();

export const COLLECTION_KINDS = ['call', 'email', 'visit', 'letter'] as const;
export const CollectionBody = z.object({
  action_date: IsoDate.optional(),
  kind: z.enum(COLLECTION_KINDS),
  note: z.string().max(4000).nullable().optional(),
  promise_to_pay_date: IsoDate.nullable().optional(),
  promised_amount: decimal.nullable().optional(),
}).strict();
export type CollectionBody = z.infer<typeof CollectionBody>;

export const CollectionAction = z.object({
  id: z.number(),
  invoice_id: z.number(),
  action_date: z.string(),
  kind: z.string(),
  note: z.string().nullable(),
  promise_to_pay_date: z.string().nullable(),
  /** Left out for a role that may not read the invoice's amount due. */
  promised_amount: z.string().nullable().optional(),
  created_by: z.number().nullable(),
  created_at: z.string(),
});
export type CollectionAction = z.infer<typeof CollectionAction>;

export const AgeingQuery = z.object({
  as_of: IsoDate.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

const Buckets = { current: z.string(), d1_30: z.string(), d31_60: z.string(), d61_90: z.string(), d90_plus: z.string(), total: z.string() };
export const AgeingAnswer = z.object({
  data: z.array(z.object({ account_id: z.number().nullable(), account_name: z.string().nullable(), invoices: z.number(), ...Buckets })),
  next_cursor: z.string().nullable(),
  totals: z.object({ invoices: z.number(), ...Buckets }),
  currency: z.string(),
  as_of: z.string(),
});
export type AgeingAnswer = z.infer<typeof AgeingAnswer>;
