import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canDo, requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { readFile, saveFile } from '../../core/file-store.ts';
import { emitTimeline } from '../../core/timeline.ts';
import { notFound } from '../../http/errors.ts';
import { decodeCursor } from '../../records/query.ts';
import { pageOf } from '../../records/page.ts';
import { findObject } from '../../records/registry.ts';
import { assertVisible } from '../../records/service.ts';
import type { ObjectDef } from '../../records/types.ts';
import { deleteAttachment, findAttachment, insertAttachment, selectAttachments, type AttachmentRow } from './attachments.repo.ts';

/** What an upload brings once it has been received and checked (attachments.routes.ts). */
export interface ReceivedFile {
  name: string;
  contentType: string;
  path: string;
  size: number;
}

const present = (a: { id: number; name: string; content_type: string; size: number; created_at: Date; created_by: number | null; created_by_name?: string | null }) => ({
  id: a.id, name: a.name, content_type: a.content_type, size: a.size, created_at: a.created_at,
  created_by: a.created_by === null ? null : { id: a.created_by, name: a.created_by_name ?? null },
});

/** Writing needs update on the object (checked before the upload is read) — then the record must be visible. */
export function requireAttachRight(actor: Actor, def: ObjectDef): void {
  requireDo(actor, def, 'update');
}

export async function listAttachments(db: Kysely<DB>, def: ObjectDef, actor: Actor, recordId: number, q: { limit?: number; cursor?: string }) {
  requireDo(actor, def, 'read');
  await assertVisible(db, def, actor, recordId);
  const limit = q.limit ?? 50;
  const before = q.cursor ? decodeCursor(q.cursor)[1] : null;
  const rows = await selectAttachments(db, def.name, recordId, before, limit + 1);
  const page = pageOf(rows, limit, (last) => [last.id, last.id]);
  return { ...page, data: page.data.map(present) };
}

/** Checks the record again (it may have gone while the file arrived), stores the file, then the row, audit and timeline in one transaction. */
export async function attachFile(db: Kysely<DB>, def: ObjectDef, actor: Actor, recordId: number, file: ReceivedFile) {
  requireAttachRight(actor, def);
  await assertVisible(db, def, actor, recordId);
  const stored = await saveFile(db, file.name, file.contentType, fs.createReadStream(file.path), actor.id);
  try {
    const row = await db.transaction().execute(async (trx) => {
      await assertVisible(trx, def, actor, recordId);
      const a = await insertAttachment(trx, { object: def.name, record_id: recordId, file_id: stored.id, name: file.name, content_type: file.contentType, size: stored.size, created_by: actor.id });
      await writeAudit(trx, { actorId: actor.id, action: 'attach', object: def.name, recordId, changes: { attachment_id: a.id, file: a.name, size: a.size } });
      // On the record's own timeline only: an event there shows to whoever sees the record,
      // as the attachment does (a linked record's timeline may be seen by people who may not).
      await emitTimeline(trx, { occurredAt: new Date(), kind: 'file_attached', title: a.name, targets: [{ object: def.name, id: recordId }], actorId: actor.id });
      return a;
    });
    return present({ ...row, created_by_name: actor.name });
  } catch (e) {
    await db.deleteFrom('files').where('id', '=', stored.id).execute();
    throw e;
  }
}

/**
 * An attachment with its record's object, when the actor may see that record; otherwise
 * not_found, exactly as for an id that does not exist (attachment ids are not per object).
 */
async function visibleAttachment(db: Kysely<DB>, actor: Actor, id: number): Promise<{ a: AttachmentRow; def: ObjectDef }> {
  const a = Number.isSafeInteger(id) && id > 0 ? await findAttachment(db, id) : undefined;
  const def = a ? findObject(a.object) : undefined;
  if (!a || !def?.attachments || !canDo(actor, def, 'read')) throw notFound('attachment');
  try {
    await assertVisible(db, def, actor, a.record_id);
  } catch {
    throw notFound('attachment');
  }
  return { a, def };
}

export async function downloadAttachment(db: Kysely<DB>, actor: Actor, id: number): Promise<{ name: string; contentType: string; size: number; stream: Readable }> {
  const { a } = await visibleAttachment(db, actor, id);
  return { name: a.name, contentType: a.content_type, size: a.size, stream: readFile(db, a.file_id) };
}

/** Removes the attachment (its file goes by retention, jobs/retention.ts). */
export async function removeAttachment(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  const { a, def } = await visibleAttachment(db, actor, id);
  requireAttachRight(actor, def);
  await db.transaction().execute(async (trx) => {
    await deleteAttachment(trx, a.id);
    await writeAudit(trx, { actorId: actor.id, action: 'detach', object: def.name, recordId: a.record_id, changes: { attachment_id: a.id, file: a.name, size: a.size } });
  });
}
