import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can, type Actor } from '../../core/access.ts';
import { readable } from '../../core/redact.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { allFields, invalidateFields } from '../../records/fields.ts';
import { CUSTOM_FIELD_TYPES, CUSTOM_PREFIX, SEARCHABLE_FIELD_TYPES } from '../../../shared/fields.ts';
import { enqueueReindex } from '../search/reindex.ts';
import * as repo from './custom-fields.repo.ts';

const Labels = z.partialRecord(z.enum(["en", "zh-CN", "zh-TW"]), z.string().max(200));
const Option = z.object({ value: z.string().trim().min(1).max(100), label: z.string().max(200).optional(), labels: Labels.optional() });
export const FieldBody = z.object({
  object: z.string().min(1).max(50),
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,40}$/, 'Lowercase letters, digits and _; starts with a letter'),
  label: z.string().trim().min(1).max(200),
  labels: Labels.optional(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(Option).max(500).optional(),
  required: z.boolean().optional(),
  link: z.string().max(50).optional(),
  position: z.number().int().optional(),
  searchable: z.boolean().optional(),
});
// Strict: a key that cannot change (type, key, object) is named in the error, not dropped silently.
export const FieldPatch = FieldBody.pick({ label: true, labels: true, options: true, required: true, position: true, searchable: true }).partial().strict();

function notSearchable(type: string) {
  return new AppError('validation_failed', `A ${type} field cannot be searchable`, [
    { field: 'searchable', message: `Only ${SEARCHABLE_FIELD_TYPES.join(', ')} fields can be searchable`, code: 'not_searchable_type' },
  ]);
}


/** Administrators manage every field; others learn only of the fields they may read. */
export async function listFields(db: Kysely<DB>, actor: Actor, object: string | undefined) {
  const rows = await repo.selectFields(db, object);
  return can(actor, 'admin') ? rows : rows.filter((r) => readable(actor, r.object, r.key));
}

export async function createField(db: Kysely<DB>, actor: Actor, body: z.infer<typeof FieldBody>) {
  const def = getObject(body.object);
  const key = body.key.startsWith(CUSTOM_PREFIX) ? body.key : CUSTOM_PREFIX + body.key;
  if ((body.type === 'select' || body.type === 'multiselect') && !body.options?.length) {
    throw new AppError('validation_failed', 'A select field needs options', [{ field: 'options', message: 'Add at least one option', code: 'options_required' }]);
  }
  if (body.type === 'link') getObject(body.link ?? '');
  if (body.searchable && !(SEARCHABLE_FIELD_TYPES as readonly string[]).includes(body.type)) throw notSearchable(body.type);
  if (body.searchable && !def.search) throw new AppError('validation_failed', `${def.name} has no search`, [{ field: 'searchable', message: 'This object is not searched', code: 'object_not_searched' }]);
  if ((await allFields(db, def)).some((f) => f.key === key)) throw new AppError('conflict', `The field ${key} exists already`, [{ field: 'key', message: 'Already used', code: 'already_used' }]);
  const row = await db.transaction().execute(async (trx) => {
    const created = await repo.insertField(trx, {
      object: body.object, key, label: body.label, labels: JSON.stringify(body.labels ?? {}), type: body.type,
      options: JSON.stringify(body.options ?? []), required: body.required ?? false, link: body.link ?? null, position: body.position ?? 0,
      searchable: body.searchable ?? false,
    });
    await repo.createFieldIndexFor(trx, def.name, key, body.type);
    await writeAudit(trx, { actorId: actor.id, action: 'create', object: 'custom_fields', recordId: created.id, changes: { ...body, key } });
    return created;
  });
  invalidateFields(body.object);
  return row;
}

export async function updateField(db: Kysely<DB>, actor: Actor, id: number, body: z.infer<typeof FieldPatch>) {
  if (!Object.keys(body).length) throw new AppError('validation_failed', 'Nothing to change', [{ field: '(body)', message: 'Give label, labels, options, required or position', code: 'required' }]);
  const set: Record<string, unknown> = { ...body };
  if (body.labels) set.labels = JSON.stringify(body.labels);
  if (body.options) set.options = JSON.stringify(body.options);
  const row = await db.transaction().execute(async (trx) => {
    const before = await repo.selectFieldForUpdate(trx, id);
    if (!before) throw notFound('Custom field');
    if (body.searchable && !(SEARCHABLE_FIELD_TYPES as readonly string[]).includes(before.type)) throw notSearchable(before.type);
    if (body.searchable && !getObject(before.object).search) throw notSearchable(before.type);
    const r = await repo.updateFieldRow(trx, id, set);
    if (!r) throw notFound('Custom field');
    // Existing values enter (or leave) the search documents through the reindex job.
    if (body.searchable !== undefined && body.searchable !== before.searchable) await enqueueReindex(trx, r.object);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'custom_fields', recordId: id, changes: body });
    return r;
  });
  invalidateFields(row.object);
  return row;
}

export async function deleteField(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  const f = await db.transaction().execute(async (trx) => {
    const r = await repo.deleteFieldRow(trx, id);
    if (!r) throw notFound('Custom field');
    await repo.dropFieldData(trx, r.object, r.key);
    if (r.searchable) await enqueueReindex(trx, r.object);
    await writeAudit(trx, { actorId: actor.id, action: 'delete', object: 'custom_fields', recordId: id, changes: r });
    return r;
  });
  invalidateFields(f.object);
}
