import { z } from 'zod';

/** Organisation settings as every signed-in user reads them (PATCH /settings: settings.service.ts). */
export const OrgSettings = z.object({ organization_name: z.string(), currency: z.string(), phone_region: z.string() });
export const SettingsAnswer = z.object({ data: OrgSettings });

/** One exchange rate: 1 `from_currency` = `rate` organisation currency from `valid_from` on (exact decimal text). */
export const ExchangeRate = z.object({ from_currency: z.string(), to_currency: z.string(), valid_from: z.string(), rate: z.string() });
export const ExchangeRatesAnswer = z.object({ data: z.array(ExchangeRate) });
