import { sql, type RawBuilder } from 'kysely';
import { invalid, type FieldIssue } from '../http/errors.ts';
import { decimalsOf, minorDigits, moneyString, parseMoney } from '../../shared/money.ts';
import type { ResolvedField } from './fields.ts';
import type { ObjectDef, Row, Tx } from './types.ts';

// How the record engine reads, checks and answers `money` fields. Rules of amounts themselves
// (rounding, minor units) are in src/shared/money.ts; this file applies them to records.

/** The currency an organisation starts with (settings key 'currency'). */
export const DEFAULT_CURRENCY = 'CNY';
export const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** The organisation currency, from the settings row (SQL, so a list statement needs no parameter). */
export const orgCurrencySql = sql<string>`coalesce((SELECT s.value #>> '{}' FROM settings s WHERE s.key = 'currency'), ${sql.lit(DEFAULT_CURRENCY)})`;

export async function orgCurrency(db: Tx): Promise<string> {
  const { rows } = await sql<{ c: string }>`SELECT ${orgCurrencySql} AS c`.execute(db);
  return rows[0]?.c ?? DEFAULT_CURRENCY;
}

/** A record's currency as SQL: its currency field, else the organisation's. */
export function currencySql(def: ObjectDef, table: string): RawBuilder<string> {
  if (!def.currencyField) return orgCurrencySql;
  return sql<string>`coalesce(nullif(${sql.ref(`${table}.${def.currencyField}`)}, ''), ${orgCurrencySql})`;
}

// Currencies whose minor unit is not 2 digits (JPY 0, KWD 3…), as Intl knows them.
const ODD_DIGITS = [...CURRENCIES].filter((c) => minorDigits(c) !== 2);

/** The minor-unit digits of a currency expression. */
function digitsSql(currency: RawBuilder<string>): RawBuilder<number> {
  const cases = ODD_DIGITS.map((c) => sql`WHEN ${sql.lit(c)} THEN ${sql.lit(minorDigits(c))}`);
  return sql<number>`CASE ${currency} ${sql.join(cases, sql` `)} ELSE 2 END`;
}

/** A money value as the API answers it: text with the currency's fixed minor digits ("12999.50"). */
export function moneySql(def: ObjectDef, table: string, value: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`round(${value}, ${digitsSql(currencySql(def, table))})::text`;
}

/** A record's currency in Node: its currency field, else the organisation's. */
export function recordCurrency(def: ObjectDef, row: Row, org: string): string {
  const own = def.currencyField ? row[def.currencyField] : null;
  return typeof own === 'string' && own ? own : org;
}

/** Sets every money field of an API row to its fixed-digit text (values read as exact text or JSON). */
export function presentMoney(def: ObjectDef, fields: ResolvedField[], out: Row, currency: string): void {
  for (const f of fields) {
    if (f.type !== 'money' || out[f.key] === null || out[f.key] === undefined) continue;
    const v = parseMoney(out[f.key]);
    out[f.key] = v ? moneyString(v, currency) : null;
  }
}

/**
 * Checks written money values against the record's currency, refusing what it cannot hold
 * exactly (`too_many_decimals`; never rounded silently) and a currency field that is not an
 * ISO 4217 code (`unknown_currency`). `existing` is the row before an update: a currency
 * change is checked against the amounts the record keeps. Normalises the currency to upper case.
 */
export async function checkMoney(db: Tx, def: ObjectDef, fields: ResolvedField[], values: Row, existing: Row | null): Promise<void> {
  const issues = moneyIssues(def, fields, values, existing, await orgCurrency(db));
  if (issues.length) throw invalid(issues);
}

/** checkMoney's rules with the organisation currency known (imports check each row with it). */
export function moneyIssues(def: ObjectDef, fields: ResolvedField[], values: Row, existing: Row | null, org: string): FieldIssue[] {
  // Line totals are recomputed in the new currency by the lines service (records/line-items.ts), not checked as kept.
  const computed = new Set(Object.values(def.lines?.totals ?? {}));
  const money = fields.filter((f) => f.type === 'money' && !computed.has(f.key));
  const cf = def.currencyField;
  const issues: FieldIssue[] = [];
  if (cf && typeof values[cf] === 'string') {
    values[cf] = (values[cf] as string).toUpperCase();
    if (!CURRENCIES.has(values[cf] as string)) issues.push({ field: cf, message: 'Not an ISO 4217 currency code (CNY, USD, JPY…)', code: 'unknown_currency' });
  }
  const touched = money.filter((f) => values[f.key] !== undefined && values[f.key] !== null);
  const currencyChanged = cf !== undefined && values[cf] !== undefined;
  if (issues.length === 0 && (touched.length || currencyChanged)) {
    const merged: Row = { ...(existing ?? {}), ...((existing?.custom as Row | undefined) ?? {}), ...values };
    const currency = recordCurrency(def, merged, org);
    const digits = minorDigits(currency);
    for (const f of currencyChanged ? money : touched) {
      const v = parseMoney(merged[f.key]);
      // Standard money columns are numeric(18,2): a third decimal would be rounded by the column.
      const max = f.custom ? digits : Math.min(digits, 2);
      if (v && decimalsOf(v) > max) {
        issues.push({ field: f.key, message: `${currency} amounts here have at most ${max} decimals`, code: 'too_many_decimals' });
      } else if (v && values[f.key] !== undefined) {
        // Written with the currency's digits ("2" → "2.00"): what the API answers, and what the audit compares.
        values[f.key] = moneyString(v, currency);
      }
    }
  }
  return issues;
}

