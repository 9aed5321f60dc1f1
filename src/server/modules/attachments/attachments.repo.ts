import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../records/types.ts';

/** The module's own table, typed here rather than in db/schema.ts (the module owns it). */
export type AttachmentsTable = {
  attachments: {
    id: import('kysely').Generated<number>;
    object: string;
    record_id: number;
    file_id: number;
    name: string;
    content_type: string;
    size: number;
    created_by: number | null;
    created_at: import('kysely').ColumnType<Date, Date | string | undefined, never>;
  };
};

export type AttachmentRow = { id: number; object: string; record_id: number; file_id: number; name: string; content_type: string; size: number; created_by: number | null; created_at: Date };

const typed = (db: Tx) => (db as Kysely<DB>).withTables<AttachmentsTable>();

export async function insertAttachment(db: Tx, v: Omit<AttachmentRow, 'id' | 'created_at'>): Promise<AttachmentRow> {
  const row = await typed(db).insertInto('attachments').values(v).returningAll().executeTakeFirstOrThrow();
  return norm(row);
}

export async function findAttachment(db: Tx, id: number): Promise<AttachmentRow | undefined> {
  const row = await typed(db).selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && norm(row);
}

/** One keyset page of a record's attachments, newest first, with the uploader's name. */
export async function selectAttachments(db: Tx, object: string, recordId: number, beforeId: number | null, limit: number) {
  let q = typed(db).selectFrom('attachments as a').leftJoin('users as u', 'u.id', 'a.created_by')
    .select(['a.id', 'a.name', 'a.content_type', 'a.size', 'a.created_at', 'a.created_by', 'u.name as created_by_name'])
    .where('a.object', '=', object).where('a.record_id', '=', recordId);
  if (beforeId !== null) q = q.where('a.id', '<', beforeId);
  const rows = await q.orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), size: Number(r.size), created_by: r.created_by === null ? null : Number(r.created_by) }));
}

export async function deleteAttachment(db: Tx, id: number): Promise<void> {
  await typed(db).deleteFrom('attachments').where('id', '=', id).execute();
}

/** A deleted record's attachments go with it (their files then go by retention). */
export async function deleteAttachmentsOf(db: Tx, object: string, ids: number[]): Promise<void> {
  await typed(db).deleteFrom('attachments').where('object', '=', object).where('record_id', 'in', ids).execute();
}

function norm(r: Record<string, any>): AttachmentRow {
  return { ...r, id: Number(r.id), record_id: Number(r.record_id), file_id: Number(r.file_id), size: Number(r.size), created_by: r.created_by === null ? null : Number(r.created_by) } as AttachmentRow;
}
