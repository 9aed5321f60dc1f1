import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../core/audit.ts';
import { isPhoneRegion, setPhoneRegion } from '../../text/phone.ts';
import { enqueueReindex } from '../search/reindex.ts';
import { isTimeZone } from '../calendars/zone.ts';
import { DEFAULT_TIME_ZONE } from '../../core/org-time.ts';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Organisation settings: each key's contract and its value when never set. */
export const SettingsPatch = z
  .object({
    organization_name: z.string().trim().max(200),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => CURRENCIES.has(c), { message: 'Not an ISO 4217 currency code (CNY, TWD, HKD, USD…)', params: { code: 'unknown_currency' } }),
    // Phone numbers written without a country code are read as numbers of this region.
    phone_region: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isPhoneRegion, { message: 'Not an ISO 3166 country code with a phone numbering plan (CN, TW, HK, US…)', params: { code: 'unknown_region' } }),
    // Reports, forecasts and the daily jobs count days and periods in this zone (core/org-time.ts).
    time_zone: z
      .string()
      .trim()
      .refine(isTimeZone, { message: 'Not an IANA time zone (Asia/Shanghai, Asia/Taipei, Europe/Berlin…)', params: { code: 'unknown_time_zone' } }),
  })
  .partial()
  .strict();
export type Settings = Required<z.infer<typeof SettingsPatch>>;
export const DEFAULT_SETTINGS: Settings = { organization_name: '', currency: 'CNY', phone_region: 'CN', time_zone: DEFAULT_TIME_ZONE };

export async function getSettings(db: Kysely<DB>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) out[r.key] = r.value;
  return out as Settings;
}

/** Writes the given keys in one transaction, auditing old → new for each that changed. */
export async function updateSettings(db: Kysely<DB>, actorId: number, patch: Partial<Settings>): Promise<Settings> {
  const result = await db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (before[key as keyof Settings] === value) continue;
      changes[key] = [before[key as keyof Settings], value];
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value), updated_by: actorId })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: actorId, updated_at: new Date() }))
        .execute();
    }
    if (Object.keys(changes).length) await writeAudit(trx, { actorId, action: 'update', object: 'settings', recordId: null, changes });
    // Phone keys depend on the region: stored ones are recomputed in the background.
    if (changes.phone_region) await enqueueReindex(trx, null);
    return { ...before, ...patch };
  });
  if (result.phone_region) setPhoneRegion(result.phone_region);
  return result;
}

/** Makes this process read phones in the stored region (at start). */
export async function loadPhoneRegion(db: Kysely<DB>): Promise<void> {
  setPhoneRegion((await getSettings(db)).phone_region);
}
