// The first user of e-mail out: task reminders. A recurring job takes the due reminders of open
// tasks (tasks_reminder_due_idx), notifies each task's owner (a bell entry, and the e-mail in the
// owner's locale unless the owner turned reminder e-mails off: notifications' notify()) and sets
// reminded_at in the same transaction: each reminder is queued once, also with several processes
// (the rows are locked, others skip them). Moving reminder_at later re-arms it.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { getSettings } from '../settings/settings.service.ts';
import { lockDueReminders, markReminded, type DueReminder } from './mail.repo.ts';
import { mailSoon, queueMail } from './mail.service.ts';
import { asLocale, type Locale } from './mail.types.ts';
import { notify } from '../notifications/notifications.service.ts';

const BATCH = 200;

function when(d: Date | null, locale: Locale): string | null {
  if (!d) return null;
  // Users have no time zone yet: the time is given in UTC and says so.
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(d))} UTC`;
}

function varsOf(r: DueReminder, locale: Locale, organization: string) {
  return {
    user: { name: r.name ?? '' },
    task: { title: r.title, description: r.description ?? '', due_at: when(r.due_at, locale), priority: r.priority },
    organization: { name: organization },
  };
}

/** Queues the due reminders (a batch per transaction); answers how many tasks were handled. */
export async function queueDueReminders(db: Kysely<DB>): Promise<number> {
  const organization = (await getSettings(db)).organization_name;
  let handled = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const due = await lockDueReminders(trx, BATCH);
      for (const r of due) {
        if (r.user_id == null) {
          // No owner: nobody to remind; the message is kept as skipped with the reason.
          await queueMail(trx, { to: null, template: 'task_reminder', locale: 'en', vars: varsOf(r, 'en', organization) });
          continue;
        }
        // The reminder's time is part of its key: re-armed later, it notifies again.
        await notify(trx, {
          userIds: [Number(r.user_id)], kind: 'reminder', object: 'tasks', recordId: Number(r.task_id), actorId: null, title: r.title,
          dedupeKey: `reminder:${r.task_id}:${new Date(r.reminder_at).toISOString()}`,
          mail: (_to, locale) => ({ template: 'task_reminder', vars: varsOf(r, locale, organization) }),
        });
      }
      if (due.length) await markReminded(trx, due.map((r) => Number(r.task_id)));
      return due.length;
    });
    handled += n;
    if (n < BATCH) break;
  }
  if (handled) mailSoon();
  return handled;
}
