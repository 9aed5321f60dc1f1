import { z } from 'zod';

// The territories module's own routes (the record surface of /territories comes from the engine).

export const TERRITORY_MEMBER_ROLES = ['member', 'manager'] as const;
export type TerritoryMemberRole = (typeof TERRITORY_MEMBER_ROLES)[number];

export const TerritoryMember = z.object({ user_id: z.number().int().positive(), role: z.enum(TERRITORY_MEMBER_ROLES) });
export type TerritoryMember = z.infer<typeof TerritoryMember>;

/** The rule's condition tree (contracts/conditions.ts ConditionGroup; not spelled out recursively, for the OpenAPI document). */
const RuleTree = z.looseObject({ kind: z.literal('group'), match: z.enum(['all', 'any']), negate: z.boolean().optional(), conditions: z.array(z.unknown()) });

/** One node of GET /territories/tree: the territory, its rule, members and account counts (direct, and with everything below). */
export const TerritoryNode = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string().nullable(),
  parent_id: z.number().nullable(),
  manager_id: z.number().nullable(),
  priority: z.number(),
  active: z.boolean(),
  description: z.string().nullable(),
  depth: z.number(),
  version: z.number(),
  rule: RuleTree.nullable(),
  members: z.array(TerritoryMember),
  accounts: z.object({ direct: z.number(), total: z.number() }),
});
export type TerritoryNode = z.infer<typeof TerritoryNode>;
export const TerritoryTree = z.object({ data: z.array(TerritoryNode) });

/** `condition` is checked by the condition compiler against accounts (invalid_condition, nothing saved); null: no rule. */
export const TerritoryRuleBody = z.object({ condition: z.unknown() }).strict();
export const TerritoryMembersBody = z.object({ members: z.array(TerritoryMember).max(500) }).strict();
export const TerritoryMembersAnswer = z.object({ data: z.array(TerritoryMember) });

/** GET /territories/report: accounts per territory among the accounts the reader may list. */
export const TerritoryReportRow = z.object({ id: z.number(), name: z.string(), parent_id: z.number().nullable(), direct: z.number(), total: z.number() });
/** `assigned`: the accounts (the reader may list) in some territory. */
export const TerritoryReport = z.object({ data: z.array(TerritoryReportRow), assigned: z.number() });

export const RealignAnswer = z.object({ data: z.object({ job_id: z.number() }) });
export const RealignJobParam = z.object({ jobId: z.coerce.number().int().positive() });
export const RealignStatus = z.object({
  data: z.object({ job_id: z.number(), status: z.string(), scanned: z.number(), changed: z.number(), error: z.string().nullable() }),
});

/** PUT /accounts/{id}/territory: an administrator's choice (locked: rules leave it alone), or back to the rules (locked false). */
export const AccountTerritoryBody = z.object({ territory_id: z.number().int().positive().nullable().optional(), locked: z.boolean() }).strict();
