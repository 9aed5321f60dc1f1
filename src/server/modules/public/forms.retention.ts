import { sql } from 'kysely';
import { count, days, registerRetentionStep } from '../../jobs/retention.ts';

// A submission's raw payload is kept `form_submissions_days` (retention settings); the contact,
// account and task it made are records and stay.
registerRetentionStep('public_form_submissions', (db, p) =>
  count(db, sql`DELETE FROM public_form_submissions WHERE created_at < ${days(p.form_submissions_days)}`));
