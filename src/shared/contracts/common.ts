// Shapes every API answer shares. The server validates and serialises with these zod schemas;
// the web app takes its types from them (z.infer), so both read one definition.
import { z } from 'zod';

/** One bad field of a 400: `code` is stable (clients translate it), `message` is English for people and logs. */
export const FieldIssue = z.object({ field: z.string(), message: z.string(), code: z.string() });

/** Every error answer: `{ error: { code, message, details? } }`. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** A timestamp as JSON carries it (the server hands JSON.stringify Date objects). */
export const Timestamp = z.string();

export const IdParam = z.object({ id: z.coerce.number().int().positive() });

/** The query of every record list, count and export (filters come as more keys: records/query.ts). */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(2000).optional(),
  sort: z.string().max(100).optional().describe('field or -field'),
  q: z.string().max(200).optional(),
  columns: z.string().max(4000).optional().describe('comma-separated fields to return (id always); default all visible fields'),
});

/** `{ data }`: the answer around one thing. */
export const one = <T extends z.ZodType>(item: T) => z.object({ data: item });
/** `{ data: [...], next_cursor }`: a keyset page (next_cursor null on the last page). */
export const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next_cursor: z.string().nullable() });

export interface Page<T> { data: T[]; next_cursor: string | null }
export interface One<T> { data: T }
