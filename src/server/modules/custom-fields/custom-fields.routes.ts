import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook.ts';
import { doc, idParam, parse } from '../../http/validate.ts';
import { can, requireCan } from '../../core/access.ts';
import { readable } from '../../core/redact.ts';
import { writeAudit } from '../../core/audit.ts';
import { notFound } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { allFields, invalidateFields } from '../../records/fields.ts';
import { CUSTOM_FIELD_TYPES, CUSTOM_PREFIX, SEARCHABLE_FIELD_TYPES } from '../../../shared/fields.ts';
import { enqueueReindex } from '../search/reindex.ts';
import { AppError } from '../../http/errors.ts';

const Labels = z.partialRecord(z.enum(["en", "zh-CN", "zh-TW"]), z.string().max(200));
const Option = z.object({ value: z.string().trim().min(1).max(100), label: z.string().max(200).optional(), labels: Labels.optional() });
const FieldBody = z.object({
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
const FieldPatch = FieldBody.pick({ label: true, labels: true, options: true, required: true, position: true, searchable: true }).partial().strict();

function notSearchable(type: string) {
  return new AppError('validation_failed', `A ${type} field cannot be searchable`, [
    { field: 'searchable', message: `Only ${SEARCHABLE_FIELD_TYPES.join(', ')} fields can be searchable` },
  ]);
}

const INDEXED = new Set(['text', 'number', 'money', 'date', 'boolean', 'select', 'link']);

function indexName(object: string, key: string) {
  return `${object}_${key}_idx`.slice(0, 63);
}

export default async function customFieldsRoutes(app: FastifyInstance) {
  app.get('/custom-fields', { schema: { tags: ['custom-fields'] } }, async (req) => {
    const actor = actorOf(req);
    const { object } = req.query as { object?: string };
    let q = app.db.selectFrom('custom_fields').selectAll().orderBy('object').orderBy('position').orderBy('id').limit(1000);
    if (object) q = q.where('object', '=', object);
    const rows = await q.execute();
    // Administrators manage every field; others learn only of the fields they may read.
    return { data: can(actor, 'admin') ? rows : rows.filter((r) => readable(actor, r.object, r.key)), next_cursor: null };
  });

  app.post('/custom-fields', { schema: { tags: ['custom-fields'], body: doc(FieldBody) } }, async (req, reply) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const body = parse(FieldBody, req.body);
    const def = getObject(body.object);
    const key = body.key.startsWith(CUSTOM_PREFIX) ? body.key : CUSTOM_PREFIX + body.key;
    if ((body.type === 'select' || body.type === 'multiselect') && !body.options?.length) {
      throw new AppError('validation_failed', 'A select field needs options', [{ field: 'options', message: 'Add at least one option' }]);
    }
    if (body.type === 'link') getObject(body.link ?? '');
    if (body.searchable && !(SEARCHABLE_FIELD_TYPES as readonly string[]).includes(body.type)) throw notSearchable(body.type);
    if (body.searchable && !def.search) throw new AppError('validation_failed', `${def.name} has no search`, [{ field: 'searchable', message: 'This object is not searched' }]);
    if ((await allFields(app.db, def)).some((f) => f.key === key)) throw new AppError('conflict', `The field ${key} exists already`, [{ field: 'key', message: 'Already used' }]);
    const row = await app.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('custom_fields')
        .values({
          object: body.object, key, label: body.label, labels: JSON.stringify(body.labels ?? {}), type: body.type,
          options: JSON.stringify(body.options ?? []), required: body.required ?? false, link: body.link ?? null, position: body.position ?? 0,
          searchable: body.searchable ?? false,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (INDEXED.has(body.type)) {
        // Custom fields filter and sort like columns, so they get an index like columns.
        const expr = body.type === 'number' || body.type === 'money' ? sql`((custom ->> ${sql.lit(key)})::numeric)` : sql`((custom ->> ${sql.lit(key)}))`;
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(indexName(def.name, key))} ON ${sql.table(def.name)} (${expr}, id)`.execute(trx);
      }
      await writeAudit(trx, { actorId: actor.id, action: 'create', object: 'custom_fields', recordId: created.id, changes: { ...body, key } });
      return created;
    });
    invalidateFields(body.object);
    reply.status(201);
    return { data: row };
  });

  app.patch('/custom-fields/:id', { schema: { tags: ['custom-fields'], body: doc(FieldPatch) } }, async (req) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const { id } = parse(idParam, req.params);
    const body = parse(FieldPatch, req.body);
    if (!Object.keys(body).length) throw new AppError('validation_failed', 'Nothing to change', [{ field: '(body)', message: 'Give label, labels, options, required or position', code: 'required' }]);
    const set: Record<string, unknown> = { ...body };
    if (body.labels) set.labels = JSON.stringify(body.labels);
    if (body.options) set.options = JSON.stringify(body.options);
    const row = await app.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('custom_fields').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw notFound('Custom field');
      if (body.searchable && !(SEARCHABLE_FIELD_TYPES as readonly string[]).includes(before.type)) throw notSearchable(before.type);
      if (body.searchable && !getObject(before.object).search) throw notSearchable(before.type);
      const r = await trx.updateTable('custom_fields').set(set).where('id', '=', id).returningAll().executeTakeFirst();
      if (!r) throw notFound('Custom field');
      // Existing values enter (or leave) the search documents through the reindex job.
      if (body.searchable !== undefined && body.searchable !== before.searchable) await enqueueReindex(trx, r.object);
      await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'custom_fields', recordId: id, changes: body });
      return r;
    });
    invalidateFields(row.object);
    return { data: row };
  });

  app.delete('/custom-fields/:id', { schema: { tags: ['custom-fields'] } }, async (req, reply) => {
    const actor = actorOf(req);
    requireCan(actor, 'admin');
    const { id } = parse(idParam, req.params);
    const f = await app.db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom('custom_fields').where('id', '=', id).returningAll().executeTakeFirst();
      if (!r) throw notFound('Custom field');
      await sql`DROP INDEX IF EXISTS ${sql.id(indexName(r.object, r.key))}`.execute(trx);
      await sql`UPDATE ${sql.table(r.object)} SET custom = custom - ${r.key}::text WHERE custom ? ${r.key}`.execute(trx);
      if (r.searchable) await enqueueReindex(trx, r.object);
      await writeAudit(trx, { actorId: actor.id, action: 'delete', object: 'custom_fields', recordId: id, changes: r });
      return r;
    });
    invalidateFields(f.object);
    reply.status(204).send();
  });
}
