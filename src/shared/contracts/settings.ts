import { z } from 'zod';

/** Organisation settings as every signed-in user reads them (PATCH /settings: settings.service.ts). */
export const OrgSettings = z.object({ organization_name: z.string(), currency: z.string(), phone_region: z.string() });
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
});
export const RetentionPatch = RetentionSettings.partial().strict();
export const RetentionAnswer = z.object({ data: RetentionSettings });
