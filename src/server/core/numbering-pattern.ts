import type { FieldIssue } from '../http/errors.ts';

// Document number patterns: literal text with placeholders. `{YYYY}` `{YY}` `{MM}` `{DD}` are the
// date the number is taken (in `timeZone`), `{00000}` the counter padded to as many digits as
// zeros (never cut: 123456 stays 123456). Exactly one counter. The date placeholders together are
// the number's period: when the formatted period changes (a new year for Q-{YYYY}-{00000}) the
// counter starts again at 1; a pattern without date placeholders never resets.

export const MAX_PATTERN_LENGTH = 60;
const TOKEN = /\{([^{}]*)\}/g;
const DATE_TOKENS = new Set(['YYYY', 'YY', 'MM', 'DD']);

export interface DateParts {
  YYYY: string;
  YY: string;
  MM: string;
  DD: string;
}

/** Why a pattern cannot number documents (stable codes), or [] when it can. */
export function patternIssues(pattern: string): FieldIssue[] {
  const bad = (code: string, message: string): FieldIssue[] => [{ field: 'pattern', code, message }];
  if (!pattern.trim()) return bad('pattern_empty', 'The pattern is empty');
  if (pattern.length > MAX_PATTERN_LENGTH) return bad('pattern_too_long', `At most ${MAX_PATTERN_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(pattern)) return bad('pattern_invalid_character', 'The pattern holds a control character');
  let counters = 0;
  for (const [, token] of pattern.matchAll(TOKEN)) {
    if (/^0{1,12}$/.test(token!)) counters++;
    else if (!DATE_TOKENS.has(token!)) return bad('pattern_unknown_placeholder', `Unknown placeholder {${token}}: use {YYYY}, {YY}, {MM}, {DD} or {00000}`);
  }
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) return bad('pattern_unbalanced_brace', 'A brace without its pair');
  if (counters === 0) return bad('pattern_no_counter', 'The pattern needs a counter placeholder such as {00000}');
  if (counters > 1) return bad('pattern_two_counters', 'The pattern may hold only one counter placeholder');
  return [];
}

/** The date placeholders' values of `at` in `timeZone` (default UTC). */
export function dateParts(at: Date, timeZone = 'UTC'): DateParts {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const YYYY = get('year').padStart(4, '0');
  return { YYYY, YY: YYYY.slice(-2), MM: get('month'), DD: get('day') };
}

/** The period a number falls in: the values of the pattern's date placeholders, in order ('' without any). */
export function periodOf(pattern: string, parts: DateParts): string {
  const out: string[] = [];
  for (const [, token] of pattern.matchAll(TOKEN)) if (DATE_TOKENS.has(token!)) out.push(parts[token as keyof DateParts]);
  return out.join('-');
}

/** The number `counter` written with `pattern` on the date `parts`. */
export function formatNumber(pattern: string, parts: DateParts, counter: number): string {
  return pattern.replace(TOKEN, (_, token: string) => (DATE_TOKENS.has(token) ? parts[token as keyof DateParts] : String(counter).padStart(token.length, '0')));
}
