import type { z } from 'zod';
import type { FieldIssue as FieldIssueContract } from '../../shared/contracts/common.ts';

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'idempotency_key_reused'
  | 'rate_limited'
  | 'payload_too_large'
  | 'internal'
  | 'unavailable'
  /** An amount in a currency with no exchange rate into the organisation currency for its date. */
  | 'no_exchange_rate'
  | 'transition_not_allowed'
  | 'stage_fields_required'
  /** A condition tree (records/conditions.ts) that names what does not exist, or the caller may not read, or is malformed. */
  | 'invalid_condition'
  /** Contracts: an end date before the start date. */
  | 'end_before_start'
  /** Contracts: the receivable plan's instalments add up to more than the contract's value. */
  | 'plan_exceeds_value'
  /** Contracts: an instalment with payments allocated removed from the plan or reduced below what was paid. */
  | 'instalment_has_payments'
  /** Lines naming a product without a product it requires (modules/price-books relations). */
  | 'product_requires'
  /** Lines naming two products that exclude each other. */
  | 'products_exclude'
  /** A quote past draft (sent, decided, superseded…) is changed only by its actions or a revision (modules/quotes). */
  | 'quote_not_editable'
  /** A quote whose discount or margin needs approval is sent only once approved. */
  | 'approval_required'
  /** A quote's action or public answer in a status that does not allow it (already decided, expired, withdrawn, superseded). */
  | 'quote_not_open'
  // Invoices and payments (modules/invoices, modules/payments): a document past draft, and the
  // amounts a billing write may not exceed (what a source can still bill, an invoice's
  // uncredited or open amount, a payment's amount) or mix (currencies).
  | 'invoice_not_editable'
  | 'over_billable'
  | 'over_credit'
  | 'over_allocation'
  | 'over_payment'
  | 'currency_mismatch'
  /** A tree write that would make a record its own ancestor (modules/territories). */
  | 'tree_cycle'
  /** Commissions: an opportunity's credit splits that do not add up to 100 %. */
  | 'split_not_100'
  /** Commissions: an approved or paid statement is frozen (its lines and amounts). */
  | 'statement_locked'
  // Fapiao (modules/fapiao): an issued one is read-only; what its invoices or its blue fapiao
  // leave; a red one needs its blue one and the red confirmation number; buyer data checks.
  | 'fapiao_not_editable'
  | 'fapiao_over_invoice'
  | 'red_without_blue'
  | 'red_confirmation_required'
  | 'over_red'
  | 'special_fapiao_buyer_incomplete'
  | 'invalid_tax_id'
  | 'invalid_fapiao_number'
  /** Forecasts: a second quota for the same owner and period. */
  | 'quota_exists'
  /** Forecasts: an adjustment for a period that has already ended. */
  | 'period_closed';

export const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_reused: 422,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  no_exchange_rate: 409,
  transition_not_allowed: 422,
  stage_fields_required: 422,
  invalid_condition: 400,
  end_before_start: 422,
  plan_exceeds_value: 422,
  instalment_has_payments: 409,
  product_requires: 422,
  products_exclude: 422,
  quote_not_editable: 409,
  approval_required: 409,
  quote_not_open: 409,
  invoice_not_editable: 409,
  over_billable: 422,
  over_credit: 422,
  over_allocation: 422,
  over_payment: 422,
  currency_mismatch: 422,
  tree_cycle: 422,
  split_not_100: 422,
  statement_locked: 409,
  fapiao_not_editable: 409,
  fapiao_over_invoice: 422,
  red_without_blue: 422,
  red_confirmation_required: 422,
  over_red: 422,
  special_fapiao_buyer_incomplete: 422,
  invalid_tax_id: 422,
  invalid_fapiao_number: 422,
  quota_exists: 409,
  period_closed: 409,
};

/** One bad field: `message` in English for people and logs, `code` stable for clients to translate (web: api/errors.ts). */
export type FieldIssue = z.infer<typeof FieldIssueContract>;

/**
 * What an error adds to its message: the bad fields (each with a stable code), or facts about a
 * refusal (a conflict's `reason` code, the current record...). Clients translate by code, never by words.
 */
export type ErrorDetails = FieldIssue[] | ({ reason?: string; [key: string]: unknown } & { length?: never });

/** A domain error: services throw these; the HTTP layer maps the code to a status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
/** `facts`: what the role may not do (a record action or a capability) and on which object, for clients to word it in the user's language. */
export const forbidden = (message = 'You may not do this', facts?: { action: string; object?: string }) =>
  new AppError('forbidden', message, facts ? { reason: 'not_allowed', ...facts } : undefined);
export const invalid = (details: FieldIssue[], message = 'Some fields are not valid') =>
  new AppError('validation_failed', message, details);
