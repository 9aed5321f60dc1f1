import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { counts, freshIp, makeForm, send } from './forms.test-support.ts';
import { SUBMIT_LIMIT } from './forms.routes.ts';

const t = useTestApp();
const f = factories(t);

describe('web forms: the administrator side', () => {
  it('refuses a form without name and email, with unknown or unsuitable fields, or a bad origin', async () => {
    const me = (await t.api(t.adminToken, 'GET', '/auth/me')).body.data.id;
    const r = await t.api(t.adminToken, 'POST', '/web-forms', {
      name: 'Bad', assignee_id: me, allowed_origins: ['https://ok.example', 'not an origin'],
      fields: [{ field: 'name', required: true }, { field: 'owner_id' }, { field: 'nope' }, { field: 'account_id' }],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: any) => `${d.field}:${d.code}`).sort()).toEqual([
      'allowed_origins.1:invalid_origin', 'fields.1.field:unknown_field', 'fields.2.field:unknown_field', 'fields.3.field:unknown_field', 'fields:required_field_missing',
    ]);
    const user = await t.userToken('sales');
    const forbidden = await t.api(user.token, 'POST', '/web-forms', { name: 'x', assignee_id: me, fields: [{ field: 'name' }, { field: 'email' }] });
    expect(forbidden.status).toBe(403);
  });

  it('gives the hosted page and the snippet once the public address is set', async () => {
    const form = await makeForm(t);
    expect((await t.api(t.adminToken, 'GET', `/web-forms/${form.id}`)).body.data.hosted_url).toBeNull();
    const bad = await t.api(t.adminToken, 'PATCH', '/public-settings', { base_url: 'ftp://x' });
    expect(bad.status).toBe(400);
    expect((await t.api(t.adminToken, 'PATCH', '/public-settings', { base_url: 'https://crm.example.com/' })).status).toBe(200);
    const got = (await t.api(t.adminToken, 'GET', `/web-forms/${form.id}`)).body.data;
    expect(got.hosted_url).toBe(`https://crm.example.com/f/${form.key}`);
    expect(got.snippet).toContain(`data-guanxi-form="${form.key}"`);
    expect(got.snippet).toContain('https://crm.example.com/api/v1/public/forms/embed.js');
  });
});

