// E-mail in (modules/inbox): mailboxes admins configure, received messages.
import { z } from 'zod';
import { Timestamp, one, page } from './common.ts';

export const MAILBOX_PURPOSES = ['support', 'leads', 'general'] as const;

export const Mailbox = z.object({
  id: z.number(),
  address: z.string(),
  purpose: z.enum(MAILBOX_PURPOSES),
  active: z.boolean(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Mailbox = z.infer<typeof Mailbox>;
export const MailboxAnswer = one(Mailbox);
export const MailboxesAnswer = z.object({ data: z.array(Mailbox) });

export const MailboxBody = z.object({
  address: z.email().max(320),
  purpose: z.enum(MAILBOX_PURPOSES).optional(),
  active: z.boolean().optional(),
}).strict();
export const MailboxPatch = MailboxBody.partial().strict();

/** A received message in a list: no bodies. */
export const MailSummary = z.object({
  id: z.number(),
  message_id: z.string(),
  thread_id: z.number(),
  subject: z.string(),
  from_address: z.string(),
  from_name: z.string().nullable(),
  mailbox_id: z.number().nullable(),
  contact_id: z.number().nullable(),
  account_id: z.number().nullable(),
  size: z.number(),
  received_at: Timestamp,
});
export const MailListAnswer = page(MailSummary);
export const MailListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(40).regex(/^\d+$/).optional(),
  mailbox_id: z.coerce.number().int().positive().optional(),
  unmatched: z.enum(['true', 'false']).optional().describe('true: only messages from no known contact'),
});

export const MailFile = z.object({ id: z.number(), name: z.string(), content_type: z.string(), size: z.number(), inline: z.boolean() });

/**
 * One message. `text` is the plain-text body (derived from the HTML when the message has none);
 * the HTML as received is not served (`has_html` says whether there was one): clients render text.
 */
export const MailMessage = MailSummary.extend({
  in_reply_to: z.string().nullable(),
  references: z.array(z.string()),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  sent_at: Timestamp.nullable(),
  text: z.string(),
  has_html: z.boolean(),
  thread_token: z.string().describe('put in a reply\'s subject, it joins the reply to this thread when the sender took part in it'),
  contact_ids: z.array(z.number()),
  attachments: z.array(MailFile),
});
export type MailMessage = z.infer<typeof MailMessage>;
export const MailMessageAnswer = one(MailMessage);
