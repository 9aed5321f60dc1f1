import { defineModule } from '../../core/modules.ts';
import { ANY_OBJECT } from '../../records/references.ts';
import { registerRetentionStep } from '../../jobs/retention.ts';
import routes from './notifications.routes.ts';
import { registerProducers } from './notifications.producers.ts';
import { deleteOld } from './notifications.repo.ts';
import './notifications.kinds.ts';

/** Unread notifications are kept at least this long (a year), however short the period for read ones. */
const UNREAD_MIN_DAYS = 365;

// Read ones after `notifications_days` (retention settings); unread ones after a year, or that period when longer.
registerRetentionStep('notifications', (db, p) => deleteOld(db, p.notifications_days, Math.max(UNREAD_MIN_DAYS, p.notifications_days)));
registerProducers();

// Notifications (issue 12, piece 12): the bell and its e-mail copies. Any module calls notify()
// (notifications.service.ts) in its write's transaction; assignments and @mentions come from
// record events (notifications.producers.ts), task reminders from the mail module.
export default defineModule({
  name: 'notifications',
  dir: import.meta.dirname,
  routes,
  references: [{ object: ANY_OBJECT, ref: { table: 'notifications', column: 'record_id', objectColumn: 'object' } }],
});
