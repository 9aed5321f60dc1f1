import { sql } from 'kysely';
import type { Tx } from '../records/types.ts';

/**
 * What a deleted contact or account leaves on timelines. A contact's activities and tasks
 * go with it (cascade), so do its events. An account's activities and tasks that belong to a
 * contact stay on the contact's timeline; those of the account alone go with it.
 */
export async function forgetTimelineOf(db: Tx, column: 'contact_id' | 'account_id', id: number): Promise<void> {
  if (column === 'contact_id') {
    await sql`DELETE FROM timeline_events WHERE contact_id = ${id}`.execute(db);
    return;
  }
  await sql`DELETE FROM activities WHERE account_id = ${id} AND contact_id IS NULL`.execute(db);
  await sql`DELETE FROM tasks WHERE account_id = ${id} AND contact_id IS NULL`.execute(db);
  await sql`DELETE FROM timeline_events WHERE account_id = ${id} AND contact_id IS NULL`.execute(db);
  await sql`UPDATE timeline_events SET account_id = NULL WHERE account_id = ${id}`.execute(db);
}
