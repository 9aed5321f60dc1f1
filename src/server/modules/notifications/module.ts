import { defineModule } from '../../core/modules.ts';
import { ANY_OBJECT } from '../../records/references.ts';
import { registerRetentionStep } from '../../jobs/retention.ts';
import routes from './notifications.routes.ts';
import { registerProducers } from './notifications.producers.ts';
import { deleteOldRead } from './notifications.repo.ts';
import './notifications.kinds.ts';

/** Read notifications are kept this long; unread ones stay until read. */
const READ_RETENTION_DAYS = 90;

registerRetentionStep('notifications', (db) => deleteOldRead(db, READ_RETENTION_DAYS));
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
