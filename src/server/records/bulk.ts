import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { requireDo, requireSomeDelete, type Actor } from '../core/access.ts';
import { AppError } from '../http/errors.ts';
import { deleteRecord, updateRecord, type WriteOptions } from './service.ts';
import type { ObjectDef } from './types.ts';

export const BulkBody = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(500),
  action: z.enum(['update', 'delete']),
  values: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The same change to many records. Each record goes through the single-record write
 * (updateRecord / deleteRecord), so the same rights apply: visibility (a hidden record fails
 * like a missing one), field rules, the delete right. Each is checked and audited on its own,
 * so one failure (a record deleted meanwhile, not the caller's to change) does not stop the rest.
 */
export async function bulkRecords(db: Kysely<DB>, def: ObjectDef, actor: Actor, body: z.infer<typeof BulkBody>, opts: WriteOptions = {}) {
  if (body.action === 'update' && (!body.values || !Object.keys(body.values).length)) {
    throw new AppError('validation_failed', 'Nothing to change', [{ field: 'values', message: 'Give the fields to set', code: 'required' }]);
  }
  if (body.action === 'update' && body.values && 'version' in body.values) {
    // A version is a precondition on one record (PATCH), not a value to set on many.
    throw new AppError('validation_failed', 'Some fields are not valid', [{ field: 'values.version', message: 'Unknown field', code: 'unknown_field' }]);
  }
  // The action itself is checked once for the whole request (403, nothing changed); rights on
  // each record (visibility, own records) are per record below.
  if (body.action === 'delete') requireSomeDelete(actor, def);
  else requireDo(actor, def, 'update');
  let done = 0;
  const errors: { id: number; code: string; message: string; details?: unknown }[] = [];
  for (const id of [...new Set(body.ids)]) {
    try {
      if (body.action === 'delete') await deleteRecord(db, def, actor, id);
      else await updateRecord(db, def, actor, id, body.values, opts);
      done++;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      errors.push({ id, code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) });
    }
  }
  return { done, errors };
}
