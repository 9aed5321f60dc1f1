import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FilterClause } from '../../shared/fields.ts';
import type { WidgetItem } from '../../shared/contracts/home.ts';
import type { ObjectDef, Row } from '../records/types.ts';
import { countRecords, type ListParams } from '../records/service.ts';
import { listRecords } from '../records/list.ts';
import type { Actor } from './access.ts';

// Helpers for widget loaders: every read goes through the record engine as the viewer, so a
// widget row is a record the viewer may list, with only the fields the viewer may read.

const text = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

/** A record row as a widget item; a hidden title or date answers null (the engine left it out). */
export function itemOf(def: ObjectDef, row: Row, atField?: string, tag?: string): WidgetItem {
  return { object: def.name, id: Number(row.id), title: text(row[def.titleField]), at: atField ? text(row[atField]) : undefined, ...(tag ? { tag } : {}) };
}

/** Up to `limit` visible records matching the list parameters, as widget items. */
export async function recordItems(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: ListParams & { limit: number }, atField?: string, tagOf?: (row: Row) => string | undefined): Promise<WidgetItem[]> {
  const page = await listRecords(db, def, actor, p);
  return page.data.map((row) => itemOf(def, row, atField, tagOf?.(row)));
}

/** How many visible records match (capped like every count, records/service.ts COUNT_CAP). */
export async function recordCount(db: Kysely<DB>, def: ObjectDef, actor: Actor, filters: FilterClause[], where?: unknown): Promise<number> {
  return (await countRecords(db, def, actor, { filters, where })).count;
}

/** A filter clause, shorter to write in widget definitions. */
export const clause = (field: string, op: FilterClause['op'], value: string): FilterClause => ({ field, op, value });
