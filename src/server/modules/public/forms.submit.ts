// The public side of web forms: the definition a page renders, and a submission. A submission
// is checked completely before anything is written (required fields, then the record validation
// every API write gets), then contact (or the existing one), account, callback task, timeline
// entry and the submission row commit in one transaction, or nothing does.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import type { Row } from '../../records/types.ts';
import type { Locale } from '../../../shared/fields.ts';
import { COMPANY_FIELD } from '../../../shared/contracts/forms.ts';
import { AppError, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { deliverSoon } from '../../core/events.ts';
import { emitTimeline } from '../../core/timeline.ts';
import { getObject } from '../../records/registry.ts';
import { createRecordIn } from '../../records/service.ts';
import { coerceText, validateRecord } from '../../records/validate.ts';
import type { ResolvedField } from '../../records/fields.ts';
import { HONEYPOT_FIELD, honeypotTripped, ipHash } from './public.platform.ts';
import { contactFields } from './forms.service.ts';
import * as repo from './public.repo.ts';

const TEXT: Record<Locale, { company: string; submit: string; thanks: string; task: string }> = {
  en: { company: 'Company', submit: 'Send', thanks: 'Thank you! We will get back to you soon.', task: 'Callback request' },
  'zh-CN': { company: '公司', submit: '提交', thanks: '谢谢！我们会尽快与您联系。', task: '回电请求' },
  'zh-TW': { company: '公司', submit: '送出', thanks: '謝謝！我們會盡快與您聯繫。', task: '回電請求' },
};

export interface SubmitMeta {
  ip: string;
  userAgent: string | null;
  /** The Origin header, when the browser sent one and it is not this server's own. */
  foreignOrigin: string | null;
  locale: Locale;
}

async function activeForm(db: Kysely<DB>, key: string): Promise<repo.FormRow> {
  const form = await repo.formByKey(db, key);
  // An inactive form answers like a missing one.
  if (!form || !form.active) throw notFound('Form');
  return form;
}

function labelOf(f: ResolvedField | undefined, key: string, locale: Locale): string {
  if (key === COMPANY_FIELD) return TEXT[locale].company;
  if (!f) return key;
  if (f.custom) return f.labels?.[locale] ?? f.label ?? key;
  return getObject('contacts').labels?.[locale]?.fields?.[key] ?? key;
}

function optionsOf(f: ResolvedField, locale: Locale) {
  if (!f.options) return undefined;
  const names = getObject('contacts').labels?.[locale]?.options?.[f.key] ?? {};
  return f.options.map((o) => ({ value: o.value, label: o.labels?.[locale] ?? names[o.value] ?? o.label ?? o.value }));
}

/** What a page needs to render the form, labels in `locale`. */
export async function publicForm(db: Kysely<DB>, key: string, locale: Locale) {
  const form = await activeForm(db, key);
  const fields = new Map((await contactFields(db)).map((f) => [f.key, f]));
  return {
    key: form.key, name: form.name, locale, honeypot: HONEYPOT_FIELD, submit_label: TEXT[locale].submit,
    fields: form.fields.map((x) => {
      const f = fields.get(x.field);
      const type = x.field === COMPANY_FIELD ? 'text' : f?.type ?? 'text';
      const options = f ? optionsOf(f, locale) : undefined;
      return { key: x.field, type, label: labelOf(f, x.field, locale), required: x.required, ...(f?.max ? { max: f.max } : {}), ...(options ? { options } : {}) };
    }),
  };
}

const isEmpty = (v: unknown) => v == null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** The person behind a form: its assignee, allowed to create what the form creates, seeing all. */
function formActor(u: NonNullable<Awaited<ReturnType<typeof repo.activeUser>>>): Actor {
  const may = { list: true, read: true, create: true };
  return {
    id: Number(u.id), email: u.email, name: u.name, role: 'public_form', team_id: u.team_id, locale: u.locale,
    permissions: { visibility: { '*': 'all' }, can: { write: true }, objects: { contacts: may, accounts: may, tasks: may } },
  };
}

/** The values as the form's fields take them, typed like an API write; refuses what is missing. */
function readValues(formFields: repo.FormFieldRow[], fields: Map<string, ResolvedField>, body: Record<string, unknown>) {
  const issues: FieldIssue[] = [];
  const values: Row = {};
  let company: string | null = null;
  for (const x of formFields) {
    let v = body[x.field];
    const f = fields.get(x.field);
    // A plain HTML form sends text: read it as the field's type, as imports do.
    if (typeof v === 'string' && f && ['number', 'boolean', 'date'].includes(f.type)) v = coerceText(f, v) ?? null;
    if (typeof v === 'string' && f && ['multiselect', 'tags'].includes(f.type)) v = v.split(',').map((s) => s.trim()).filter(Boolean);
    if (isEmpty(v)) {
      if (x.required) issues.push({ field: x.field, code: 'required', message: 'This field is required' });
      continue;
    }
    if (x.field === COMPANY_FIELD) {
      if (typeof v !== 'string' || v.trim().length > 200) issues.push({ field: x.field, code: 'invalid', message: 'A company name is text of at most 200 characters' });
      else company = v.trim();
      continue;
    }
    values[x.field] = typeof v === 'string' ? v.trim() : v;
  }
  if (issues.length) throw invalid(issues);
  return { values, company };
}

function describe(form: repo.FormRow, fields: Map<string, ResolvedField>, values: Row, company: string | null): string {
  const lines = form.fields.map((x) => {
    const v = x.field === COMPANY_FIELD ? company : values[x.field];
    return isEmpty(v) ? null : `${labelOf(fields.get(x.field), x.field, 'en')}: ${Array.isArray(v) ? v.join(', ') : String(v)}`;
  });
  return lines.filter(Boolean).join('\n');
}

export async function submitForm(db: Kysely<DB>, key: string, body: unknown, meta: SubmitMeta): Promise<{ message: string }> {
  const form = await activeForm(db, key);
  if (meta.foreignOrigin && form.allowed_origins.length && !form.allowed_origins.includes(meta.foreignOrigin)) {
    throw new AppError('forbidden', 'This form may not be sent from this site', { reason: 'origin_not_allowed' });
  }
  const message = form.success_message[meta.locale] || TEXT[meta.locale].thanks;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('validation_failed', 'The body must be a JSON object or a form');
  // A bot: the same answer as a person gets, and nothing stored.
  if (honeypotTripped(body)) return { message };
  const user = await repo.activeUser(db, form.assignee_id);
  if (!user) throw new AppError('unavailable', 'This form cannot take submissions right now');
  const actor = formActor(user);
  const fieldList = await contactFields(db);
  const fields = new Map(fieldList.map((f) => [f.key, f]));
  const { values, company } = readValues(form.fields, fields, body as Record<string, unknown>);
  const contactInput: Row = { ...values, ...(fields.has('source') && values.source === undefined ? { source: 'web' } : {}), owner_id: actor.id };
  // The record validation every API write gets, before the transaction: a refusal writes nothing.
  validateRecord(fieldList, contactInput, 'create', actor, 'contacts');
  const text = describe(form, fields, values, company);
  const hash = await ipHash(db, meta.ip);
  await db.transaction().execute(async (trx) => {
    const existing = await repo.contactByEmail(trx, String(values.email));
    let contactId: number;
    let accountId: number | null;
    if (existing) {
      // Never overwrite what the CRM knows: the values go on the timeline and in the submission.
      contactId = Number(existing.id);
      accountId = existing.account_id == null ? null : Number(existing.account_id);
    } else {
      accountId = company ? ((await repo.accountByName(trx, company)) ?? Number((await createRecordIn(trx, getObject('accounts'), actor, { name: company, owner_id: actor.id })).id)) : null;
      const created = await createRecordIn(trx, getObject('contacts'), actor, { ...contactInput, ...(accountId ? { account_id: accountId } : {}) });
      contactId = Number(created.id);
    }
    const task = form.create_task
      ? await createRecordIn(trx, getObject('tasks'), actor, {
          title: `${TEXT[user.locale as Locale]?.task ?? TEXT.en.task}: ${String(values.name)}`.slice(0, 300),
          description: `${form.name}\n\n${text}`,
          contact_id: contactId, ...(accountId ? { account_id: accountId } : {}), owner_id: actor.id,
        })
      : null;
    const submissionId = await repo.insertSubmission(trx, {
      form_id: Number(form.id), outcome: existing ? 'matched' : 'created', contact_id: contactId, account_id: accountId,
      task_id: task ? Number(task.id) : null, payload: { ...values, ...(company ? { [COMPANY_FIELD]: company } : {}) },
      ip_hash: hash, user_agent: meta.userAgent?.slice(0, 500) ?? null, origin: meta.foreignOrigin,
    });
    await emitTimeline(trx, {
      occurredAt: new Date(), kind: 'form_submission', title: form.name, body: text,
      targets: [{ object: 'contacts', id: contactId }, ...(accountId ? [{ object: 'accounts', id: accountId }] : [])],
      refType: 'public_form_submission', refId: submissionId,
    });
  });
  deliverSoon();
  return { message };
}
