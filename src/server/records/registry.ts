import type { ObjectDef } from './types.ts';
import { notFound } from '../http/errors.ts';

// Every module that owns a record object registers its definition here at import time, so
// custom fields, saved views, imports, exports and the metadata endpoint can serve it.
const objects = new Map<string, ObjectDef>();

export function registerObject(def: ObjectDef): ObjectDef {
  objects.set(def.name, def);
  return def;
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
