import { z } from 'zod';

/** Organisation settings as every signed-in user reads them (PATCH /settings: settings.service.ts). */
export const OrgSettings = z.object({ organization_name: z.string(), currency: z.string(), phone_region: z.string(), time_zone: z.string() });
export const SettingsAnswer = z.object({ data: OrgSettings });

/** One exchange rate: 1 `from_currency` = `rate` organisation currency from `valid_from` on (exact decimal text). */
export const ExchangeRate = z.object({ from_currency: z.string(), to_currency: z.string(), valid_from: z.string(), rate: z.string() });
export const ExchangeRatesAnswer = z.object({ data: z.array(ExchangeRate) });

/**
 * How long what grows is kept (PUT /settings/retention, administrators). audit_months null: the
 * audit log is kept forever (the default); otherwise older entries are archived to a file and deleted.
 */
export const RetentionSettings = z.object({
  audit_months: z.number().int().min(1).max(1200).nullable(),
  jobs_days: z.number().int().min(1).max(3650),
  events_days: z.number().int().min(1).max(3650),
  files_days: z.number().int().min(1).max(3650),
  /** Sign-ins (login_history) kept this long. */
  login_history_days: z.number().int().min(1).max(3650),
  /** The rejected, skipped and warned rows of an import kept this long after it ended (the import's summary stays). */
  imports_days: z.number().int().min(1).max(3650),
  /** Sent, failed or skipped outgoing mail, and incoming mail matched to no contact or account, kept this long. */
  mail_days: z.number().int().min(1).max(3650),
  /** Web-form submissions kept this long (the contacts and tasks they made stay). */
  form_submissions_days: z.number().int().min(1).max(3650),
  /** Read notifications kept this long; unread ones a year, or this long when longer. */
  notifications_days: z.number().int().min(1).max(3650),
});
export const RetentionPatch = RetentionSettings.partial().strict();
export const RetentionAnswer = z.object({ data: RetentionSettings });
