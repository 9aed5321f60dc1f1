import type { TFunction } from 'i18next';
import { ApiError } from './client.ts';

// The server words its messages in English; the common ones are shown in the user's
// language, anything else as the server wrote it.
const PATTERNS: [RegExp, string][] = [
  [/required/i, 'serverErrors.required'],
  [/valid email/i, 'serverErrors.email'],
  [/valid phone/i, 'serverErrors.phone'],
  [/must be a number/i, 'serverErrors.number'],
  [/must be a date \(/i, 'serverErrors.date'],
  [/date-time/i, 'serverErrors.datetime'],
  [/true or false/i, 'serverErrors.boolean'],
  [/must be (one of|among)/i, 'serverErrors.oneOf'],
  [/unknown field/i, 'serverErrors.unknownField'],
  [/set by the system/i, 'serverErrors.system'],
  [/not writable/i, 'serverErrors.notWritable'],
  [/no such record/i, 'serverErrors.noRecord'],
  [/too (big|long)|at most \d+ char/i, 'serverErrors.tooLong'],
  [/link the activity/i, 'serverErrors.linkActivity'],
  [/at least 10 char/i, 'serverErrors.minPassword'],
  [/too common/i, 'serverErrors.commonPassword'],
  [/must not be the email/i, 'serverErrors.passwordIsEmail'],
  [/no active administrator/i, 'serverErrors.lastAdmin'],
  [/already used/i, 'serverErrors.alreadyUsed'],
  [/wrong password/i, 'serverErrors.wrongPassword'],
];

// The server's stable field-error codes (records/validate.ts) and their translations.
const CODES: Record<string, string> = {
  required: 'serverErrors.required', invalid_email: 'serverErrors.email', invalid_phone: 'serverErrors.phone',
  not_a_number: 'serverErrors.number', invalid_date: 'serverErrors.date', invalid_datetime: 'serverErrors.datetime',
  not_a_boolean: 'serverErrors.boolean', not_an_option: 'serverErrors.oneOf', unknown_field: 'serverErrors.unknownField',
  system_field: 'serverErrors.system', too_long: 'serverErrors.tooLong',
};

/** A field error in the user's language: by its code when the server gave one, else by its words. */
export function localizeMessage(t: TFunction, message: string, code?: string): string {
  const byCode = code ? CODES[code] : undefined;
  if (byCode) return t(byCode);
  for (const [re, key] of PATTERNS) if (re.test(message)) return t(key);
  return message;
}

/** One line for a toast: the localized code, plus the server's words when they add something. */
export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    const base = t(`serverErrors.${e.code}`, { defaultValue: '' });
    if (e.code === 'validation_failed' && e.details.length) {
      return `${base} ${e.details.map((d) => `${d.field}: ${localizeMessage(t, d.message, d.code)}`).join('; ')}`.trim();
    }
    if (!base) return e.message;
    return e.code === 'internal' || e.code === 'network' || e.code === 'unavailable' || e.message === base ? base : `${base} ${localizeMessage(t, e.message)}`;
  }
  return (e as Error)?.message ?? String(e);
}

/** A 409 because the record changed since the form read it (server: records/versions.ts). */
export interface VersionConflict {
  current: { id: number; version: number; [key: string]: unknown };
  changedBy: string | null;
  changedAt: string | null;
}

export function versionConflict(e: unknown): VersionConflict | null {
  if (!(e instanceof ApiError) || e.code !== 'conflict') return null;
  const d = e.raw as { reason?: string; current?: VersionConflict['current']; changed_by?: { name?: string } | null; changed_at?: string | null } | undefined;
  if (d?.reason !== 'version_mismatch' || !d.current || typeof d.current.version !== 'number') return null;
  return { current: d.current, changedBy: d.changed_by?.name || null, changedAt: d.changed_at ?? null };
}
