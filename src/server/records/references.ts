// Columns in other tables that point at a record object. Merging records moves every one of
// them to the surviving record, so a module adding a table that references contacts or
// accounts (orders, cases, campaign members...) registers its column here.
export interface Reference {
  table: string;
  column: string;
  /** Composite-key link tables: on conflict, the duplicate's row is dropped instead of moved. */
  uniqueWith?: string;
}

const refs = new Map<string, Reference[]>();

export function registerReference(object: string, ref: Reference): void {
  refs.set(object, [...(refs.get(object) ?? []), ref]);
}

export function referencesTo(object: string): Reference[] {
  return refs.get(object) ?? [];
}

registerReference('contacts', { table: 'activities', column: 'contact_id' });
registerReference('contacts', { table: 'tasks', column: 'contact_id' });
registerReference('contacts', { table: 'timeline_events', column: 'contact_id' });
registerReference('contacts', { table: 'account_contacts', column: 'contact_id', uniqueWith: 'account_id' });
registerReference('accounts', { table: 'contacts', column: 'account_id' });
registerReference('accounts', { table: 'accounts', column: 'parent_id' });
registerReference('accounts', { table: 'activities', column: 'account_id' });
registerReference('accounts', { table: 'tasks', column: 'account_id' });
registerReference('accounts', { table: 'timeline_events', column: 'account_id' });
registerReference('accounts', { table: 'account_contacts', column: 'account_id', uniqueWith: 'contact_id' });
