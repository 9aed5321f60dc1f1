import type { TFunction } from 'i18next';
import { ApiError } from './client.ts';
import { errorMessagePrefixes } from '../extensions/registry.ts';

// The server words its messages in English for people and logs, and gives each refusal a
// stable code (FieldIssue.code, a conflict's details.reason): those are shown in the user's
// language. A code this table does not know is shown in the server's words.
const CODES: Record<string, string> = {
  // records/validate.ts
  required: 'serverErrors.required', invalid_email: 'serverErrors.email', invalid_phone: 'serverErrors.phone',
  not_a_number: 'serverErrors.number', invalid_date: 'serverErrors.date', invalid_datetime: 'serverErrors.datetime',
  not_a_boolean: 'serverErrors.boolean', not_an_option: 'serverErrors.oneOf', unknown_field: 'serverErrors.unknownField',
  system_field: 'serverErrors.system', too_long: 'serverErrors.tooLong', not_writable: 'serverErrors.notWritable',
  invalid_link: 'serverErrors.noRecord', link_required: 'serverErrors.linkActivity',
  // money (records/money.ts, settings/exchange-rates.service.ts)
  too_many_decimals: 'serverErrors.tooManyDecimals', unknown_currency: 'serverErrors.unknownCurrency', too_large: 'serverErrors.tooLarge',
  invalid_rate: 'serverErrors.invalidRate', same_currency: 'serverErrors.sameCurrency',
  // request contracts (zod's own codes)
  too_big: 'serverErrors.tooLong', too_small: 'serverErrors.tooShort', invalid_type: 'serverErrors.invalidValue',
  invalid_value: 'serverErrors.oneOf', invalid_format: 'serverErrors.invalidValue',
  // accounts and settings (core/password-policy.ts, auth/me.service.ts, custom-fields.service.ts)
  password_too_short: 'serverErrors.minPassword', password_too_common: 'serverErrors.commonPassword',
  password_is_email: 'serverErrors.passwordIsEmail', wrong_password: 'serverErrors.wrongPassword', already_used: 'serverErrors.alreadyUsed',
  // document number patterns (core/numbering-pattern.ts)
  pattern_empty: 'serverErrors.patternEmpty', pattern_no_counter: 'serverErrors.patternNoCounter', pattern_two_counters: 'serverErrors.patternTwoCounters',
  pattern_unknown_placeholder: 'serverErrors.patternUnknown', pattern_unbalanced_brace: 'serverErrors.patternBrace', pattern_too_long: 'serverErrors.patternTooLong',
  pattern_invalid_character: 'serverErrors.patternCharacter',
  // stages and boards (records/stages.ts, records/board-position.ts)
  required_for_stage: 'serverErrors.requiredForStage', invalid_neighbour: 'serverErrors.invalidNeighbour',
  // line items and the catalogue (records/line-items-input.ts, products)
  invalid_number: 'serverErrors.number', negative_quantity: 'serverErrors.negativeQuantity', negative_price: 'serverErrors.negativePrice',
  discount_out_of_range: 'serverErrors.discountRange', tax_rate_out_of_range: 'serverErrors.taxRateRange', unknown_product: 'serverErrors.unknownProduct',
  too_many_lines: 'serverErrors.tooManyLines',
  // imports (modules/imports/pipeline.ts)
  undecodable: 'serverErrors.undecodable',
};

// Why a refusal without fields happened (details.reason).
const REASONS: Record<string, string> = { last_admin: 'serverErrors.lastAdmin', transition_not_allowed: 'serverErrors.transitionHelp' };

/** A module's words for its own code (extensions/registry.ts registerErrorMessages), or ''. */
function moduleMessage(t: TFunction, code: string): string {
  for (const prefix of errorMessagePrefixes()) {
    const text = t(`${prefix}.${code}`, { defaultValue: '' });
    if (text) return text;
  }
  return '';
}

/** A field error in the user's language by its stable code; the server's words when the code is unknown. */
export function localizeMessage(t: TFunction, message: string, code?: string): string {
  const key = code ? CODES[code] : undefined;
  return key ? t(key) : (code && moduleMessage(t, code)) || message;
}

/**
 * A refusal by role in the user's language: what the role may not do, and where, from the facts
 * the server gives (access.ts: `action`, `object`); never the server's English after it.
 */
function forbiddenText(t: TFunction, raw: unknown): string {
  const facts = raw as { action?: unknown; object?: unknown } | undefined;
  if (typeof facts?.action !== 'string') return t('serverErrors.forbidden');
  const action = t([`admin.roles.actions.${facts.action}`, `admin.roles.can.${facts.action}`], { defaultValue: facts.action });
  const object = typeof facts.object === 'string' ? t(`objects.${facts.object}.other`, { defaultValue: facts.object }) : '';
  return t(object ? 'serverErrors.forbiddenOn' : 'serverErrors.forbiddenTo', { action, object });
}

/** One line for a toast: the localized code, plus the localized reason (or the server's words) when they add something. */
export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'forbidden') return forbiddenText(t, e.raw);
    const shared = t(`serverErrors.${e.code}`, { defaultValue: '' });
    const base = shared || moduleMessage(t, e.code);
    if ((e.code === 'validation_failed' || e.code === 'stage_fields_required' || e.code === 'invalid_condition') && e.details.length) {
      return `${base} ${e.details.map((d) => `${d.field}: ${localizeMessage(t, d.message, d.code)}`).join('; ')}`.trim();
    }
    if (!base) return e.message;
    // A module's words for its code say it all (no English server wording after them).
    if (!shared) return base;
    const reason = (e.raw as { reason?: unknown } | undefined)?.reason;
    const why = typeof reason === 'string' && REASONS[reason] ? t(REASONS[reason]) : e.message;
    return e.code === 'internal' || e.code === 'network' || e.code === 'unavailable' || e.message === base ? base : `${base} ${why}`;
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
