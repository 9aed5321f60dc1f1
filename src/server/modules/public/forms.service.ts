// Web forms as administrators define them: which contact fields (standard or custom) a form
// asks for, who follows up, the success message in three languages, the origins that may embed it.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../records/types.ts';
import { COMPANY_FIELD, type FormInput } from '../../../shared/contracts/forms.ts';
import { AppError, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { writeAudit } from '../../core/audit.ts';
import { randomKey } from '../../core/signed-tokens.ts';
import { allFields, type ResolvedField } from '../../records/fields.ts';
import { getObject } from '../../records/registry.ts';
import { Origin, getPublicSettings } from './public.settings.ts';
import * as repo from './public.repo.ts';

/** Contact field types a public form can ask for (no links, users, amounts or system fields). */
const FORM_TYPES = new Set(['text', 'longtext', 'email', 'phone', 'url', 'number', 'date', 'boolean', 'select', 'multiselect', 'tags']);
/** Always asked, always required: a contact needs a name, and e-mail is how a person is recognised again. */
const ALWAYS = ['name', 'email'];

export function formFieldAllowed(f: ResolvedField): boolean {
  return FORM_TYPES.has(f.type) && !f.system && !f.readonly && f.key !== 'owner_id';
}

export async function contactFields(db: Kysely<DB> | Tx): Promise<ResolvedField[]> {
  return allFields(db as Kysely<DB>, getObject('contacts'));
}

async function checked(db: Kysely<DB>, input: z.infer<typeof FormInput>): Promise<repo.FormWrite> {
  const fields = new Map((await contactFields(db)).map((f) => [f.key, f]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.fields.forEach((x, i) => {
    const f = fields.get(x.field);
    if (seen.has(x.field)) issues.push({ field: `fields.${i}.field`, code: 'duplicate_field', message: `${x.field} is listed twice` });
    seen.add(x.field);
    if (x.field !== COMPANY_FIELD && (!f || !formFieldAllowed(f))) {
      issues.push({ field: `fields.${i}.field`, code: 'unknown_field', message: `${x.field} is not a contact field a form can ask for` });
    }
  });
  for (const key of ALWAYS) if (!seen.has(key)) issues.push({ field: 'fields', code: 'required_field_missing', message: `A form always asks for ${key}` });
  // A contact field required everywhere must be on the form, or no submission could ever be stored.
  for (const f of fields.values()) {
    if (f.required && !f.system && !ALWAYS.includes(f.key) && !seen.has(f.key)) issues.push({ field: 'fields', code: 'required_field_missing', message: `${f.key} is required for contacts: add it to the form` });
  }
  const origins = input.allowed_origins.map((o, i) => {
    const r = Origin.safeParse(o);
    if (!r.success) issues.push({ field: `allowed_origins.${i}`, code: 'invalid_origin', message: 'An origin is scheme://host[:port]' });
    return r.success ? r.data : o;
  });
  const user = await repo.activeUser(db, input.assignee_id);
  if (!user) issues.push({ field: 'assignee_id', code: 'invalid_link', message: 'No such active user' });
  if (issues.length) throw invalid(issues);
  return {
    name: input.name,
    fields: input.fields.map((x) => ({ field: x.field, required: ALWAYS.includes(x.field) || fields.get(x.field)?.required === true || x.required })),
    assignee_id: input.assignee_id,
    create_task: input.create_task,
    success_message: input.success_message as Record<string, string>,
    allowed_origins: [...new Set(origins)],
    active: input.active,
  };
}

const iso = (v: unknown) => new Date(v as string).toISOString();

/** A stored form as admins see it, with the links to share (when the public address is set). */
async function view(db: Kysely<DB>, r: repo.FormRow & { submissions?: number }) {
  const base = (await getPublicSettings(db)).base_url;
  return {
    id: Number(r.id), key: r.key, name: r.name, fields: r.fields, assignee_id: Number(r.assignee_id), create_task: r.create_task,
    success_message: r.success_message, allowed_origins: r.allowed_origins, active: r.active,
    ...(r.submissions !== undefined ? { submissions: Number(r.submissions) } : {}),
    hosted_url: base ? `${base}/f/${r.key}` : null,
    snippet: base ? `<div data-guanxi-form="${r.key}"></div>\n<script async src="${base}/api/v1/public/forms/embed.js"></script>` : null,
    created_at: iso(r.created_at), updated_at: iso(r.updated_at),
  };
}

export async function listWebForms(db: Kysely<DB>) {
  return Promise.all((await repo.listForms(db)).map((r) => view(db, r)));
}

export async function getWebForm(db: Kysely<DB>, id: number) {
  const r = await repo.formById(db, id);
  if (!r) throw notFound('Form');
  return view(db, r);
}

export async function createWebForm(db: Kysely<DB>, actorId: number, input: z.infer<typeof FormInput>) {
  const values = await checked(db, input);
  const row = await db.transaction().execute(async (trx) => {
    const r = await repo.insertForm(trx, randomKey(12), values, actorId);
    await writeAudit(trx, { actorId, action: 'create', object: 'public_forms', recordId: Number(r.id), changes: { name: [null, r.name] } });
    return r;
  });
  return view(db, row);
}

export async function updateWebForm(db: Kysely<DB>, actorId: number, id: number, input: z.infer<typeof FormInput>) {
  const values = await checked(db, input);
  const row = await db.transaction().execute(async (trx) => {
    const before = await repo.formById(trx, id);
    if (!before) throw notFound('Form');
    const r = (await repo.updateForm(trx, id, values))!;
    await writeAudit(trx, { actorId, action: 'update', object: 'public_forms', recordId: id, changes: { before: { ...before }, after: values } });
    return r;
  });
  return view(db, row);
}

export async function deleteWebForm(db: Kysely<DB>, actorId: number, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteForm(trx, id))) throw notFound('Form');
    await writeAudit(trx, { actorId, action: 'delete', object: 'public_forms', recordId: id });
  });
}

export async function listFormSubmissions(db: Kysely<DB>, id: number, q: { cursor?: string; limit?: number }) {
  if (!(await repo.formById(db, id))) throw notFound('Form');
  const limit = q.limit ?? 50;
  const before = q.cursor ? Number(q.cursor) : null;
  if (before !== null && !Number.isSafeInteger(before)) throw new AppError('validation_failed', 'Bad cursor');
  const rows = await repo.listSubmissions(db, id, before, limit + 1);
  const num = (v: unknown) => (v == null ? null : Number(v));
  const data = rows.slice(0, limit).map((r) => ({
    id: Number(r.id), outcome: r.outcome, contact_id: num(r.contact_id), account_id: num(r.account_id), task_id: num(r.task_id),
    payload: r.payload, ip_hash: r.ip_hash, user_agent: r.user_agent, origin: r.origin, created_at: iso(r.created_at),
  }));
  return { data, next_cursor: rows.length > limit ? String(data[data.length - 1]!.id) : null };
}