describe('web forms: the public side', () => {
  it('describes the form in the asked language, without a login; an inactive form is missing', async () => {
    const form = await makeForm(t);
    const r = await t.api('', 'GET', `/public/forms/${form.key}?locale=zh-CN`);
    expect(r.status).toBe(200);
    expect(r.body.data.fields.map((x: any) => [x.key, x.label, x.required])).toEqual([['name', '姓名', true], ['email', '邮箱', true], ['mobile', '手机', false], ['company', '公司', false]]);
    expect(r.body.data.honeypot).toBe('_gx_website');
    const tw = await t.api('', 'GET', `/public/forms/${form.key}`, undefined, { 'accept-language': 'zh-TW,zh;q=0.9' });
    expect(tw.body.data.locale).toBe('zh-TW');
    await t.api(t.adminToken, 'PUT', `/web-forms/${form.id}`, { name: 'Closed', fields: [{ field: 'name' }, { field: 'email' }], assignee_id: form.assignee_id, active: false });
    const closed = await t.api('', 'GET', `/public/forms/${form.key}`);
    const missing = await t.api('', 'GET', '/public/forms/no-such-form');
    expect([closed.status, missing.status]).toEqual([404, 404]);
    expect(closed.body).toEqual({ error: { code: 'not_found', message: 'Form not found' } });
    expect(missing.body).toEqual(closed.body);
  });

  it('creates contact, account and callback task in one go, and keeps the submission', async () => {
    const form = await makeForm(t);
    const before = await counts(t);
    const r = await send(t, form.key, { name: '王芳', email: 'wang.fang@example.cn', mobile: '13800138000', company: '茶叶有限公司', extra: 'ignored' }, { ip: '198.51.100.7' });
    expect(r).toMatchObject({ status: 200, body: { data: { message: 'Thanks, we call you back' } } });
    const after = await counts(t);
    expect(after.contacts - before.contacts).toBe(1);
    expect(after.accounts - before.accounts).toBe(1);
    expect(after.tasks - before.tasks).toBe(1);
    expect(after.submissions - before.submissions).toBe(1);
    const [sub] = (await t.api(t.adminToken, 'GET', `/web-forms/${form.id}/submissions`)).body.data;
    expect(sub).toMatchObject({ outcome: 'created', payload: { name: '王芳', email: 'wang.fang@example.cn', mobile: '13800138000', company: '茶叶有限公司' } });
    expect(sub.payload.extra).toBeUndefined();
    expect(sub.ip_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(sub)).not.toContain('198.51.100.7');
    const contact = (await t.api(t.adminToken, 'GET', `/contacts/${sub.contact_id}`)).body.data;
    expect(contact).toMatchObject({ name: '王芳', email: 'wang.fang@example.cn', source: 'web', account_id: sub.account_id, owner_id: form.assignee_id });
    const task = (await t.api(t.adminToken, 'GET', `/tasks/${sub.task_id}`)).body.data;
    expect(task).toMatchObject({ contact_id: sub.contact_id, account_id: sub.account_id, owner_id: form.assignee_id, status: 'open' });
    expect(task.title).toContain('王芳');
    const timeline = (await t.api(t.adminToken, 'GET', `/contacts/${sub.contact_id}/timeline`)).body.data;
    expect(timeline.find((e: any) => e.kind === 'form_submission')).toMatchObject({ title: 'Contact us' });
    // The account is found again by its name, not created twice.
    await send(t, form.key, { name: 'Li Lei', email: 'li.lei@example.cn', company: '茶叶有限公司' });
    expect((await counts(t)).accounts).toBe(after.accounts);
  });

  it('never overwrites a known contact: the submission is kept and put on its timeline', async () => {
    const form = await makeForm(t);
    const known = await f.contact({ name: 'Zhang San', email: 'Zhang.San@example.com', mobile: '13900139000' });
    const before = await counts(t);
    const r = await send(t, form.key, { name: 'Someone else', email: 'zhang.san@EXAMPLE.com', mobile: '13700137000' });
    expect(r.status).toBe(200);
    const after = await counts(t);
    expect(after.contacts).toBe(before.contacts);
    expect(after.tasks - before.tasks).toBe(1);
    const contact = (await t.api(t.adminToken, 'GET', `/contacts/${known.id}`)).body.data;
    expect(contact).toMatchObject({ name: 'Zhang San', mobile: '13900139000', version: known.version });
    const [sub] = (await t.api(t.adminToken, 'GET', `/web-forms/${form.id}/submissions`)).body.data;
    expect(sub).toMatchObject({ outcome: 'matched', contact_id: known.id, payload: { name: 'Someone else', mobile: '13700137000' } });
    const timeline = (await t.api(t.adminToken, 'GET', `/contacts/${known.id}/timeline`)).body.data;
    expect(timeline.find((e: any) => e.kind === 'form_submission').body).toContain('13700137000');
  });

  it('refuses a missing required field or a bad value with a clear error, writing nothing', async () => {
    const form = await makeForm(t, { fields: [{ field: 'name', required: true }, { field: 'email', required: true }, { field: 'mobile', required: true }] });
    const before = await counts(t);
    const missing = await send(t, form.key, { name: 'A', email: '', mobile: '  ' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
    expect(missing.body.error.details).toEqual([
      { field: 'email', code: 'required', message: 'This field is required' },
      { field: 'mobile', code: 'required', message: 'This field is required' },
    ]);
    const bad = await send(t, form.key, { name: 'A', email: 'not-an-email', mobile: '13800138000' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'email', code: 'invalid_email' })]);
    const notObject = await send(t, form.key, '[1,2]');
    expect(notObject.status).toBe(400);
    expect(await counts(t)).toEqual(before);
  });

  it('writes contact and task together or not at all', async () => {
    const form = await makeForm(t);
    // A task field required after the form was made: the task fails after the contact was inserted.
    const cf = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'tasks', key: 'cost_centre', label: 'Cost centre', type: 'text', required: true });
    expect(cf.status).toBe(201);
    try {
      const before = await counts(t);
      const r = await send(t, form.key, { name: 'Half', email: 'half@example.com' });
      expect(r.status).toBe(400);
      expect(await counts(t)).toEqual(before);
      const { rows } = await sql`SELECT id FROM contacts WHERE email = 'half@example.com'`.execute(t.database.db);
      expect(rows).toEqual([]);
    } finally {
      await t.api(t.adminToken, 'DELETE', `/custom-fields/${cf.body.data.id}`);
    }
  });

  it('answers a bot that filled the honeypot like a person, and stores nothing', async () => {
    const form = await makeForm(t);
    const before = await counts(t);
    const r = await send(t, form.key, { name: 'Bot', email: 'bot@example.com', _gx_website: 'http://spam.example' });
    expect(r).toMatchObject({ status: 200, body: { data: { message: 'Thanks, we call you back' } } });
    expect(await counts(t)).toEqual(before);
  });

  it('takes a plain HTML form post (urlencoded)', async () => {
    const form = await makeForm(t);
    const r = await send(t, form.key, 'name=Plain+Form&email=plain%40example.com&_gx_website=', { contentType: 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(200);
    const { rows } = await sql`SELECT name FROM contacts WHERE email = 'plain@example.com'`.execute(t.database.db);
    expect(rows).toEqual([{ name: 'Plain Form' }]);
  });

  it('cuts a flood from one address with 429 rate_limited and Retry-After, writing nothing more', async () => {
    const form = await makeForm(t);
    const ip = freshIp();
    for (let i = 0; i < SUBMIT_LIMIT.max; i++) expect((await send(t, form.key, { name: `Flood ${i}`, email: `flood${i}@example.com` }, { ip })).status).toBe(200);
    const before = await counts(t);
    const r = await send(t, form.key, { name: 'Flood x', email: 'floodx@example.com' }, { ip });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('rate_limited');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(await counts(t)).toEqual(before);
    // Another address is not affected.
    expect((await send(t, form.key, { name: 'Other', email: 'other-ip@example.com' })).status).toBe(200);
  });

  it('follows X-Forwarded-For only from a trusted proxy (the default trusts none)', async () => {
    const form = await makeForm(t);
    const ip = freshIp();
    for (let i = 0; i <= SUBMIT_LIMIT.max; i++) {
      const res = await t.app.inject({
        method: 'POST', url: `/api/v1/public/forms/${form.key}/submissions`, remoteAddress: ip,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i}` }, payload: { name: `P ${i}`, email: `proxy${i}@example.com` },
      });
      expect(res.statusCode).toBe(i < SUBMIT_LIMIT.max ? 200 : 429);
    }
  });
});
