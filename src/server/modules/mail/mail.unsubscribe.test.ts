import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { signToken, signingKeys } from '../../core/signed-tokens.ts';
import { useSink } from './mail.test-support.ts';
import { deliverMail } from './mail.deliver.ts';
import { queueMail } from './mail.service.ts';
import { registerTemplateKind } from './mail.defaults.ts';
import { OPEN_PURPOSE, UNSUBSCRIBE_PURPOSE } from './mail.suppressions.ts';

const t = useTestApp();
const sink = useSink(t);
const f = factories(t);
const silent = { error: () => {} };
const newsletter = { subject: 'News for {{ contact.name }}', html: '<p>Hello {{ contact.name }}</p>' };
registerTemplateKind('test_newsletter', {
  sample: { contact: { name: 'Wang' } },
  defaults: { en: newsletter, 'zh-CN': newsletter, 'zh-TW': newsletter },
});

async function queue(contact: { id: number; email?: unknown }, opts: { template?: string } = {}) {
  const r = await t.database.db.transaction().execute((trx) =>
    queueMail(trx, { to: String(contact.email), template: opts.template ?? 'test_newsletter', locale: 'en', vars: { contact: { name: 'Wang' } }, contactId: contact.id }));
  return r;
}

async function row(id: number) {
  const { rows } = await sql<any>`SELECT * FROM mail_outbox WHERE id = ${id}`.execute(t.database.db);
  return rows[0];
}

async function suppressions() {
  const { rows } = await sql<any>`SELECT email, reason, source_mail_id FROM mail_suppressions ORDER BY email`.execute(t.database.db);
  return rows;
}

const tokenOf = (header: string) => /\/unsubscribe\/([^>]+)>/.exec(header)![1]!;

