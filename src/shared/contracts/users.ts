import { z } from 'zod';
import { Timestamp } from './common.ts';
import { Permissions } from './auth.ts';

export const User = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  team_id: z.number().int().nullable(),
  locale: z.string(),
  active: z.boolean(),
  created_at: Timestamp,
});
export const Team = z.object({ id: z.number().int(), name: z.string(), manager_id: z.number().int().nullable(), created_at: Timestamp.optional() });
export const TeamBody = z.object({ name: z.string().trim().min(1).max(200), manager_id: z.number().int().positive().nullable().optional() });
export const Role = Permissions.extend({ key: z.string(), name: z.string() });
export const UserList = z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().optional() });
