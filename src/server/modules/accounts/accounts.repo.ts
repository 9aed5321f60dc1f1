import type { Tx } from '../../records/types.ts';

/** The contact links of one account (at most 1000: the people list of an account page). */
export const selectLinks = (db: Tx, accountId: number) =>
  db.selectFrom('account_contacts').select(['contact_id', 'role', 'is_primary']).where('account_id', '=', accountId).limit(1000).execute();
