// Shared by the mail tests: a sink on loopback wired into a test app's SMTP settings.
import { afterAll, beforeAll } from 'vitest';
import type { TestApp } from '../../db/test-helpers.ts';
import { startSmtpSink, type SmtpSink } from './mail.sink.ts';

export function useSink(t: TestApp, settings: Record<string, unknown> = {}): SmtpSink {
  const holder = {} as SmtpSink;
  beforeAll(async () => {
    Object.assign(holder, await startSmtpSink());
    const r = await t.api(t.adminToken, 'PATCH', '/mail/settings', {
      host: '127.0.0.1', port: holder.port, security: 'none', from_address: 'crm@guanxi.test', from_name: 'Guanxi CRM', ...settings,
    });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  });
  afterAll(async () => holder.close?.());
  return holder;
}

/** A user with a locale, answering its id. */
export async function userWithLocale(t: TestApp, locale: string, email: string): Promise<number> {
  const r = await t.api(t.adminToken, 'POST', '/users', { email, name: `${locale} user`, password: 'password-123', role: 'sales', locale });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.data.id;
}
