import { z } from 'zod';

// Quotas and forecasts (modules/forecasts): /quotas and /forecasts.

export const PERIOD_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const Period = z.string().regex(PERIOD_PATTERN, 'A period is YYYY, YYYY-Qn or YYYY-MM');
const Id = z.coerce.number().int().positive();
const Amount = z.number().nonnegative().max(1e15);

export const QuotaInput = z.object({ owner_type: z.enum(['user', 'team', 'territory']), owner_id: z.number().int().positive(), period: Period, amount: Amount });
export const QuotaPatch = z.object({ amount: Amount });
export const Quota = QuotaInput.extend({ id: z.number() });
export const QuotasQuery = z.object({ period: Period.optional() });
export const QuotaAnswer = z.object({ data: Quota });
export const QuotasAnswer = z.object({ data: z.array(Quota) });

export const ForecastQuery = z.object({ period: Period, user: Id.optional(), team: Id.optional(), territory: Id.optional() });

const Money = z.number().nullable();
const Adjustment = z.object({ amount: z.number(), note: z.string(), adjusted_by: z.number(), adjusted_by_name: z.string().nullable(), at: z.string() }).nullable();
const Figures = {
  pipeline: Money, best_case: Money, commit: Money, won: Money, weighted: Money, open_count: z.number(), won_count: z.number(),
  quota: Money, attainment: Money, gap: Money, adjusted: z.object({ commit: Adjustment, best_case: Adjustment }),
};
export const ForecastAnswer = z.object({
  data: z.object({
    period: z.string(), start: z.string(), end: z.string(), time_zone: z.string(), won_start: z.string(), won_end: z.string(), currency: z.string(), amounts_visible: z.boolean(),
    reps: z.array(z.object({ user_id: z.number(), name: z.string(), team_id: z.number().nullable(), ...Figures })),
    teams: z.array(z.object({ team_id: z.number().nullable(), name: z.string().nullable(), manager_id: z.number().nullable(), ...Figures })),
    total: z.object(Figures),
  }),
});
export type Forecast = z.infer<typeof ForecastAnswer>['data'];

export const AdjustmentInput = z.object({
  period: Period, user_id: z.number().int().positive().optional(), team_id: z.number().int().positive().optional(),
  category: z.enum(['commit', 'best_case']), amount: Amount, note: z.string().trim().min(1).max(2000),
}).refine((v) => (v.user_id === undefined) !== (v.team_id === undefined), { message: 'Name either a rep (user_id) or a team (team_id)', path: ['user_id'] });
export const AdjustmentAnswer = z.object({
  data: z.object({ id: z.number(), scope_type: z.string(), scope_id: z.number(), period: z.string(), category: z.string(), amount: z.number(), note: z.string() }),
});

export const TrendAnswer = z.object({
  data: z.object({
    period: z.string(), amounts_visible: z.boolean(),
    weeks: z.array(z.object({ week_start: z.string(), reps: z.number(), pipeline: Money, best_case: Money, commit: Money, won: Money, weighted: Money })),
  }),
});
