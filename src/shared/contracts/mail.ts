import { z } from 'zod';

/** SMTP settings as admins read them: the password is never returned, only whether one is set. */
export const SmtpView = z.object({
  host: z.string(),
  port: z.number(),
  security: z.enum(['none', 'starttls', 'tls']),
  user: z.string(),
  password_set: z.boolean(),
  /** A password is stored but does not open under the secret key in force: enter it again. */
  password_unreadable: z.boolean(),
  from_address: z.string(),
  from_name: z.string(),
  rate_per_minute: z.number(),
});
export const SmtpAnswer = z.object({ data: SmtpView });

/** A test send: `sent`, or the SMTP error (`code` as nodemailer names it: ECONNECTION, EAUTH, EENVELOPE…). */
export const TestSendAnswer = z.object({
  data: z.object({
    sent: z.boolean(),
    message_id: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string(), response_code: z.number().nullable() }).nullable(),
  }),
});

export const MailTemplate = z.object({
  key: z.string(),
  locale: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string().nullable(),
  customised: z.boolean(),
  variables: z.array(z.string()),
});
export const MailTemplatesAnswer = z.object({ data: z.array(MailTemplate) });
export const MailTemplateAnswer = z.object({ data: MailTemplate });
export const PreviewAnswer = z.object({ data: z.object({ subject: z.string(), html: z.string(), text: z.string() }) });

export const OutboxMessage = z.object({
  id: z.number(),
  message_id: z.string(),
  to_address: z.string(),
  subject: z.string(),
  template_key: z.string().nullable(),
  locale: z.string().nullable(),
  contact_id: z.number().nullable(),
  user_id: z.number().nullable(),
  status: z.enum(['queued', 'sent', 'failed', 'skipped']),
  attempts: z.number(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string(),
  sent_at: z.string().nullable(),
  created_at: z.string(),
});
export const OutboxAnswer = z.object({ data: z.array(OutboxMessage), next_cursor: z.string().nullable() });
export const OutboxQuery = z.object({
  status: z.enum(['queued', 'sent', 'failed', 'skipped']).optional(),
  cursor: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
