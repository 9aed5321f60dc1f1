import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError } from '../../http/errors.ts';
import { CURRENCIES, orgCurrency } from '../../records/money.ts';
import { Money, parseMoney, roundMoney, type MoneyInput } from '../../../shared/money.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE_RE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

const RateInput = z.object({
  from_currency: z.string().trim().toUpperCase().refine((c) => CURRENCIES.has(c), { message: 'Not an ISO 4217 currency code', params: { code: 'unknown_currency' } }),
  valid_from: z.string().refine(isDate, { message: 'Must be a date (YYYY-MM-DD)', params: { code: 'invalid_date' } }),
  // Up to 10 decimals (the column's scale): more would be rounded by the database.
  rate: z.union([z.string(), z.number()]).transform((v, ctx) => {
    const m = parseMoney(v);
    if (!m || m.lte(0) || m.gte('1e14') || m.decimalPlaces() > 10) ctx.addIssue({ code: 'custom', message: 'A positive decimal with at most 10 decimals', params: { code: 'invalid_rate' } });
    return m ? m.toString() : String(v);
  }),
});
/** PUT /settings/exchange-rates: rates added or changed, one per currency and date. */
export const ExchangeRatesPut = z.object({ rates: z.array(RateInput).min(1).max(500) }).strict();
export type ExchangeRatesPut = z.infer<typeof ExchangeRatesPut>;

/** The rates into the organisation currency, newest first per currency (an admin's table: bounded). */
export async function listRates(db: Kysely<DB>) {
  const org = await orgCurrency(db);
  return db.selectFrom('exchange_rates').select(['from_currency', 'to_currency', 'valid_from', 'rate'])
    .where('to_currency', '=', org).orderBy('from_currency').orderBy('valid_from', 'desc').limit(5000).execute();
}

/** Adds or changes rates in one transaction, auditing each (old → new); a rate into the organisation currency itself is refused. */
export async function putRates(db: Kysely<DB>, actorId: number, body: ExchangeRatesPut) {
  await db.transaction().execute(async (trx) => {
    const org = await orgCurrency(trx);
    const self = body.rates.findIndex((r) => r.from_currency === org);
    if (self >= 0) throw new AppError('validation_failed', 'A rate converts another currency into the organisation currency', [{ field: `rates.${self}.from_currency`, message: `${org} is the organisation currency`, code: 'same_currency' }]);
    const changes: Record<string, [string | null, string]> = {};
    for (const r of body.rates) {
      const before = await trx.selectFrom('exchange_rates').select('rate')
        .where('from_currency', '=', r.from_currency).where('to_currency', '=', org).where('valid_from', '=', r.valid_from).executeTakeFirst();
      await trx.insertInto('exchange_rates')
        .values({ from_currency: r.from_currency, to_currency: org, valid_from: r.valid_from, rate: r.rate, updated_by: actorId })
        .onConflict((oc) => oc.columns(['from_currency', 'to_currency', 'valid_from']).doUpdateSet({ rate: r.rate, updated_by: actorId, updated_at: new Date() }))
        .execute();
      changes[`${r.from_currency}→${org} ${r.valid_from}`] = [before?.rate ?? null, r.rate];
    }
    await writeAudit(trx, { actorId, action: 'update', object: 'exchange_rates', recordId: null, changes });
  });
  return listRates(db);
}

/**
 * An amount in `from` as organisation currency on `date` (YYYY-MM-DD): the latest rate valid on
 * or before that date, rounded half-up to the organisation's minor unit. No such rate:
 * `no_exchange_rate` (never a guess).
 */
export async function convert(db: Kysely<DB>, amount: MoneyInput, from: string, date: string): Promise<{ amount: Money; currency: string }> {
  const org = await orgCurrency(db);
  if (from === org) return { amount: roundMoney(amount, org), currency: org };
  const r = await db.selectFrom('exchange_rates').select('rate')
    .where('from_currency', '=', from).where('to_currency', '=', org).where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
  if (!r) throw new AppError('no_exchange_rate', `No exchange rate from ${from} into ${org} on or before ${date}`, { reason: 'no_exchange_rate', currencies: [from], to: org, date });
  return { amount: roundMoney(new Money(amount instanceof Money ? amount : String(amount)).times(r.rate), org), currency: org };
}
