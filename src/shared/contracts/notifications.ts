// In-app notifications (the bell) and each user's choice of which kinds also come by e-mail.
import { z } from 'zod';

import { NOTIFICATION_KINDS } from '../notification-kinds.ts';

export { NOTIFICATION_KINDS };
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: z.number().int(),
  kind: NotificationKind,
  object: z.string(),
  record_id: z.number().int(),
  actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** What happened, in the reader's language (without the record's title). */
  text: z.string(),
  /** The record's title when it was notified; null when the reader may no longer read the record or its title. */
  title: z.string().nullable(),
  /** Values of the kind (an excerpt, a due time, a reason), rendered into `text`. */
  params: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  read_at: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.object({
  /** `true`: unread ones only. */
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
});

export const NotificationPage = z.object({ data: z.array(Notification), next_cursor: z.string().nullable() });

/** Unread notifications, counted up to `UNREAD_CAP` (`capped`: there are more). */
export const UnreadCount = z.object({ count: z.number().int(), capped: z.boolean() });
export const UNREAD_CAP = 99;

export const NotificationPreferences = z.object({
  /** Per kind: also send an e-mail (default true). The bell always shows them. */
  email: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean()])) as Record<NotificationKind, z.ZodBoolean>),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** PUT: any subset of the kinds; the others keep their setting. */
export const NotificationPreferencesBody = z.object({
  email: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean().optional()])) as Record<NotificationKind, z.ZodOptional<z.ZodBoolean>>).strict(),
}).strict();
