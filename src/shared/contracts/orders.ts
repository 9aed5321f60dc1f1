import { z } from 'zod';
import { ApiRecord } from './records.ts';

// Sales orders' actions (server: modules/orders). Quantities travel as decimal strings (or
// JSON numbers); the server checks each line with a stable code (over_fulfilment, over_return,
// unknown_line, invalid_quantity) and refuses the whole request when one is bad.

const decimal = z.union([z.string().max(40), z.number()]);

export const LineQuantity = z.object({ line_id: z.number().int().positive(), quantity: decimal });
export type LineQuantity = z.infer<typeof LineQuantity>;

export const FulfilBody = z.object({ lines: z.array(LineQuantity).min(1).max(500) }).strict();
export type FulfilBody = z.infer<typeof FulfilBody>;

const Reason = z.string().trim().min(1).max(2000);

export const ReturnBody = z.object({ reason: Reason, lines: z.array(LineQuantity).min(1).max(500) }).strict();
export type ReturnBody = z.infer<typeof ReturnBody>;

export const ReleaseBody = z.object({ reason: Reason }).strict();
export const CancelBody = z.object({ reason: Reason.optional() }).strict();

export const QuoteIdParam = z.object({ quoteId: z.coerce.number().int().positive() });

/**
 * The credit check of an order as the caller may see it, in the organisation currency. Amounts
 * are left out for a role that may not read the order's total, the limit for one that may not
 * read the account's credit_limit (or the account).
 */
export const CreditAnswer = z.object({
  currency: z.string(),
  /** Each registered part of the account's exposure (orders, invoices, payments). */
  parts: z.record(z.string(), z.string()).optional(),
  exposure: z.string().optional(),
  /** What this order adds (0 once it is confirmed: it is among the open orders then). */
  this_order: z.string().optional(),
  total: z.string().optional(),
  limit: z.string().optional(),
  over_limit: z.boolean(),
  overdue: z.boolean(),
  policy: z.enum(['warn', 'hold']),
  result: z.enum(['ok', 'warning', 'hold']),
});
export type CreditAnswer = z.infer<typeof CreditAnswer>;

/** An action's answer: the order as the caller reads it, and for a confirmation the credit check. */
export const OrderActionAnswer = z.object({
  data: z.object({
    order: ApiRecord,
    /** confirm: `warning` (confirmed) or `hold` (on_hold, a manager releases it). */
    credit: CreditAnswer.optional(),
    credit_warning: z.boolean().optional(),
    credit_hold: z.boolean().optional(),
  }),
});
export type OrderActionAnswer = z.infer<typeof OrderActionAnswer>;

export const OrderProgressLine = z.object({
  id: z.number(), position: z.number(), description: z.string(), unit: z.string().nullable(),
  quantity: z.string(), quantity_fulfilled: z.string(), quantity_returned: z.string(), quantity_invoiced: z.string(),
});

/** GET /orders/{id}/progress: per line what was delivered, returned and invoiced; the returns with their reasons. */
export const OrderProgressAnswer = z.object({
  data: z.object({
    lines: z.array(OrderProgressLine),
    returns: z.array(z.object({ id: z.number(), reason: z.string(), created_by: z.number().nullable(), created_at: z.string(), lines: z.array(z.object({ line_id: z.number(), quantity: z.string() })) })),
  }),
});
export type OrderProgressAnswer = z.infer<typeof OrderProgressAnswer>;

export const CreditPanelAnswer = z.object({ data: CreditAnswer });
