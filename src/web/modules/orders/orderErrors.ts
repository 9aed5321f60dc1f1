import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';

// The orders module's refusals in the user's language: a conflict's reason and the per-line
// quantity codes are the module's own (orders.reasons / orders.codes); anything else as usual.
export function orderError(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    const reason = (e.raw as { reason?: unknown } | undefined)?.reason;
    if (typeof reason === 'string' && t(`orders.reasons.${reason}`, { defaultValue: '' })) return t(`orders.reasons.${reason}`);
    const codes = e.details.map((d) => t(`orders.codes.${d.code}`, { defaultValue: '' })).filter(Boolean);
    if (codes.length) return [...new Set(codes)].join(' ');
  }
  return errorText(t, e);
}
