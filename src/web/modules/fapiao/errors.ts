import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';

/** A fapiao refusal in the user's language (fapiao.errors.<code>), else the generic wording. */
export function fapiaoError(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    const reason = (e.raw as { reason?: unknown } | undefined)?.reason;
    const key = typeof reason === 'string' ? `fapiao.errors.${reason}` : `fapiao.errors.${e.code}`;
    const text = t(key, { defaultValue: '' });
    if (text) return text;
  }
  return errorText(t, e);
}
