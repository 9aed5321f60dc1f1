// Shared by the public endpoint tests: a form, requests from a chosen client address, row counts.
import { sql } from 'kysely';
import type { TestApp } from '../../db/test-helpers.ts';

let n = 0;
/** A client address of its own per call, so one test's requests never count against another's limit. */
export const freshIp = () => `203.0.113.${++n}`;

export async function makeForm(t: TestApp, body: Record<string, unknown> = {}) {
  const me = await t.api(t.adminToken, 'GET', '/auth/me');
  const r = await t.api(t.adminToken, 'POST', '/web-forms', {
    name: 'Contact us',
    fields: [{ field: 'name', required: true }, { field: 'email', required: true }, { field: 'mobile', required: false }, { field: 'company', required: false }],
    assignee_id: me.body.data.id,
    success_message: { en: 'Thanks, we call you back', 'zh-CN': '谢谢，我们会回电' },
    ...body,
  });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.data as { id: number; key: string; assignee_id: number };
}

export async function send(t: TestApp, key: string, payload: unknown, opts: { ip?: string; origin?: string; contentType?: string } = {}) {
  const res = await t.app.inject({
    method: 'POST', url: `/api/v1/public/forms/${key}/submissions`, remoteAddress: opts.ip ?? freshIp(),
    headers: { ...(opts.origin ? { origin: opts.origin } : {}), 'content-type': opts.contentType ?? 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

/** Rows a submission may write, to show a refused one wrote none. */
export async function counts(t: TestApp) {
  const { rows } = await sql<Record<string, number>>`SELECT
    (SELECT count(*)::int FROM contacts) AS contacts, (SELECT count(*)::int FROM accounts) AS accounts,
    (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM public_form_submissions) AS submissions,
    (SELECT count(*)::int FROM timeline_events) AS events, (SELECT count(*)::int FROM audit_log) AS audit`.execute(t.database.db);
  return rows[0]!;
}
