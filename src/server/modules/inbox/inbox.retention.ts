import { sql } from 'kysely';
import { count, days, registerRetentionStep } from '../../jobs/retention.ts';

// Incoming mail matched to a contact or an account is the organisation's correspondence and
// stays. Mail matched to nobody (or no longer: its contact was deleted) goes after `mail_days`
// (retention settings), with its attachment rows (their files go at the next pass, unused),
// and so do threads left without messages.
registerRetentionStep('mail_messages', async (db, p) => {
  const messages = await count(db, sql`DELETE FROM mail_messages m
    WHERE m.contact_id IS NULL AND m.account_id IS NULL AND m.received_at < ${days(p.mail_days)}
      AND NOT EXISTS (SELECT 1 FROM mail_message_contacts c WHERE c.message_id = m.id)`);
  const threads = await count(db, sql`DELETE FROM mail_threads t
    WHERE t.last_message_at < ${days(p.mail_days)} AND NOT EXISTS (SELECT 1 FROM mail_messages m WHERE m.thread_id = t.id)`);
  return messages + threads;
});
