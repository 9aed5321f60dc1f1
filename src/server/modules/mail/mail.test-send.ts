// "Send a test e-mail" from the admin page: sent at once with the stored settings (not through
// the outbox), answering the SMTP server's error as it was, so the admin can fix the settings.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { getSettings } from '../settings/settings.service.ts';
import { loadSmtp, SECRET_UNREADABLE } from './mail.settings.ts';
import { configured, createTransport, smtpFailure, type SmtpFailure } from './mail.transport.ts';
import { requireAddress } from './mail.service.ts';
import { renderTemplate } from './mail.render.ts';
import { resolveTemplate } from './mail.templates.ts';
import type { Locale } from './mail.types.ts';

export async function sendTestMail(db: Kysely<DB>, to: string, locale: Locale): Promise<{ sent: boolean; message_id: string | null; error: SmtpFailure | null }> {
  const address = requireAddress(to);
  const s = await loadSmtp(db);
  if (!configured(s)) {
    return { sent: false, message_id: null, error: { code: 'smtp_not_configured', message: 'Set the SMTP host and the from address first', response_code: null } };
  }
  if (s.password_unreadable) return { sent: false, message_id: null, error: { ...SECRET_UNREADABLE, response_code: null } };
  const org = (await getSettings(db)).organization_name;
  const m = await renderTemplate(await resolveTemplate(db, 'smtp_test', locale), { organization: { name: org } });
  const transport = createTransport(s, false);
  try {
    const info = await transport.sendMail({ from: { name: s.from_name, address: s.from_address }, to: address, subject: m.subject, text: m.text, html: m.html });
    return { sent: true, message_id: info.messageId ?? null, error: null };
  } catch (e) {
    return { sent: false, message_id: null, error: smtpFailure(e, s) };
  } finally {
    transport.close();
  }
}
