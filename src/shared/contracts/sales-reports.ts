import { z } from 'zod';
import { IsoDate } from './invoices.ts';

// The sales reports (modules/sales-reports): filters every report shares, and each answer.
// Money is in the organisation currency as decimal strings; it is null when the caller's role
// may not read opportunities' amounts (amounts_hidden), never a figure computed from them.

const Id = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const ReportFilters = z.object({
  /** Inclusive first and last day (UTC); default: 1 January of this year to today. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  pipeline_id: Id.optional(),
  owner_id: Id.optional(),
  /** Records owned by a member of the team. */
  team_id: Id.optional(),
  /** Records whose account lies in the territory or any territory under it. */
  territory_id: Id.optional(),
});
export const Interval = z.enum(['month', 'quarter']);

export const PipelineQuery = ReportFilters.strict();
export const FunnelQuery = ReportFilters.strict();
export const WinRateQuery = ReportFilters.extend({ group: z.enum(['period', 'owner', 'source']).default('period'), interval: Interval.default('month') }).strict();
export const RevenueBasis = z.enum(['booked', 'invoiced', 'collected']);
const RevenueGroup = z.enum(['period', 'owner', 'product', 'region']);
export const RevenueQuery = ReportFilters.extend({ group: RevenueGroup.default('period'), interval: Interval.default('month'), basis: RevenueBasis.default('booked') }).strict();
export const ActivityQuery = ReportFilters.omit({ pipeline_id: true }).strict();
/** The records behind one figure that the generic list cannot filter for (funnel stage, product, region). */
export const FunnelRecordsQuery = ReportFilters.extend({ stage_id: Id, cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }).strict();
export const RevenueRecordsQuery = ReportFilters.extend({
  group: RevenueGroup,
  interval: Interval.default('month'),
  basis: RevenueBasis.default('booked'),
  /** A bucket's key as the report gave it: a period's first day, an owner id, a product id or a province; empty for the bucket without one. */
  key: z.string().max(200).default(''),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
}).strict();

const Money = z.string().nullable();
/** time_zone: the organisation's zone, in which the period's days and buckets are counted. */
const Period = { from: z.string(), to: z.string(), time_zone: z.string(), currency: z.string(), amounts_hidden: z.boolean() };

export const PipelineAnswer = z.object({
  ...Period,
  pipeline_id: z.number(),
  stages: z.array(z.object({ stage_id: z.number(), name: z.string(), category: z.string(), probability: z.number(), count: z.number(), amount: Money, weighted: Money })),
  totals: z.object({ count: z.number(), amount: Money, weighted: Money }),
});
export const FunnelAnswer = z.object({
  ...Period,
  pipeline_id: z.number(),
  created: z.number(),
  stages: z.array(z.object({ stage_id: z.number(), name: z.string(), category: z.string(), reached: z.number(), conversion: z.number().nullable() })),
});
const Bucket = { key: z.string(), label: z.string().nullable(), start: z.string().nullable(), end: z.string().nullable() };
export const WinRateAnswer = z.object({
  ...Period,
  group: z.string(),
  rows: z.array(z.object({ ...Bucket, won: z.number(), lost: z.number(), win_rate: z.number().nullable(), avg_cycle_days: z.number().nullable(), avg_deal_size: Money })),
  totals: z.object({ won: z.number(), lost: z.number(), win_rate: z.number().nullable(), avg_cycle_days: z.number().nullable(), avg_deal_size: Money }),
});
export const RevenueAnswer = z.object({
  ...Period,
  group: z.string(),
  /**
   * booked: won opportunities by close date (by product: their lines' gross, at the opportunity's rate);
   * invoiced: issued invoices by issue date, net, credit notes negative; collected: payment allocations by received date.
   */
  basis: RevenueBasis,
  rows: z.array(z.object({ ...Bucket, deals: z.number(), amount: z.string() })),
  totals: z.object({ deals: z.number(), amount: z.string() }),
});
export const ActivityAnswer = z.object({
  from: z.string(), to: z.string(), time_zone: z.string(), weeks: z.number(),
  rows: z.array(z.object({ owner_id: z.number().nullable(), owner_name: z.string().nullable(), call: z.number(), visit: z.number(), meeting: z.number(), email: z.number(), total: z.number(), per_week: z.number() })),
});
export const ReportRecords = z.object({
  /** `object`: opportunities (booked), invoices or payments; `stage_name` their stage, kind or method; `closed_at` the day counted. */
  data: z.array(z.object({ id: z.number(), object: z.string().optional(), name: z.string(), stage_name: z.string(), owner_id: z.number().nullable(), closed_at: z.string().nullable(), amount: Money })),
  next_cursor: z.string().nullable(),
});
export type PipelineAnswer = z.infer<typeof PipelineAnswer>;
export type FunnelAnswer = z.infer<typeof FunnelAnswer>;
export type WinRateAnswer = z.infer<typeof WinRateAnswer>;
export type RevenueAnswer = z.infer<typeof RevenueAnswer>;
export type ActivityAnswer = z.infer<typeof ActivityAnswer>;
export type ReportRecords = z.infer<typeof ReportRecords>;
