import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canReadField, requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { forbidden, invalid, type FieldIssue } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible } from '../../records/service.ts';
import { minorDigits, parseMoney } from '../../../shared/money.ts';
import { orgCurrency } from '../../records/money.ts';
import { registerTemplateKind } from '../mail/mail.defaults.ts';
import { mailSoon } from '../mail/mail.service.ts';
import { asLocale } from '../mail/mail.types.ts';
import { notify } from '../notifications/notifications.service.ts';
import { insertAction, listActions, lockBrokenPromises, lockOverdue, markBrokenNotified, markReminded, type CollectionAction } from './collections.repo.ts';
import { orgToday } from '../../core/org-time.ts';

// Collections: actions taken to be paid (calls, e-mails, visits, letters) with promises to pay,
// and the daily job telling each invoice's owner once per overdue bucket, and once when a
// promise to pay was broken (its date passed, the invoice still due).

export const COLLECTION_KINDS = ['call', 'email', 'visit', 'letter'] as const;
const def = () => getObject('invoices');
const BUCKETS = ['', '1–30', '31–60', '61–90', '90+'];

/** A role that may not read an invoice's amount due sees no promised amounts either. */
const amountsHidden = (actor: Actor) => !canReadField(actor, 'invoices', 'amount_due');

function present(actor: Actor, a: CollectionAction, currency: string) {
  const out: Record<string, unknown> = { ...a, created_at: new Date(a.created_at).toISOString() };
  if (amountsHidden(actor)) delete out.promised_amount;
  else if (a.promised_amount !== null) out.promised_amount = parseMoney(a.promised_amount)!.toFixed(minorDigits(currency));
  return out;
}

export async function getCollection(db: Kysely<DB>, actor: Actor, invoiceId: number) {
  requireDo(actor, def(), 'read');
  const inv = await loadVisible(db, def(), actor, invoiceId);
  const currency = inv.currency || (await orgCurrency(db));
  return (await listActions(db, invoiceId)).map((a) => present(actor, a, currency));
}

export interface CollectionInput {
  action_date?: string;
  kind: (typeof COLLECTION_KINDS)[number];
  note?: string | null;
  promise_to_pay_date?: string | null;
  promised_amount?: string | number | null;
}

export async function addCollection(db: Kysely<DB>, actor: Actor, invoiceId: number, body: CollectionInput) {
  requireDo(actor, def(), 'update');
  const row = await db.transaction().execute(async (trx) => {
    const inv = await loadVisible(trx, def(), actor, invoiceId, true);
    const issues: FieldIssue[] = [];
    if (inv.kind !== 'invoice' || inv.status === 'draft' || inv.status === 'void') issues.push({ field: 'invoice', message: 'Only an issued invoice is collected', code: 'not_collectable' });
    const amount = body.promised_amount === undefined || body.promised_amount === null ? null : parseMoney(body.promised_amount);
    if (amount !== null && amountsHidden(actor)) throw forbidden('Your role may not see the amounts of this invoice');
    if (body.promised_amount != null && (!amount || amount.lte(0) || amount.decimalPlaces() > 4)) issues.push({ field: 'promised_amount', message: 'A positive amount', code: 'invalid_amount' });
    if (amount && !body.promise_to_pay_date) issues.push({ field: 'promise_to_pay_date', message: 'A promised amount needs its date', code: 'required' });
    if (issues.length) throw invalid(issues);
    const a = await insertAction(trx, {
      invoice_id: invoiceId, action_date: body.action_date ?? (await orgToday(trx)), kind: body.kind, note: body.note?.trim() || null,
      promise_to_pay_date: body.promise_to_pay_date ?? null, promised_amount: amount?.toString() ?? null, created_by: actor.id,
    });
    await writeAudit(trx, { actorId: actor.id, action: 'collection_action', object: 'invoices', recordId: invoiceId, changes: { collection: [null, a.kind], promise_to_pay_date: [null, a.promise_to_pay_date] } });
    return { a, currency: (inv.currency as string) || (await orgCurrency(trx)) };
  });
  return present(actor, row.a, row.currency);
}

registerTemplateKind('invoice_collection', {
  class: 'transactional',
  sample: { user: { name: 'Li Wei' }, invoice: { number: 'INV-2026-00012' }, detail: '31–60' },
  defaults: {
    en: { subject: 'Invoice {{ invoice.number }} needs collecting', html: '<p>Hello {{ user.name }},</p>\n<p>Invoice <strong>{{ invoice.number }}</strong>: {{ detail }}.</p>' },
    'zh-CN': { subject: '发票 {{ invoice.number }} 需要催收', html: '<p>{{ user.name }}，您好：</p>\n<p>发票 <strong>{{ invoice.number }}</strong>：{{ detail }}。</p>' },
    'zh-TW': { subject: '發票 {{ invoice.number }} 需要催收', html: '<p>{{ user.name }}，您好：</p>\n<p>發票 <strong>{{ invoice.number }}</strong>：{{ detail }}。</p>' },
  },
});

const OVERDUE = { en: (b: string) => `overdue ${b} days`, 'zh-CN': (b: string) => `逾期 ${b} 天`, 'zh-TW': (b: string) => `逾期 ${b} 天` };
const BROKEN = { en: (d: string) => `the promise to pay by ${d} was broken`, 'zh-CN': (d: string) => `承诺 ${d} 付款未兑现`, 'zh-TW': (d: string) => `承諾 ${d} 付款未兌現` };

const BATCH = 200;

/** The daily collections run (also callable with a date in tests): answers how many were told. */
/** `on`: the day to run for; by default today in the organisation's zone. */
export async function runCollections(db: Kysely<DB>, day?: string): Promise<{ overdue: number; broken: number }> {
  const on = day ?? (await orgToday(db));
  let overdue = 0;
  let broken = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const due = await lockOverdue(trx, on, BATCH);
      for (const r of due) {
        if (r.owner_id) {
          await notify(trx, {
            userIds: [r.owner_id], kind: 'reminder', object: 'invoices', recordId: r.id, actorId: null, title: r.number,
            dedupeKey: `overdue:${r.id}:${r.bucket}`, params: { detail: OVERDUE.en(BUCKETS[r.bucket]!) },
            mail: (to, locale) => ({ template: 'invoice_collection', vars: { user: { name: to.name }, invoice: { number: r.number }, detail: OVERDUE[asLocale(locale)](BUCKETS[r.bucket]!) } }),
          });
        }
        await markReminded(trx, r.id, r.bucket);
      }
      return due.length;
    });
    overdue += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await lockBrokenPromises(trx, on, BATCH);
      for (const r of rows) {
        if (r.owner_id) {
          await notify(trx, {
            userIds: [r.owner_id], kind: 'reminder', object: 'invoices', recordId: r.invoice_id, actorId: null, title: r.number,
            dedupeKey: `promise:${r.id}`, params: { detail: BROKEN.en(r.promise_to_pay_date) },
            mail: (to, locale) => ({ template: 'invoice_collection', vars: { user: { name: to.name }, invoice: { number: r.number }, detail: BROKEN[asLocale(locale)](r.promise_to_pay_date) } }),
          });
        }
        await markBrokenNotified(trx, r.id);
      }
      return rows.length;
    });
    broken += n;
    if (n < BATCH) break;
  }
  if (overdue || broken) mailSoon();
  return { overdue, broken };
}
