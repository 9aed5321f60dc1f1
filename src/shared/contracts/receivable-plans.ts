import { z } from 'zod';

// A contract's receivable plan (回款计划): GET/PUT /contracts/{id}/plan and
// POST /contracts/{id}/plan/generate (server: modules/contracts/contracts.plan.ts). Amounts travel
// as decimal strings; the server checks them with stable codes (invalid_amount, too_many_decimals,
// invalid_date, unknown_instalment, too_many_instalments), 422 plan_exceeds_value when the
// instalments add up to more than the contract's value, 409 instalment_has_payments.

export const MAX_INSTALMENTS = 500;

export const INSTALMENT_STATUSES = ['planned', 'partially_paid', 'paid', 'overdue'] as const;

export const InstalmentInput = z.object({
  /** A stored instalment kept (its payments stay with it); absent: a new one. */
  id: z.number().int().positive().optional(),
  due_date: z.string().max(20),
  amount: z.union([z.string().max(40), z.number()]),
  note: z.string().max(1000).nullable().optional(),
});
export type InstalmentInput = z.infer<typeof InstalmentInput>;

/** The whole new plan (its order is the instalments' sequence); `version`: the contract's, when the client wants it checked. */
export const PutPlanBody = z.object({
  version: z.number().int().positive().optional(),
  instalments: z.array(InstalmentInput).max(10_000),
});
export type PutPlanBody = z.infer<typeof PutPlanBody>;

/** Splits the contract's value into `count` instalments, the cents left over on the last. */
export const GeneratePlanBody = z.object({
  count: z.number().int().min(1).max(MAX_INSTALMENTS),
  first_due_date: z.string().max(20),
  every_months: z.number().int().min(1).max(60),
});
export type GeneratePlanBody = z.infer<typeof GeneratePlanBody>;

/** An instalment; its money keys are null for a role that may not read the contract's value. */
export const InstalmentOut = z.object({
  id: z.number(),
  sequence: z.number(),
  due_date: z.string(),
  amount: z.string().nullable(),
  paid_amount: z.string().nullable(),
  open: z.string().nullable(),
  /** overdue: not fully paid and due before today (UTC). */
  status: z.enum(INSTALMENT_STATUSES),
  note: z.string().nullable(),
  /** An invoice was made for it (its amount is then fixed). */
  invoiced: z.boolean(),
});
export type InstalmentOut = z.infer<typeof InstalmentOut>;

export const PlanAnswer = z.object({
  data: z.object({
    contract_id: z.number(),
    currency: z.string(),
    version: z.number(),
    money_visible: z.boolean(),
    value: z.string().nullable(),
    instalments: z.array(InstalmentOut),
    /** planned: the instalments' sum; paid; open = planned − paid; unplanned = value − planned. Null when money is hidden. */
    totals: z.object({ planned: z.string(), paid: z.string(), open: z.string(), unplanned: z.string() }).nullable(),
  }),
});
export type PlanAnswer = z.infer<typeof PlanAnswer>;

/** GET /contracts/{id}/terms: the terms an auto-renewal ended, oldest first (the current term is the contract's own dates). */
export const TermsAnswer = z.object({
  data: z.array(z.object({ start_date: z.string().nullable(), end_date: z.string(), new_end_date: z.string(), renewed_at: z.string() })),
});
export type TermsAnswer = z.infer<typeof TermsAnswer>;
