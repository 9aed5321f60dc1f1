import { getObject, objectNames } from './registry.ts';

// What points at a record, so a merge can move it to the surviving record. Record objects
// need no list: every standard `link` field of every registered object is a reference to its
// target. Tables that are not record objects (a link table, the timeline's targets) are
// registered by the module that owns the table, with registerReference.
export interface Reference {
  table: string;
  column: string;
  /** Composite-key link tables: on conflict, the duplicate's row is dropped instead of moved. */
  uniqueWith?: string;
  /** Tables pointing at any object: the column naming the object; only rows naming the merged one move. */
  objectColumn?: string;
}

/** Registered for every object (a table whose rows may point at records of any object). */
export const ANY_OBJECT = '*';

const registered: { object: string; ref: Reference }[] = [];

export function registerReference(object: string, ref: Reference): void {
  const same = (r: Reference) => r.table === ref.table && r.column === ref.column;
  // Modules register at import time; a module imported twice must not move rows twice.
  if (registered.some((r) => r.object === object && same(r.ref))) return;
  registered.push({ object, ref });
}

/** Standard link fields of registered objects pointing at `object`, as [object, field key]. */
export function linksTo(object: string): { from: string; field: string }[] {
  return objectNames().flatMap((from) =>
    getObject(from).fields.filter((f) => f.type === 'link' && f.link === object).map((f) => ({ from, field: f.key })));
}

export function referencesTo(object: string): Reference[] {
  return [
    ...linksTo(object).map(({ from, field }): Reference => ({ table: from, column: field })),
    ...registered.filter((r) => r.object === object || r.object === ANY_OBJECT).map((r) => r.ref),
  ];
}
