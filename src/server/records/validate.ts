import { z } from 'zod';
import type { ResolvedField } from './fields.ts';
import { AppError, invalid, type FieldIssue } from '../http/errors.ts';
import { canWriteField, type Actor } from '../core/access.ts';
import { MONEY_LIMIT, parseMoney } from '../../shared/money.ts';
import { tidyTypedPhone, parseTypedDate, parseTypedDateTime, type DateOrder } from './typed-formats.ts';
import { plainNumber } from './number-text.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE_RE = /^\+?[0-9()\-.\s/]{3,40}(?:\s*(?:ext\.?|x|转)\s*\d{1,6})?$/i;

// A bare domain someone typed ('example.com', 'www.例子.cn/about'), read as https://.
const BARE_DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d{1,5})?(?:[/?#][^\s]*)?$/u;

/**
 * A web address as stored: http(s) URLs as given, bare domains with https:// in front; null
 * for anything else (javascript:, data:, mailto:, free text), which a link must never open.
 */
export function webUrl(v: string): string | null {
  const candidate = /^https?:\/\//i.test(v) ? v : BARE_DOMAIN.test(v) ? `https://${v}` : null;
  if (candidate === null || /\s/.test(candidate)) return null;
  try {
    const u = new URL(candidate);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname ? candidate : null;
  } catch {
    return null;
  }
}

function isRealDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// Field definitions are cached objects (records/fields.ts), so their schemas can be too:
// building zod schemas per value would dominate a million-row import.
const schemas = new WeakMap<ResolvedField, z.ZodType>();

/** The zod schema of one field's value (null clears a field). */
export function fieldSchema(f: ResolvedField): z.ZodType {
  let s = schemas.get(f);
  if (!s) schemas.set(f, (s = buildFieldSchema(f)));
  return s;
}

function buildFieldSchema(f: ResolvedField): z.ZodType {
  const optionValues = (f.options ?? []).map((o) => o.value);
  const oneOf = (v: string) => optionValues.length === 0 || optionValues.includes(v);
  let s: z.ZodType;
  switch (f.type) {
    case 'text':
      s = z.string().trim().max(f.max ?? 500);
      break;
    case 'url':
      s = z.string().trim().max(f.max ?? 500).transform((v, ctx) => {
        const url = webUrl(v);
        if (url === null) ctx.addIssue({ code: 'custom', message: 'Not a web address (http:// or https://)' });
        return url ?? v;
      });
      break;
    case 'longtext':
      s = z.string().max(f.max ?? 20_000);
      break;
    case 'email':
      s = z.string().trim().max(320).pipe(z.email({ message: 'Not a valid email address' }));
      break;
    case 'phone':
      s = z.string().trim().regex(PHONE_RE, 'Not a valid phone number');
      break;
    case 'number':
      s = z.number({ message: 'Must be a number' }).finite().min(-1e15).max(1e15);
      break;
    case 'money':
      // A JSON number or a decimal string, kept as exact decimal text ("0.1", never 0.1000000000000000055).
      s = z.union([z.number(), z.string()], { message: 'Must be an amount (a number or a decimal string)' }).transform((v, ctx) => {
        const m = parseMoney(v);
        if (m === null) ctx.addIssue({ code: 'custom', message: 'Must be an amount (a number or a decimal string)' });
        else if (m.abs().gte(MONEY_LIMIT)) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: 1e15, message: 'Too large an amount' });
        return m === null ? v : m.toString();
      });
      break;
    case 'date':
      s = z.string().refine(isRealDate, 'Must be a date (YYYY-MM-DD)');
      break;
    case 'datetime':
      s = z.iso.datetime({ offset: true, message: 'Must be an ISO date-time' }).or(z.string().refine(isRealDate, 'Must be an ISO date-time'));
      break;
    case 'boolean':
      s = z.boolean({ message: 'Must be true or false' });
      break;
    case 'select':
      s = z.string().refine(oneOf, `Must be one of: ${optionValues.join(', ')}`);
      break;
    case 'multiselect':
      s = z.array(z.string().refine(oneOf, `Must be among: ${optionValues.join(', ')}`)).max(100);
      break;
    case 'tags':
      s = z.array(z.string().trim().min(1).max(50)).max(50);
      break;
    case 'link':
    case 'user':
      s = z.number({ message: 'Must be a record id' }).int().positive();
      break;
  }
  return s.nullable();
}

const indexes = new WeakMap<ResolvedField[], Map<string, ResolvedField>>();

/** Fields by key, cached per field list. */
export function fieldIndex(fields: ResolvedField[]): Map<string, ResolvedField> {
  let m = indexes.get(fields);
  if (!m) indexes.set(fields, (m = new Map(fields.map((f) => [f.key, f]))));
  return m;
}

