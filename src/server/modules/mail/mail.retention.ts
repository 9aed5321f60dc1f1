import { sql } from 'kysely';
import { count, days, registerRetentionStep } from '../../jobs/retention.ts';

// Outgoing mail is kept as sent (body, recipient, opens) for `mail_days` (retention settings),
// then goes; queued mail never does. A reply to a message gone by then starts a new thread.
registerRetentionStep('mail_outbox', (db, p) => count(db, sql`DELETE FROM mail_outbox
  WHERE status IN ('sent', 'failed', 'skipped') AND coalesce(sent_at, created_at) < ${days(p.mail_days)}`));
