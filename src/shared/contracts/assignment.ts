import { z } from 'zod';

/**
 * Assignment rules (modules/assignment): per object, in order; the first active rule whose
 * condition matches a new record that names no owner gives it one. Administrators only.
 */

export const ASSIGNMENT_STRATEGIES = ['user', 'round_robin', 'load'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

const objectKey = z.string().min(1).max(100).regex(/^[a-z][a-z0-9_]*$/);

export const AssignmentRule = z.object({
  id: z.number(),
  object: z.string(),
  name: z.string(),
  position: z.number(),
  active: z.boolean(),
  /** The condition tree (contracts/conditions.ts ConditionGroup; not spelled out recursively here, for the OpenAPI document). */
  condition: z.looseObject({ kind: z.literal('group'), match: z.enum(['all', 'any']), negate: z.boolean().optional(), conditions: z.array(z.unknown()) }),
  strategy: z.enum(ASSIGNMENT_STRATEGIES),
  /** strategy 'user': the user given every matching record. */
  user_id: z.number().nullable(),
  /** 'round_robin' | 'load': the team whose active members share the records. */
  team_id: z.number().nullable(),
  updated_at: z.string(),
});
export type AssignmentRule = z.infer<typeof AssignmentRule>;

const ruleFields = {
  name: z.string().trim().min(1).max(200),
  active: z.boolean(),
  condition: z.unknown(),
  strategy: z.enum(ASSIGNMENT_STRATEGIES),
  user_id: z.number().int().positive().nullable(),
  team_id: z.number().int().positive().nullable(),
};
/** `condition` is checked by the condition compiler (invalid_condition, nothing saved), not here. */
export const AssignmentRuleBody = z.object({ object: objectKey, ...ruleFields, active: ruleFields.active.optional(), user_id: ruleFields.user_id.optional(), team_id: ruleFields.team_id.optional() }).strict();
export const AssignmentRulePatch = z.object(ruleFields).partial().strict();
export const AssignmentRulesQuery = z.object({ object: objectKey.optional() });
/** The object's rules in their new order: every one of its rule ids, once. */
export const AssignmentReorderBody = z.object({ object: objectKey, ids: z.array(z.number().int().positive()).min(1).max(500) }).strict();

/** A dry run: an existing record (id) or values of a record not yet written. Nothing changes, the round robin does not move. */
export const AssignmentTestBody = z
  .object({ object: objectKey, id: z.number().int().positive().optional(), values: z.record(z.string(), z.unknown()).optional() })
  .strict()
  .refine((b) => (b.id === undefined) !== (b.values === undefined), { message: 'Give either id or values', path: ['id'], params: { code: 'id_or_values' } });
export const AssignmentTestAnswer = z.object({
  data: z.object({
    /** The first active rule matching the record (null: none; the owner stays as it is). */
    rule: z.object({ id: z.number(), name: z.string() }).nullable(),
    /** Who it would be assigned to now (null: no rule, or no active member to take it). */
    user: z.object({ id: z.number(), name: z.string() }).nullable(),
    /** Every rule of the object, in order, and whether its condition matches. */
    rules: z.array(z.object({ id: z.number(), name: z.string(), active: z.boolean(), matches: z.boolean() })),
  }),
});

/** POST /{object}/assign: (re)assign these records by the rules, each needing the update right. */
export const AssignBody = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict();
export const AssignAnswer = z.object({
  data: z.object({
    /** Records a rule matched: their owner now (unchanged when already theirs). */
    assigned: z.array(z.object({ id: z.number(), owner_id: z.number(), rule_id: z.number() })),
    /** Records no rule matched: left as they were. */
    unmatched: z.array(z.number()),
    /** Per record refusals, as POST /{object}/bulk reports them (a hidden record is not_found, like a missing one). */
    errors: z.array(z.object({ id: z.number(), code: z.string(), message: z.string() })),
  }),
});

export const AssignmentRuleAnswer = z.object({ data: AssignmentRule });
export const AssignmentRuleList = z.object({ data: z.array(AssignmentRule), next_cursor: z.null() });
