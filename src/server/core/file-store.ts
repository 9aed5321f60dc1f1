import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

const CHUNK = 1024 * 1024;

/** Stores an upload in the database in 1 MB chunks, so any Guanxi process can read it later. */
export async function saveFile(db: Kysely<DB>, name: string, contentType: string | null, source: AsyncIterable<Buffer>, userId: number | null): Promise<{ id: number; size: number }> {
  const file = await db.insertInto('files').values({ name, content_type: contentType, created_by: userId }).returning('id').executeTakeFirstOrThrow();
  let seq = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (!pendingBytes) return;
    const data = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await db.insertInto('file_chunks').values({ file_id: file.id, seq: seq++, data }).execute();
  };
  try {
    for await (const part of source) {
      pending.push(part);
      pendingBytes += part.length;
      size += part.length;
      if (pendingBytes >= CHUNK) await flush();
    }
    await flush();
  } catch (e) {
    await db.deleteFrom('files').where('id', '=', file.id).execute();
    throw e;
  }
  await db.updateTable('files').set({ size }).where('id', '=', file.id).execute();
  return { id: file.id, size };
}

/** Streams a stored file back, one chunk in memory at a time (and one read ahead). */
export function readFile(db: Kysely<DB>, fileId: number): Readable {
  async function* chunks() {
    for (let seq = 0; ; seq++) {
      // base64 rather than bytea: PGlite hands bytea over as hex decoded in JavaScript (~70 ms
      // per MB); base64 is encoded by the server and decoded natively (~6 ms per MB).
      const row = await db.selectFrom('file_chunks').select(sql<string>`encode(data, 'base64')`.as('data')).where('file_id', '=', fileId).where('seq', '=', seq).executeTakeFirst();
      if (!row) return;
      yield Buffer.from(row.data, 'base64');
    }
  }
  return Readable.from(chunks(), { highWaterMark: 1 });
}
