import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { canWriteField, requireDo, requireSomeDelete, type Actor } from '../core/access.ts';
import { AppError, forbidden } from '../http/errors.ts';
import { whereParam } from './condition-shape.ts';
import { visibleFields } from './fields.ts';
import { parseFilters } from './query.ts';
import { deleteRecord, loadVisible, updateRecord, whereFor, type ListParams, type WriteOptions } from './service.ts';
import type { ObjectDef } from './types.ts';

/** At most this many records per "all matching" request: a larger change is a job for an import. */
export const MATCH_MAX = 5000;
const CHUNK = 200;
/** Failures listed one by one in the answer; `failed` counts them all. */
const ERRORS_SHOWN = 100;

export const BulkBody = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(500).optional(),
  /**
   * Instead of ids: every record matching the list's own query parameters (`filter[field][op]`,
   * `q`, `where`) that the caller may see, with the count the caller confirmed.
   */
  match: z.record(z.string(), z.string().max(20_000)).optional(),
  expected_count: z.number().int().min(0).optional(),
  action: z.enum(['update', 'delete', 'add_tags']),
  values: z.record(z.string(), z.unknown()).optional(),
  /** add_tags: tags added to each record's `tags`, the ones it has kept. */
  tags: z.array(z.string().trim().min(1).max(50)).min(1).max(20).optional(),
}).superRefine((b, ctx) => {
  if (!b.ids === !b.match) ctx.addIssue({ code: 'custom', path: ['ids'], message: 'Give either ids or match' });
  if (b.match && b.expected_count === undefined) ctx.addIssue({ code: 'custom', path: ['expected_count'], message: 'Confirm the count of matching records' });
  if (b.action === 'add_tags' && !b.tags) ctx.addIssue({ code: 'custom', path: ['tags'], message: 'Give the tags to add' });
});
export type BulkInput = z.infer<typeof BulkBody>;

type Failure = { id: number; code: string; message: string; details?: unknown };

function validate(def: ObjectDef, body: BulkInput): void {
  if (body.action === 'update' && (!body.values || !Object.keys(body.values).length)) {
    throw new AppError('validation_failed', 'Nothing to change', [{ field: 'values', message: 'Give the fields to set', code: 'required' }]);
  }
  if (body.action === 'update' && body.values && 'version' in body.values) {
    // A version is a precondition on one record (PATCH), not a value to set on many.
    throw new AppError('validation_failed', 'Some fields are not valid', [{ field: 'values.version', message: 'Unknown field', code: 'unknown_field' }]);
  }
  if (body.action === 'add_tags' && !def.fields.some((f) => f.key === 'tags' && f.type === 'tags')) {
    throw new AppError('validation_failed', 'Some fields are not valid', [{ field: 'tags', message: `${def.name} have no tags`, code: 'unknown_field' }]);
  }
}

/** The list's query parameters as the engine reads them (the same checks as GET /{object}). */
function matchParams(match: Record<string, string>): ListParams {
  return { filters: parseFilters(match), q: match.q, ...whereParam(match.where) };
}

/**
 * The same change to many records: the given ids, or every record matching a list query.
 * Each record goes through the single-record write (updateRecord / deleteRecord), so the same
 * rights apply: visibility (a hidden record fails like a missing one), field rules, validation,
 * the delete right, the audit entry. One failure does not stop the rest; each is reported.
 * "All matching" first counts the records the caller may see: when the count is not the one the
 * caller confirmed (records added or changed meanwhile) nothing is changed (409, the new count).
 */
export async function bulkRecords(db: Kysely<DB>, def: ObjectDef, actor: Actor, body: BulkInput, opts: WriteOptions = {}) {
  validate(def, body);
  // The action itself is checked once for the whole request (403, nothing changed); rights on
  // each record (visibility, own records) are per record below.
  if (body.action === 'delete') requireSomeDelete(actor, def);
  else requireDo(actor, def, 'update');
  let done = 0;
  const errors: Failure[] = [];
  const apply = async (id: number) => {
    try {
      if (body.action === 'delete') await deleteRecord(db, def, actor, id);
      else if (body.action === 'add_tags') await addTags(db, def, actor, id, body.tags!, opts);
      else await updateRecord(db, def, actor, id, body.values, opts);
      done++;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      errors.push({ id, code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) });
    }
  };
  if (body.ids) {
    for (const id of [...new Set(body.ids)]) await apply(id);
  } else {
    requireDo(actor, def, 'list');
    const where = await whereFor(db, def, await visibleFields(db, def, actor), actor, matchParams(body.match!));
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${sql.table(def.name)} WHERE ${where} LIMIT ${MATCH_MAX + 1}) x`.execute(db);
    const count = rows[0]?.n ?? 0;
    if (count > MATCH_MAX) throw new AppError('validation_failed', `At most ${MATCH_MAX} records at once`, [{ field: 'match', message: `More than ${MATCH_MAX} records match`, code: 'too_many' }]);
    if (count !== body.expected_count) throw new AppError('conflict', 'The matching records changed: confirm the new count', { reason: 'count_changed', count });
    // Ids a chunk at a time in id order: a record the change makes stop matching is not met again.
    let after = 0;
    for (;;) {
      const { rows: chunk } = await sql<{ id: number }>`SELECT id FROM ${sql.table(def.name)} WHERE ${where} AND id > ${after} ORDER BY id LIMIT ${CHUNK}`.execute(db);
      for (const r of chunk) await apply(Number(r.id));
      if (chunk.length < CHUNK) break;
      after = Number(chunk.at(-1)!.id);
    }
  }
  return { done, failed: errors.length, errors: errors.slice(0, ERRORS_SHOWN) };
}

/** The record's tags plus these (read as the caller: a record they may not see fails as not found). */
async function addTags(db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number, tags: string[], opts: WriteOptions) {
  const row = await loadVisible(db, def, actor, id);
  // Refused like a single write of the field would be, even when nothing would change.
  if (!canWriteField(actor, def.name, 'tags')) throw forbidden('Your role may not change tags');
  const have = Array.isArray(row.tags) ? (row.tags as string[]) : [];
  const next = [...new Set([...have, ...tags])];
  if (next.length === have.length) return;
  await updateRecord(db, def, actor, id, { tags: next }, opts);
}