describe('marketing mail to contacts', () => {
  it('is skipped, not failed, while the public address for its links is unknown', async () => {
    const c = await f.contact({ name: 'Early', email: 'early@example.com' });
    const q = await queue(c);
    expect(q.status).toBe('queued');
    await deliverMail(t.database.db, silent);
    expect(await row(q.id)).toMatchObject({ status: 'skipped', last_error: 'no_public_url', mail_class: 'marketing' });
  });

  describe('with the public address set', () => {
    beforeAll(async () => {
      const r = await t.api(t.adminToken, 'PATCH', '/public-settings', { base_url: 'https://crm.example.com' });
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    });

    it('carries List-Unsubscribe (RFC 8058 one-click), a footer link and a pixel; reminders do not', async () => {
      const c = await f.contact({ name: 'Reader', email: 'reader@example.com' });
      const q = await queue(c);
      const before = sink.received.length;
      await deliverMail(t.database.db, silent);
      const m = sink.received.slice(before).find((x) => x.to.includes('reader@example.com'))!;
      expect(m.headers['list-unsubscribe']).toMatch(/^<https:\/\/crm\.example\.com\/api\/v1\/public\/unsubscribe\/[A-Za-z0-9_.-]+>$/);
      expect(m.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      const token = tokenOf(m.headers['list-unsubscribe']!);
      expect(m.text).toContain(`Unsubscribe: https://crm.example.com/api/v1/public/unsubscribe/${token}`);
      expect(m.html).toMatch(/<img src="https:\/\/crm\.example\.com\/api\/v1\/public\/t\/[A-Za-z0-9_.-]+\.gif"/);
      expect(await row(q.id)).toMatchObject({ status: 'sent' });
      // Transactional mail (the SMTP test) has none of it.
      const test = await t.api(t.adminToken, 'POST', '/mail/test', { to: 'admin-self@example.com' });
      expect(test.body.data.sent).toBe(true);
      const plain = sink.received.find((x) => x.to.includes('admin-self@example.com'))!;
      expect(plain.headers['list-unsubscribe']).toBeUndefined();
    });

    it('unsubscribes on the one-click POST; the GET page only asks; later mail is skipped', async () => {
      const c = await f.contact({ name: 'Leaver', email: 'Leaver@Example.com' });
      await queue(c);
      const waiting = await queue(c);
      const before = sink.received.length;
      // Only the first is sent in this pass: the second stays queued (lease it back below).
      await sql`UPDATE mail_outbox SET next_attempt_at = now() + interval '1 hour' WHERE id = ${waiting.id}`.execute(t.database.db);
      await deliverMail(t.database.db, silent);
      const m = sink.received.slice(before).find((x) => x.to.some((a) => a.toLowerCase() === 'leaver@example.com'))!;
      const token = tokenOf(m.headers['list-unsubscribe']!);

      const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/unsubscribe/${token}`, headers: { 'accept-language': 'zh-CN' } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('L***@Example.com');
      expect(page.body).toContain('确认退订');
      expect(page.body).toContain('<form method="post">');
      expect(await suppressions()).toEqual([]);

      const click = await t.app.inject({
        method: 'POST', url: `/api/v1/public/unsubscribe/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click',
      });
      expect(click.statusCode).toBe(200);
      expect(click.json()).toEqual({ data: { unsubscribed: true } });
      expect(await suppressions()).toEqual([{ email: 'leaver@example.com', reason: 'unsubscribed', source_mail_id: expect.any(Number) }]);
      // Twice is fine, and the browser's button gets a page.
      const again = await t.app.inject({ method: 'POST', url: `/api/v1/public/unsubscribe/${token}`, headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      expect(again.statusCode).toBe(200);
      expect(again.body).toContain('will receive no more');
      expect(await suppressions()).toHaveLength(1);
      const timeline = (await t.api(t.adminToken, 'GET', `/contacts/${c.id}/timeline`)).body.data;
      expect(timeline.filter((e: any) => e.kind === 'unsubscribed')).toHaveLength(1);

      // Queued before: skipped at send time. Queued after: skipped at once. Neither failed.
      await sql`UPDATE mail_outbox SET next_attempt_at = now() WHERE id = ${waiting.id}`.execute(t.database.db);
      const sent = sink.received.length;
      await deliverMail(t.database.db, silent);
      expect(await row(waiting.id)).toMatchObject({ status: 'skipped', last_error: 'suppressed' });
      const later = await queue({ id: c.id, email: ' LEAVER@example.com ' });
      expect(later).toMatchObject({ status: 'skipped', reason: 'suppressed' });
      expect(sink.received.length).toBe(sent);
      // Transactional mail to the same address still goes.
      const reminder = await t.database.db.transaction().execute((trx) => queueMail(trx, {
        to: 'leaver@example.com', template: 'smtp_test', locale: 'en', vars: { organization: { name: 'G' } }, contactId: c.id,
      }));
      expect(reminder.status).toBe('queued');
    });

    it('refuses a tampered, expired or wrong-purpose token and writes nothing', async () => {
      const c = await f.contact({ name: 'Kept', email: 'kept@example.com' });
      const q = await queue(c);
      const keys = await signingKeys(t.database.db);
      const good = signToken(keys, UNSUBSCRIBE_PURPOSE, q.id, 600);
      const [, exp, sig] = good.split('.');
      const tampered = `${Buffer.from(String(q.id + 1)).toString('base64url')}.${exp}.${sig}`;
      const expired = signToken(keys, UNSUBSCRIBE_PURPOSE, q.id, 60, Date.now() - 3600_000);
      const pixel = signToken(keys, OPEN_PURPOSE, q.id, 600);
      const before = await suppressions();
      for (const [token, reason] of [[tampered, 'invalid_token'], [expired, 'expired_token'], [pixel, 'invalid_token'], ['garbage', 'invalid_token']] as const) {
        const r = await t.app.inject({ method: 'POST', url: `/api/v1/public/unsubscribe/${token}`, headers: { 'content-type': 'application/json' }, payload: {} });
        expect(r.statusCode).toBe(400);
        expect(r.json().error).toMatchObject({ code: 'validation_failed', details: { reason } });
        const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/unsubscribe/${token}` });
        expect(page.statusCode).toBe(400);
        expect(page.body).toContain(reason === 'expired_token' ? 'expired' : 'not valid');
      }
      expect(await suppressions()).toEqual(before);
    });
  });
});

describe('the tracking pixel', () => {
  it('counts opens of a valid token and answers every request with the same GIF', async () => {
    const c = await f.contact({ name: 'Opener', email: 'opener@example.com' });
    const q = await queue(c);
    const keys = await signingKeys(t.database.db);
    const pixel = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/t/${token}.gif` });
    const first = await pixel(signToken(keys, OPEN_PURPOSE, q.id, 600));
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/gif');
    expect(first.headers['cache-control']).toContain('no-store');
    const opened = await row(q.id);
    expect(opened.open_count).toBe(1);
    expect(opened.first_opened_at).not.toBeNull();
    await pixel(signToken(keys, OPEN_PURPOSE, q.id, 600));
    const twice = await row(q.id);
    expect(twice.open_count).toBe(2);
    expect(twice.first_opened_at).toEqual(opened.first_opened_at);
    for (const bad of ['nonsense', signToken(keys, UNSUBSCRIBE_PURPOSE, q.id, 600), signToken(keys, OPEN_PURPOSE, q.id, 1, Date.now() - 10_000)]) {
      const r = await pixel(bad);
      expect(r.statusCode).toBe(200);
      expect(r.rawPayload.equals(first.rawPayload)).toBe(true);
    }
    expect((await row(q.id)).open_count).toBe(2);
  });
});
