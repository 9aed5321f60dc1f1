import { defineModule } from '../../core/modules.ts';
import { registerFileUse } from '../../jobs/retention.ts';
import routes from './inbox.routes.ts';
import { startInboundSmtp, type InboundSmtp } from './inbox.smtp.ts';
import type { FastifyInstance } from 'fastify';
import './inbox.retention.ts';

registerFileUse('mail_message_files');

const running = new WeakMap<FastifyInstance, InboundSmtp>();

/** The port the app's SMTP listener is bound to (tests start it on port 0), or null when it is off. */
export function inboundSmtpPort(app: FastifyInstance): number | null {
  return running.get(app)?.port ?? null;
}

// E-mail in (issue 12, piece 6): an SMTP listener for the admin's mailboxes (off unless
// GUANXI_SMTP_IN_PORT is set), threading, and received mail on contacts' timelines. Other
// modules subscribe with onInboundMail (inbox.hooks.ts).
export default defineModule({
  name: 'inbox',
  dir: import.meta.dirname,
  routes,
  references: [
    { object: 'contacts', ref: { table: 'mail_messages', column: 'contact_id' } },
    { object: 'contacts', ref: { table: 'mail_message_contacts', column: 'contact_id', uniqueWith: 'message_id' } },
    { object: 'contacts', ref: { table: 'mail_threads', column: 'contact_id' } },
    { object: 'accounts', ref: { table: 'mail_messages', column: 'account_id' } },
  ],
  jobs(app) {
    const c = app.config.smtpIn;
    if (c.port === null) return;
    app.addHook('onReady', async () => {
      const smtp = await startInboundSmtp({ db: app.db, host: c.host, port: c.port!, maxBytes: c.maxBytes, maxAttachmentBytes: app.config.attachments.maxBytes, log: app.log });
      running.set(app, smtp);
      app.log.info({ host: c.host, port: smtp.port }, 'inbound SMTP listening');
    });
    app.addHook('onClose', async () => {
      await running.get(app)?.close();
      running.delete(app);
    });
  },
});