const TYPE_CODES: Record<string, string> = {
  email: 'invalid_email', phone: 'invalid_phone', url: 'invalid_url', number: 'not_a_number', money: 'not_a_number',
  date: 'invalid_date', datetime: 'invalid_datetime', boolean: 'not_a_boolean', select: 'not_an_option',
  multiselect: 'not_an_option', link: 'invalid_id', user: 'invalid_id', tags: 'invalid_tags', text: 'invalid_text', longtext: 'invalid_text',
};

/** The stable code of a zod failure on a field of this type. */
function issueCode(f: ResolvedField, zodCode: string | undefined): string {
  if (zodCode === 'too_big') return f.type === 'money' ? 'too_large' : 'too_long';
  return TYPE_CODES[f.type] ?? 'invalid';
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Validates a create/update payload against the object's fields and the actor's field
 * rules. Returns the clean values keyed by field; throws one error listing every bad field.
 */
export function validateRecord(
  fields: ResolvedField[],
  input: unknown,
  mode: 'create' | 'update',
  actor: Actor,
  object: string,
  allowExtra: readonly string[] = [],
): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AppError('validation_failed', 'The body must be a JSON object');
  }
  const byKey = fieldIndex(fields);
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (allowExtra.includes(key)) continue;
    const f = byKey.get(key);
    if (!f) {
      issues.push({ field: key, message: 'Unknown field', code: 'unknown_field' });
      continue;
    }
    if (f.system) {
      issues.push({ field: key, message: 'This field is set by the system', code: 'system_field' });
      continue;
    }
    if (!canWriteField(actor, object, key)) {
      throw new AppError('forbidden', `You may not change the field ${key}`, [{ field: key, message: 'Not writable for your role', code: 'not_writable' }]);
    }
    const r = fieldSchema(f).safeParse(typeof value === 'string' && f.type !== 'longtext' && value.trim() === '' ? null : value);
    if (!r.success) {
      issues.push({ field: key, message: r.error.issues[0]?.message ?? 'Invalid value', code: issueCode(f, r.error.issues[0]?.code) });
      continue;
    }
    if (f.required && isEmpty(r.data)) {
      issues.push({ field: key, message: 'This field is required', code: 'required' });
      continue;
    }
    out[key] = r.data;
  }
  if (mode === 'create') {
    for (const f of fields) if (f.required && !f.system && isEmpty(out[f.key])) {
      if (!issues.some((i) => i.field === f.key)) issues.push({ field: f.key, message: 'This field is required', code: 'required' });
    }
  }
  if (issues.length) throw invalid(issues);
  return out;
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '对', 'x', '✓']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '不', '']);

export interface CoerceOptions {
  /** Order of day and month in numeric dates such as 3/5/2024 (default day first). */
  dateOrder?: DateOrder;
}

/**
 * Turns a text cell (CSV/Excel import, query strings) into the field's JSON type so the same
 * validation applies. Returns undefined for an empty cell. Values with a structure (numbers,
 * dates, phones, e-mails…) are NFKC-normalised first, so full-width digits and brackets typed
 * with a Chinese input method read as their ASCII forms; free text is kept as typed.
 */
/** An option's value from its value or one of its labels (a readable export writes labels). */
function optionValue(f: ResolvedField, s: string): string {
  const opt = (f.options ?? []).find((o) => o.value === s || o.label === s || Object.values(o.labels ?? {}).includes(s));
  return opt ? opt.value : s;
}

export function coerceText(f: ResolvedField, raw: string, opts: CoerceOptions = {}): unknown {
  const structured = f.type !== 'text' && f.type !== 'longtext' && f.type !== 'select' && f.type !== 'multiselect' && f.type !== 'tags';
  const s = (structured ? raw.normalize('NFKC') : raw).trim();
  if (s === '') return undefined;
  switch (f.type) {
    case 'number': {
      const plain = plainNumber(s);
      const n = plain === null || plain === '' ? NaN : Number(plain);
      return Number.isFinite(n) ? n : s;
    }
    // Amounts stay text (exact); the schema checks them (an unreadable one is reported as typed).
    case 'money':
      return plainNumber(s) ?? s;
    case 'boolean': {
      const l = s.toLowerCase();
      return TRUE.has(l) ? true : FALSE.has(l) ? false : s;
    }
    case 'date':
      return parseTypedDate(s, opts.dateOrder ?? 'dmy') ?? s;
    case 'datetime':
      return parseTypedDateTime(s) ?? parseTypedDate(s, opts.dateOrder ?? 'dmy') ?? s;
    case 'phone':
      return tidyTypedPhone(s);
    case 'multiselect':
    case 'tags':
      return s.split(/[;,，；|]/).map((t) => t.trim()).filter(Boolean).map((t) => optionValue(f, t));
    case 'link':
    case 'user': {
      const n = Number(s);
      return Number.isInteger(n) ? n : s;
    }
    case 'select':
      return optionValue(f, s);
    default:
      return s;
  }
}
