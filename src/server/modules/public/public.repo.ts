// The SQL of the public module: its settings row, forms, submissions, and the look-ups a
// submission makes (a contact by e-mail, an account by name).
import { sql } from 'kysely';
import type { Tx } from '../../records/types.ts';

export const PUBLIC_SETTINGS_KEY = 'public.endpoints';

export async function readPublicRow(db: Tx): Promise<Record<string, unknown> | null> {
  const { rows } = await sql<{ value: Record<string, unknown> }>`SELECT value FROM settings WHERE key = ${PUBLIC_SETTINGS_KEY}`.execute(db);
  return rows[0]?.value ?? null;
}

export async function writePublicRow(db: Tx, value: object, actorId: number): Promise<void> {
  await sql`INSERT INTO settings (key, value, updated_by) VALUES (${PUBLIC_SETTINGS_KEY}, ${JSON.stringify(value)}::jsonb, ${actorId})
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`.execute(db);
}

export interface FormFieldRow {
  field: string;
  required: boolean;
}

export interface FormWrite {
  name: string;
  fields: FormFieldRow[];
  assignee_id: number;
  create_task: boolean;
  success_message: Record<string, string>;
  allowed_origins: string[];
  active: boolean;
}

export interface FormRow extends FormWrite {
  id: number;
  key: string;
  created_at: string;
  updated_at: string;
}

const FORM_COLUMNS = sql`id, key, name, fields, assignee_id, create_task, success_message, allowed_origins, active, created_at, updated_at`;

export async function insertForm(db: Tx, key: string, f: FormWrite, actorId: number): Promise<FormRow> {
  const { rows } = await sql<FormRow>`INSERT INTO public_forms (key, name, fields, assignee_id, create_task, success_message, allowed_origins, active, created_by)
    VALUES (${key}, ${f.name}, ${JSON.stringify(f.fields)}::jsonb, ${f.assignee_id}, ${f.create_task}, ${JSON.stringify(f.success_message)}::jsonb,
      ${sql.val(f.allowed_origins)}::text[], ${f.active}, ${actorId})
    RETURNING ${FORM_COLUMNS}`.execute(db);
  return rows[0]!;
}

export async function updateForm(db: Tx, id: number, f: FormWrite): Promise<FormRow | null> {
  const { rows } = await sql<FormRow>`UPDATE public_forms SET name = ${f.name}, fields = ${JSON.stringify(f.fields)}::jsonb, assignee_id = ${f.assignee_id},
      create_task = ${f.create_task}, success_message = ${JSON.stringify(f.success_message)}::jsonb,
      allowed_origins = ${sql.val(f.allowed_origins)}::text[], active = ${f.active}, updated_at = now()
    WHERE id = ${id} RETURNING ${FORM_COLUMNS}`.execute(db);
  return rows[0] ?? null;
}

export async function deleteForm(db: Tx, id: number): Promise<boolean> {
  const r = await sql`DELETE FROM public_forms WHERE id = ${id}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function formById(db: Tx, id: number): Promise<FormRow | null> {
  const { rows } = await sql<FormRow>`SELECT ${FORM_COLUMNS} FROM public_forms WHERE id = ${id}`.execute(db);
  return rows[0] ?? null;
}

export async function formByKey(db: Tx, key: string): Promise<FormRow | null> {
  const { rows } = await sql<FormRow>`SELECT ${FORM_COLUMNS} FROM public_forms WHERE key = ${key}`.execute(db);
  return rows[0] ?? null;
}

export async function listForms(db: Tx): Promise<(FormRow & { submissions: number })[]> {
  const { rows } = await sql<FormRow & { submissions: number }>`SELECT ${FORM_COLUMNS},
      (SELECT count(*)::int FROM public_form_submissions s WHERE s.form_id = f.id) AS submissions
    FROM public_forms f ORDER BY id`.execute(db);
  return rows;
}

export interface SubmissionInsert {
  form_id: number;
  outcome: 'created' | 'matched';
  contact_id: number;
  account_id: number | null;
  task_id: number | null;
  payload: Record<string, unknown>;
  ip_hash: string | null;
  user_agent: string | null;
  origin: string | null;
}

export async function insertSubmission(db: Tx, s: SubmissionInsert): Promise<number> {
  const { rows } = await sql<{ id: number }>`INSERT INTO public_form_submissions
      (form_id, outcome, contact_id, account_id, task_id, payload, ip_hash, user_agent, origin)
    VALUES (${s.form_id}, ${s.outcome}, ${s.contact_id}, ${s.account_id}, ${s.task_id}, ${JSON.stringify(s.payload)}::jsonb,
      ${s.ip_hash}, ${s.user_agent}, ${s.origin}) RETURNING id`.execute(db);
  return Number(rows[0]!.id);
}

export interface SubmissionRow extends SubmissionInsert {
  id: number;
  created_at: string;
}

/** A form's submissions, newest first, a page at a time (cursor: the last id seen). */
export async function listSubmissions(db: Tx, formId: number, beforeId: number | null, limit: number): Promise<SubmissionRow[]> {
  const { rows } = await sql<SubmissionRow>`SELECT id, form_id, outcome, contact_id, account_id, task_id, payload, ip_hash, user_agent, origin, created_at
    FROM public_form_submissions WHERE form_id = ${formId} AND (${beforeId}::bigint IS NULL OR id < ${beforeId})
    ORDER BY id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

/** The oldest contact with this address (the one a person's later submissions add to). */
export async function contactByEmail(db: Tx, email: string): Promise<{ id: number; account_id: number | null; name: string } | null> {
  const { rows } = await sql<{ id: number; account_id: number | null; name: string }>`SELECT id, account_id, name FROM contacts
    WHERE lower(email) = lower(${email}) AND email IS NOT NULL ORDER BY id LIMIT 1`.execute(db);
  return rows[0] ?? null;
}

export async function accountByName(db: Tx, name: string): Promise<number | null> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM accounts WHERE name = ${name} ORDER BY id LIMIT 1`.execute(db);
  return rows[0] ? Number(rows[0].id) : null;
}

export async function activeUser(db: Tx, id: number): Promise<{ id: number; email: string; name: string; team_id: number | null; locale: string } | null> {
  const { rows } = await sql<{ id: number; email: string; name: string; team_id: number | null; locale: string }>`SELECT id, email, name, team_id, locale
    FROM users WHERE id = ${id} AND active`.execute(db);
  return rows[0] ?? null;
}
