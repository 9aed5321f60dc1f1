import { z } from 'zod';
import { Timestamp } from './common.ts';
import { Me, Permissions } from './auth.ts';

/** A user as administrators list them: the signed-in user's fields without permissions, plus state. */
export const User = Me.omit({ permissions: true }).extend({ active: z.boolean(), created_at: Timestamp });
export const Team = z.object({ id: z.number().int(), name: z.string(), manager_id: z.number().int().nullable(), created_at: Timestamp.optional() });
export const TeamBody = z.object({ name: z.string().trim().min(1).max(200), manager_id: z.number().int().positive().nullable().optional() });
export const Role = Permissions.extend({ key: z.string(), name: z.string() });
export const UserList = z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().optional() });
