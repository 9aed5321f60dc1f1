import { z } from 'zod';
import { LOCALES } from '../fields.ts';
import { Timestamp } from './common.ts';

export const LoginBody = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(500) });

const Visibility = z.enum(['own', 'team', 'all', 'none']);
/** What a role may see and do (roles.permissions). */
export const Permissions = z.looseObject({
  visibility: z.record(z.string(), z.string()).optional(),
  field_rules: z.record(z.string(), z.record(z.string(), z.enum(['hidden', 'read']))).optional(),
  can: z.object({ admin: z.boolean(), write: z.boolean(), import: z.boolean(), export: z.boolean(), delete: z.boolean() }).partial().optional(),
  // Per object and action, overriding the object's default (PATCH /roles/:key `objects`).
  objects: z.record(z.string(), z.record(z.string(), z.boolean())).optional(),
});
export { Visibility };

/** The signed-in user (GET /auth/me): nothing more leaves the server, whatever the row holds. */
export const Me = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  team_id: z.number().int().nullable(),
  locale: z.string(),
  permissions: Permissions.optional(),
});
export const LoginAnswer = z.object({ data: z.object({ token: z.string(), user: Me }) });
export const MeAnswer = z.object({ data: Me });
export const SetupStatus = z.object({ data: z.object({ needed: z.boolean() }) });

export const ApiKey = z.object({
  id: z.number().int(),
  user_id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  created_at: Timestamp,
  last_used_at: Timestamp.nullable(),
  revoked_at: Timestamp.nullable(),
  /** Only in the answer that created it. */
  token: z.string().optional(),
});
export const ApiKeyBody = z.object({ name: z.string().trim().min(1).max(100) });

export const AppLocale = z.enum(LOCALES);
