import { defineModule } from '../../core/modules.ts';
import adminRoutes from './mail.routes.ts';
import publicRoutes from './mail.public.routes.ts';
import { registerMailDelivery } from './mail.deliver.ts';
import { queueDueReminders } from './mail.reminders.ts';
import { resealSmtpPassword } from './mail.settings.ts';
import './mail.retention.ts';

// E-mail out (issue 12, piece 5): SMTP settings, templates, the mail outbox sent by the job
// queue, and its first user, task reminders. Other modules queue mail with queueMail (mail.service.ts).
export default defineModule({
  name: 'mail',
  dir: import.meta.dirname,
  async routes(app) {
    await adminRoutes(app);
    await publicRoutes(app);
  },
  references: [{ object: 'contacts', ref: { table: 'mail_outbox', column: 'contact_id' } }],
  // A marketing message to a suppressed address is skipped (mail.suppressions.ts); links are signed.
  jobs(app) {
    const stop = registerMailDelivery(app.jobs, app.db, app.log);
    app.addHook('onClose', stop);
    // At start: a password stored in clear (before sealing) or under the previous key is sealed now.
    app.addHook('onReady', async () => {
      if (await resealSmtpPassword(app.db)) app.log.info('SMTP password sealed under the current secret key');
    });
    app.jobs.schedule('mail.task_reminders', 60, async () => void (await queueDueReminders(app.db)));
  },
});
