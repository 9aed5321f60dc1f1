import { z } from 'zod';

// Commissions (server: modules/commissions): rules with rate tiers and scopes, an opportunity's
// credit splits, statement lines and the statement actions. Amounts and rates are decimal text.

const decimal = z.union([z.string().max(40), z.number()]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const COMMISSION_BASES = ['booked', 'invoiced', 'collected'] as const;
export const TIER_MODES = ['marginal', 'whole'] as const;
export const PERIOD_KINDS = ['month', 'quarter'] as const;
export const STATEMENT_STATUSES = ['draft', 'submitted', 'approved', 'paid'] as const;

export const TierInput = z.object({ from: decimal, rate: decimal }).strict();

export const RuleInput = z.object({
  name: z.string().trim().min(1).max(200),
  basis: z.enum(COMMISSION_BASES),
  tier_mode: z.enum(TIER_MODES).optional(),
  tiers: z.array(TierInput).min(1).max(20),
  product_category: z.string().trim().max(200).nullable().optional(),
  team_ids: z.array(z.number().int().positive()).max(200).optional(),
  user_ids: z.array(z.number().int().positive()).max(500).optional(),
  valid_from: date.nullable().optional(),
  valid_to: date.nullable().optional(),
  clawback_days: z.number().int().min(0).max(3650).optional(),
  active: z.boolean().optional(),
}).strict();
export type RuleInput = z.infer<typeof RuleInput>;
export const RulePatch = RuleInput.partial().strict();

export const Rule = z.object({
  id: z.number(), name: z.string(), basis: z.enum(COMMISSION_BASES), tier_mode: z.enum(TIER_MODES),
  tiers: z.array(z.object({ from: z.string(), rate: z.string() })),
  product_category: z.string().nullable(), team_ids: z.array(z.number()), user_ids: z.array(z.number()),
  valid_from: z.string().nullable(), valid_to: z.string().nullable(), clawback_days: z.number(), active: z.boolean(),
});
export type Rule = z.infer<typeof Rule>;
export const RuleAnswer = z.object({ data: Rule });
export const RulesAnswer = z.object({ data: z.array(Rule) });

export const SplitInput = z.object({ user_id: z.number().int().positive(), percent: decimal }).strict();
export const PutSplitsBody = z.object({ splits: z.array(SplitInput).max(20) }).strict();
export const Split = z.object({ user_id: z.number(), user_name: z.string(), percent: z.string() });
/** No rows: the owner is credited 100 %. */
export const SplitsAnswer = z.object({ data: z.object({ splits: z.array(Split), owner_id: z.number().nullable() }) });

export const GenerateBody = z.object({
  user_id: z.number().int().positive(),
  period_kind: z.enum(PERIOD_KINDS),
  /** Any date inside the period; the month or quarter containing it. */
  period_date: date,
}).strict();

export const StatementLine = z.object({
  id: z.number(), rule_id: z.number().nullable(), rule_name: z.string().nullable(), position: z.number(),
  source_object: z.string(), source_id: z.number(), source_ref: z.string(), source_title: z.string().nullable(), source_date: z.string(),
  /** Left out where the role may not read the statement's commission amounts. */
  basis_amount: z.string().optional(), split_percent: z.string(), credited_amount: z.string().optional(), rate: z.string(), commission: z.string().optional(),
  clawback_of: z.number().nullable(),
});
export type StatementLine = z.infer<typeof StatementLine>;
export const LinesAnswer = z.object({ data: z.array(StatementLine) });

export const ByRepQuery = z.object({ period_kind: z.enum(PERIOD_KINDS), period_date: date }).strict();
export const ByRepAnswer = z.object({ data: z.array(z.object({ user_id: z.number(), user_name: z.string(), statement_id: z.number(), status: z.string(), commission_total: z.string().optional() })) });
