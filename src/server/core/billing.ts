import type { Actor } from './access.ts';
import type { Tx } from '../records/types.ts';

// The seams between the sales modules that bill and collect (issue 13), so that orders,
// contracts, invoices and payments stay separate module folders that never import each other:
// a module registers what it contributes here from its manifest file (at import), and the
// module that needs it reads the registry. All amounts are exact decimal strings.

/** An amount owed or committed by an account, in the organisation currency. */
export type CreditContribution = (db: Tx, accountId: number) => Promise<string>;

const exposure = new Map<string, CreditContribution>();

/**
 * Registers one part of an account's credit exposure (issue 13: open orders + unpaid invoices −
 * unapplied payments). `name` is the module's name; registering twice replaces.
 * A contribution may be negative (unapplied payments).
 */
export function registerCreditExposure(name: string, fn: CreditContribution): void {
  exposure.set(name, fn);
}

/** Every registered part of an account's exposure, by module name (the credit check sums them). */
export async function creditExposure(db: Tx, accountId: number): Promise<{ parts: Record<string, string> }> {
  const parts: Record<string, string> = {};
  for (const [name, fn] of exposure) parts[name] = await fn(db, accountId);
  return { parts };
}

/** A line that may still be invoiced from a source record (an order line, a contract instalment). */
export interface BillableLine {
  /** The source's own line id (order_lines.id, a receivable plan instalment's id). */
  source_line_id: number;
  product_id: number | null;
  sku: string | null;
  description: string;
  unit: string | null;
  /** What is left to invoice (ordered − invoiced + credited), > 0. */
  quantity: string;
  unit_price: string;
  discount_percent: string;
  tax_rate: string;
}

export interface Billable {
  account_id: number | null;
  contact_id: number | null;
  currency: string;
  rounding_mode: 'per_line' | 'total';
  prices_include_tax: boolean;
  lines: BillableLine[];
}

/**
 * A record object invoices can be made from (orders, contracts). The invoices module reads the
 * record as the actor (`billable` throws not_found for one the actor may not see) and, in the
 * transaction writing the invoice, tells the source what each line took (`invoiced`: negative
 * quantities for a credit note), so the source can update what is left and its own status.
 */
export interface BillingSource {
  object: string;
  billable(db: Tx, actor: Actor, id: number): Promise<Billable>;
  invoiced(db: Tx, id: number, taken: { source_line_id: number; quantity: string }[]): Promise<void>;
}

const sources = new Map<string, BillingSource>();

export function registerBillingSource(s: BillingSource): void {
  sources.set(s.object, s);
}

export function billingSource(object: string): BillingSource | undefined {
  return sources.get(object);
}

export function billingSources(): string[] {
  return [...sources.keys()];
}

/**
 * Something a payment may be allocated to besides an invoice (a receivable plan instalment).
 * The payments module keeps the allocations; the target keeps its own paid amount and status.
 */
export interface PaymentTarget {
  /** The allocation's target kind ('instalment'); 'invoice' is the payments module's own. */
  kind: string;
  /** The open amount of each target the actor may see (absent: not found or not visible). */
  open(db: Tx, actor: Actor, ids: number[]): Promise<Map<number, { account_id: number | null; currency: string; open: string }>>;
  /** In the payment's transaction: each target's total allocated amount is now `paid`. */
  allocated(db: Tx, totals: { id: number; paid: string }[]): Promise<void>;
}

const targets = new Map<string, PaymentTarget>();

export function registerPaymentTarget(t: PaymentTarget): void {
  targets.set(t.kind, t);
}

export function paymentTarget(kind: string): PaymentTarget | undefined {
  return targets.get(kind);
}

/**
 * Whether an account has invoices overdue by more than `toleranceDays` (issue 13: the credit
 * check at an order's confirmation). The invoices module registers it; with none registered no
 * account counts as overdue. Added beside the exposure parts as an optional seam.
 */
export type OverdueCheck = (db: Tx, accountId: number, toleranceDays: number) => Promise<boolean>;

const overdueChecks = new Map<string, OverdueCheck>();

export function registerOverdue(name: string, fn: OverdueCheck): void {
  overdueChecks.set(name, fn);
}

/** The names of the registered checks that find the account overdue (empty: not overdue). */
export async function accountOverdue(db: Tx, accountId: number, toleranceDays: number): Promise<string[]> {
  const hits: string[] = [];
  for (const [name, fn] of overdueChecks) if (await fn(db, accountId, toleranceDays)) hits.push(name);
  return hits;
}
