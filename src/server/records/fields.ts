import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FieldMeta, FieldOption, FieldType } from '../../shared/fields.ts';
import type { ObjectDef } from './types.ts';
import { canDo, canReadField, canWriteField, type Actor } from '../core/access.ts';

export interface ResolvedField extends FieldMeta {
  max?: number;
  system: boolean;
}

interface CacheEntry {
  at: number;
  fields: ResolvedField[];
}

// Custom fields change rarely and are read on every request: cache them per process for a
// few seconds (other processes pick up a change within TTL; this one at once).
const TTL_MS = 5_000;
const cache = new Map<string, CacheEntry>();

export function invalidateFields(object?: string): void {
  if (object) cache.delete(object);
  else cache.clear();
}

/** The fields of an object as last loaded by this process (none yet: []), for synchronous callers. */
export function loadedFields(object: string): ResolvedField[] {
  return cache.get(object)?.fields ?? [];
}

/** Every field of an object, standard then custom, regardless of who asks. */
export async function allFields(db: Kysely<DB>, def: ObjectDef): Promise<ResolvedField[]> {
  const hit = cache.get(def.name);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.fields;
  const custom = await db.selectFrom('custom_fields').selectAll().where('object', '=', def.name).orderBy('position').orderBy('id').execute();
  const fields: ResolvedField[] = [
    ...def.fields.map((f) => ({
      key: f.key,
      type: f.type,
      custom: false,
      required: Boolean(f.required),
      options: f.options,
      link: f.link,
      readonly: Boolean(f.system),
      system: Boolean(f.system),
      sortable: f.sortable ?? !['longtext', 'tags', 'multiselect'].includes(f.type),
      filterable: f.filterable ?? true,
      max: f.max,
    })),
    ...custom.map((c) => ({
      key: c.key,
      type: c.type as FieldType,
      custom: true,
      required: c.required,
      label: c.label,
      labels: c.labels as Record<string, string>,
      options: c.options as FieldOption[],
      link: c.link ?? undefined,
      readonly: false,
      system: false,
      searchable: Boolean(c.searchable),
      sortable: !['longtext', 'multiselect'].includes(c.type),
      filterable: true,
    })),
  ];
  cache.set(def.name, { at: Date.now(), fields });
  return fields;
}

// The visible fields per field list and role rules: the same array for every request of a
// role (a new one when the fields or the rules change), so per-list work can be cached on it.
const visibleCache = new WeakMap<ResolvedField[], Map<string, ResolvedField[]>>();

/** The fields the actor may read, marked readonly where the actor may not write them. */
export async function visibleFields(db: Kysely<DB>, def: ObjectDef, actor: Actor): Promise<ResolvedField[]> {
  const fields = await allFields(db, def);
  const key = `${canDo(actor, def, 'create') || canDo(actor, def, 'update')}|${JSON.stringify(actor.permissions.field_rules?.[def.name] ?? null)}`;
  let byRules = visibleCache.get(fields);
  if (!byRules) visibleCache.set(fields, (byRules = new Map()));
  let visible = byRules.get(key);
  if (!visible) {
    visible = fields
      .filter((f) => canReadField(actor, def.name, f.key))
      .map((f) => (f.readonly || canWriteField(actor, def.name, f.key) ? f : { ...f, readonly: true }));
    byRules.set(key, visible);
  }
  return visible;
}

/** Every record's id, filterable and sortable like a number field (it is no field of the definitions). */
export const ID_FIELD: ResolvedField = { key: 'id', type: 'number', custom: false, required: false, readonly: true, system: true, sortable: true, filterable: true };

export function toMeta(f: ResolvedField): FieldMeta {
  const { max: _max, system: _system, ...meta } = f;
  return meta;
}
