import type { ObjectDef } from './types.ts';
import { notFound } from '../http/errors.ts';

// Every module that owns a record object registers its definition here at import time, so
// custom fields, saved views, imports, exports and the metadata endpoint can serve it.
const objects = new Map<string, ObjectDef>();

export function registerObject(def: ObjectDef): ObjectDef {
  checkRelations(def);
  objects.set(def.name, def);
  return def;
}

/** A module author's slip (a timeline target or delete rule on a field that is not a link) fails at start. */
function checkRelations(def: ObjectDef): void {
  const isLink = (key: string) => def.fields.some((f) => f.key === key && f.type === 'link' && f.link);
  for (const key of def.timeline?.targets ?? []) if (!isLink(key)) throw new Error(`${def.name}: timeline target ${key} is not a link field`);
  for (const f of def.fields) {
    if ((f.onDelete || f.keepIfLinked) && !isLink(f.key)) throw new Error(`${def.name}: ${f.key} has a delete rule but is not a link field`);
    for (const k of f.keepIfLinked ?? []) if (!isLink(k)) throw new Error(`${def.name}: keepIfLinked ${k} is not a link field`);
  }
  // A document number is the engine's to write: clients and imports must not set it.
  const n = def.numbering;
  if (n && !def.fields.some((f) => f.key === n.field && f.type === 'text' && f.system)) throw new Error(`${def.name}: numbering field ${n.field} is not a system text field`);
}

export function getObject(name: string): ObjectDef {
  const def = objects.get(name);
  if (!def) throw notFound(`Object ${name}`);
  return def;
}

/** The object of that name, or undefined (callers that answer for unknown names themselves). */
export function findObject(name: string): ObjectDef | undefined {
  return objects.get(name);
}

export function objectNames(): string[] {
  return [...objects.keys()];
}

/** Objects whose timeline refs point at `singular` (e.g. 'contact' → contacts). */
export function objectBySingular(singular: string): ObjectDef | undefined {
  for (const def of objects.values()) if (def.singular === singular) return def;
  return undefined;
}

/** Objects whose records have a timeline: some object's `timeline.targets` links to them. */
export function hasTimeline(object: string): boolean {
  return objectNames().some((name) => {
    const def = getObject(name);
    return (def.timeline?.targets ?? []).some((k) => def.fields.find((f) => f.key === k)?.link === object);
  });
}
