import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { countRecords, loadVisible, type ListParams } from '../../records/service.ts';
import { registerRelatedCount } from '../../records/related-counts.ts';
import { listRecords } from '../../records/list.ts';
import { selectLinks } from './accounts.repo.ts';
import { contactsObject } from '../contacts/contacts.object.ts';
import { accountsObject } from './accounts.object.ts';

/** The people at an account the actor may see (primary or not), as a contacts list with the link's role. */
export async function accountContacts(db: Kysely<DB>, actor: Actor, id: number, p: ListParams) {
  requireDo(actor, accountsObject, 'read');
  await loadVisible(db, accountsObject, actor, id);
  const links = await selectLinks(db, id);
  const ids = links.map((l) => l.contact_id);
  if (!ids.length) return { data: [], next_cursor: null };
  const page = await listRecords(db, contactsObject, actor, { ...p, filters: [...(p.filters ?? []), { field: 'id', op: 'in', value: ids.join(',') }] });
  const byId = new Map(links.map((l) => [l.contact_id, l]));
  return { ...page, data: page.data.map((c) => ({ ...c, account_role: byId.get(c.id as number)?.role ?? null, is_primary: byId.get(c.id as number)?.is_primary ?? false })) };
}

// The people tab of an account page counts what accountContacts lists: every linked contact the
// actor may see, primary or not (a count by contacts.account_id would miss the secondary links).
registerRelatedCount('accounts', { object: 'contacts', field: 'account_id' }, async (db, actor, id) => {
  const ids = (await selectLinks(db, id)).map((l) => l.contact_id);
  if (!ids.length) return { count: 0, capped: false };
  return countRecords(db, contactsObject, actor, { filters: [{ field: 'id', op: 'in', value: ids.join(',') }] });
});
