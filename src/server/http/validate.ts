import { z } from 'zod';
import { invalid } from './errors.ts';

/** Validates a payload at the edge with its zod contract; every bad field is listed. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  throw invalid(r.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message, code: i.code })));
}

/** OpenAPI JSON schema of a zod contract (documentation only: validation runs through parse()). */
export function doc(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export const idParam = z.object({ id: z.coerce.number().int().positive() });
