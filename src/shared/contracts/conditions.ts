import { z } from 'zod';
import { FILTER_OPS } from '../fields.ts';

// The one condition tree (issue 12, piece 8). Saved views, segments, SLA policies, assignment and
// workflow rules all store this shape and compile it through the record engine
// (server: records/conditions.ts) to parameterised SQL. Values are strings, as in `filter[...]`
// query parameters, so a tree survives JSON and a query string alike; the compiler types them per
// field. A leaf is either a field condition on the object itself or a related condition:
// "has at least one <object> linked through <via> matching <where>" (optionally counted or summed).

const key = z.string().min(1).max(100).regex(/^[a-z][a-z0-9_]*$/);

export const FieldCondition = z.object({
  kind: z.literal('field'),
  field: key,
  op: z.enum(FILTER_OPS),
  /** One value; `in`/`nin` separate with commas, `between` with `..`, `empty` takes 'true' | 'false'. */
  value: z.string().max(2000),
});
export type FieldCondition = z.infer<typeof FieldCondition>;

export interface ConditionGroup {
  kind: 'group';
  match: 'all' | 'any';
  /** true: NOT (the group). */
  negate?: boolean;
  conditions: Condition[];
}

export interface RelatedCondition {
  kind: 'related';
  /** The related object's key (e.g. 'orders'). */
  object: string;
  /** Its link field pointing at this object (e.g. 'account_id'). */
  via: string;
  /** What a related row must match (empty group: any row). */
  where: ConditionGroup;
  /** 'exists' (default), 'none', or an aggregate compared with op/value. */
  quantifier?: 'exists' | 'none' | 'count' | 'sum';
  /** For 'sum': the number/money field summed. */
  field?: string;
  op?: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
  value?: string;
}

export type Condition = FieldCondition | ConditionGroup | RelatedCondition;

/** Trees nest at most this deep, and hold at most MAX_CONDITIONS leaves: a stored rule stays cheap to run. */
export const MAX_DEPTH = 5;
export const MAX_CONDITIONS = 50;

export const ConditionGroup: z.ZodType<ConditionGroup> = z.lazy(() =>
  z.object({
    kind: z.literal('group'),
    match: z.enum(['all', 'any']),
    negate: z.boolean().optional(),
    conditions: z.array(Condition).max(MAX_CONDITIONS),
  }),
);

export const RelatedCondition: z.ZodType<RelatedCondition> = z.lazy(() =>
  z.object({
    kind: z.literal('related'),
    object: key,
    via: key,
    where: ConditionGroup,
    quantifier: z.enum(['exists', 'none', 'count', 'sum']).optional(),
    field: key.optional(),
    op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']).optional(),
    value: z.string().max(100).optional(),
  }),
);

export const Condition: z.ZodType<Condition> = z.lazy(() => z.union([FieldCondition, ConditionGroup, RelatedCondition]));

/** The empty tree: matches every row. */
export const MATCH_ALL: ConditionGroup = { kind: 'group', match: 'all', conditions: [] };
