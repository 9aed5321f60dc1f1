import { z } from 'zod';
import { invalid } from './errors.ts';
import { issuesOf, jsonSchemaOf } from './contracts.ts';

/** Validates a payload at the edge with its zod contract; every bad field is listed. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  throw invalid(issuesOf(r.error));
}

/** OpenAPI JSON schema of a zod contract (documentation only: validation runs through parse()). */
export function doc(schema: z.ZodType): Record<string, unknown> {
  return jsonSchemaOf(schema, 'input');
}

export const idParam = z.object({ id: z.coerce.number().int().positive() });

/**
 * The path of the first string (or object key) holding a NUL character, or null. PostgreSQL
 * text cannot store U+0000, so such input would fail deep in a write; it is refused at the
 * edge instead. Walks iteratively: a deeply nested body cannot overflow the stack.
 */
export function findNul(value: unknown, root: string): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return path;
        stack.push([child, path ? `${path}.${k}` : k]);
      }
    }
  }
  return null;
}

/** A preValidation hook for every route: NUL characters in the body, query string or path are a 400. */
export async function rejectNulBytes(req: { body?: unknown; query?: unknown; params?: unknown }): Promise<void> {
  const at = findNul(req.body, '') ?? findNul(req.query, '') ?? findNul(req.params, '');
  if (at !== null) throw invalid([{ field: at || '(body)', message: 'Text may not contain NUL (\\u0000) characters', code: 'nul_character' }]);
}
