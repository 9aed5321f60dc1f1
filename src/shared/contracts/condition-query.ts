import { z } from 'zod';
import { ListQuery } from './common.ts';

// The list API's condition trees (issue 12, piece 8). The tree itself is the lead's contract
// (./conditions.ts); it travels as `unknown` here because the server checks its depth before
// parsing it (records/condition-shape.ts), so a hostile body nested thousands deep never reaches
// a recursive schema.
const tree = z.unknown().describe('a condition tree: { kind: "group", match: "all" | "any", negate?, conditions: [...] } (docs/api.md)');

/** `POST /{object}/query`: the GET list's parameters in a body, with a tree. Answers the list's page. */
export const RecordQueryBody = z.object({
  conditions: tree.optional(),
  sort: ListQuery.shape.sort,
  cursor: ListQuery.shape.cursor,
  limit: z.number().int().min(1).max(200).optional(),
  q: ListQuery.shape.q,
  /** Field keys to answer with (id always); all visible fields when absent. */
  fields: z.array(z.string().max(100)).max(200).optional(),
});
export type RecordQueryBody = z.infer<typeof RecordQueryBody>;

/** `POST /{object}/conditions/sql` (administrators): the statement a tree compiles to. */
export const ConditionSqlBody = z.object({ conditions: tree });
export const ConditionSqlAnswer = z.object({ data: z.object({ sql: z.string(), parameters: z.array(z.unknown()) }) });
