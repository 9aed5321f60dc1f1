import { z } from 'zod';

// Payment allocations (server: modules/payments): the whole set of a payment's allocations,
// replaced at once. `target_kind` is 'invoice' or a kind another module registered
// (core/billing.ts PaymentTarget: a contract's plan instalment).

const decimal = z.union([z.string().max(40), z.number()]);

export const PAYMENT_METHODS = ['bank_transfer', 'alipay', 'wechat_pay', 'cash', 'cheque', 'card', 'acceptance_bill'] as const;

export const AllocationInput = z.object({
  target_kind: z.string().min(1).max(40),
  target_id: z.number().int().positive(),
  amount: decimal,
}).strict();

export const PutAllocationsBody = z.object({ allocations: z.array(AllocationInput).max(500) }).strict();
export type PutAllocationsBody = z.infer<typeof PutAllocationsBody>;

export const Allocation = z.object({ id: z.number(), target_kind: z.string(), target_id: z.number(), amount: z.string().optional() });

export const AllocationsAnswer = z.object({
  data: z.object({
    allocations: z.array(Allocation),
    /** Left out for a role that may not read the payment's amounts. */
    amount: z.string().optional(),
    allocated: z.string().optional(),
    unapplied: z.string().optional(),
    currency: z.string(),
  }),
});
export type AllocationsAnswer = z.infer<typeof AllocationsAnswer>;

/** Record a payment for one invoice and allocate it there (the invoice page's "Record payment"). */
export const RecordPaymentBody = z.object({
  invoice_id: z.number().int().positive(),
  amount: decimal,
  method: z.enum(PAYMENT_METHODS),
  received_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reference: z.string().max(200).nullable().optional(),
  note: z.string().max(4000).nullable().optional(),
}).strict();
export type RecordPaymentBody = z.infer<typeof RecordPaymentBody>;
