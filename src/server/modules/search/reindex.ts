import { sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { DB } from '../../db/schema.ts';
import { createJobQueue, type JobContext } from '../../jobs/queue.ts';
import { allFields } from '../../records/fields.ts';
import { getObject, objectNames } from '../../records/registry.ts';
import { searchColumns } from '../../records/search-sql.ts';
import { relatedValuesOf } from '../../records/search-related.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';

// Derived data (search documents, phone keys) is computed by the application, so when its
// rules change (normalisation, tokens, sections, phone region) stored rows must be rewritten.
// The reindex job does it in id order, a batch per transaction, and hands the rest on to a
// new job every CHUNK rows, so a crash or restart resumes where it stopped.

/**
 * Version of the derived data the code writes. Bump it when search documents or derived keys
 * change: the server then reindexes at start. A database without the setting is at version 2
 * (migration 011 marks older databases holding records as version 1).
 */
export const SEARCH_DOCUMENT_VERSION = 2;
const BASE_VERSION = 2;
const VERSION_KEY = 'search_document_version';
export const REINDEX_JOB = 'search.reindex';
/** Objects with a search document, in the order a full reindex rewrites them (registration order). */
const searched = (): string[] => objectNames().filter((n) => getObject(n).search);
const BATCH = 500;
const CHUNK = 20_000;
/** A linked record with at most this many dependants has them rewritten in its write's transaction (dependants.ts). */
export const INLINE_DEPENDANTS = 500;

export interface LinkFilter {
  field: string;
  id: number;
}

interface ReindexPayload {
  objects: string[];
  after_id?: number;
  /** Only the rows whose link field `link.field` is `link.id` (after a linked record changed). */
  link?: LinkFilter;
  /** Only the contacts of this account: jobs queued before `link` existed. */
  account_id?: number;
  /** A whole-database reindex: records the version when it ends. */
  full?: boolean;
}

export function registerSearchJobs(app: Pick<FastifyInstance, 'jobs' | 'db'>): void {
  app.jobs.register(REINDEX_JOB, (payload, ctx) => runReindex(app.db, payload as unknown as ReindexPayload, ctx));
}

/** `guanxi reindex`: queues a full reindex and runs every queued reindex job to the end, here. */
export async function reindexNow(db: Kysely<DB>): Promise<void> {
  const jobs = createJobQueue(db);
  registerSearchJobs({ jobs, db });
  await enqueueReindex(db, null);
  await jobs.drain();
}

/** Queues a reindex (unless the same one is already waiting) inside the caller's transaction. */
export async function enqueueReindex(db: Tx, object: string | null, link?: LinkFilter): Promise<void> {
  const payload: ReindexPayload = object ? { objects: [object], ...(link ? { link } : {}) } : { objects: searched(), full: true };
  const json = JSON.stringify(payload);
  const waiting = await sql<{ id: number }>`SELECT id FROM jobs WHERE name = ${REINDEX_JOB} AND status = 'queued' AND payload = ${json}::jsonb LIMIT 1`.execute(db);
  if (waiting.rows.length) return;
  await db.insertInto('jobs').values({ name: REINDEX_JOB, payload: json, run_at: new Date(), max_attempts: 5 }).execute();
}

export async function storedVersion(db: Tx): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
  return typeof row?.value === 'number' ? row.value : BASE_VERSION;
}

/** At start: queues a full reindex when stored documents are older than the code's. Returns whether it did. */
export async function reindexIfStale(db: Kysely<DB>): Promise<boolean> {
  if ((await storedVersion(db)) >= SEARCH_DOCUMENT_VERSION) return false;
  await enqueueReindex(db, null);
  return true;
}

/** Rewrites the rows of `def` linking to a record: now when they are few, else through a job. */
export async function reindexLinked(trx: Tx, def: ObjectDef, link: LinkFilter): Promise<void> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${sql.table(def.name)} WHERE ${sql.ref(link.field)} = ${link.id} LIMIT ${INLINE_DEPENDANTS + 1}) x`.execute(trx);
  if ((rows[0]?.n ?? 0) > INLINE_DEPENDANTS) return enqueueReindex(trx, def.name, link);
  let after = 0;
  while (after >= 0) after = await reindexBatch(trx, def, after, link);
}

async function runReindex(db: Kysely<DB>, p: ReindexPayload, ctx: JobContext): Promise<void> {
  let after = p.after_id ?? 0;
  let done = 0;
  for (let i = 0; i < p.objects.length; i++) {
    const def = getObject(p.objects[i]!);
    while (after >= 0) {
      if (done >= CHUNK) {
        // Hand the rest on: a restart resumes from here, not from the start.
        await enqueueRest(db, { ...p, objects: p.objects.slice(i), after_id: after });
        return;
      }
      const link = p.link ?? (p.account_id !== undefined ? { field: 'account_id', id: p.account_id } : undefined);
      after = await db.transaction().execute((trx) => reindexBatch(trx, def, after, link));
      done += BATCH;
      await ctx.heartbeat();
    }
    after = 0;
  }
  if (p.full) {
    const value = JSON.stringify(SEARCH_DOCUMENT_VERSION);
    await db.insertInto('settings').values({ key: VERSION_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() })).execute();
  }
}

async function enqueueRest(db: Kysely<DB>, payload: ReindexPayload): Promise<void> {
  await db.insertInto('jobs').values({ name: REINDEX_JOB, payload: JSON.stringify(payload), run_at: new Date(), max_attempts: 5 }).execute();
}

/**
 * Rewrites the derived columns of the next BATCH rows after `after` (locked, so a concurrent
 * edit waits and is not overwritten with stale data). Returns the last id, or -1 at the end.
 */
async function reindexBatch(trx: Tx, def: ObjectDef, after: number, link?: LinkFilter): Promise<number> {
  const only = link ? sql`AND ${sql.ref(link.field)} = ${link.id}` : sql``;
  const { rows } = await sql<Row>`SELECT * FROM ${sql.table(def.name)} WHERE id > ${after} ${only} ORDER BY id LIMIT ${BATCH} FOR UPDATE`.execute(trx);
  if (!rows.length) return -1;
  const fields = await allFields(trx as Kysely<DB>, def);
  const related = await relatedValuesOf(trx, def, rows);
  const values = rows.map((r) => ({ id: r.id, ...(def.derive?.(r) ?? {}), ...searchColumns(def, r, related(r), fields) }));
  // Every row sets every derived column: one a row's derive left out keeps its current value.
  const keys = [...new Set(values.flatMap((v) => Object.keys(v)))].filter((k) => k !== 'id');
  const json = values.map((v, i) => {
    const out: Row = { id: v.id };
    for (const k of keys) out[k] = k in v ? (v as Row)[k] : rows[i]![k];
    if (Array.isArray(out.search_tokens)) out.search_tokens = `{${out.search_tokens.join(',')}}`;
    return out;
  });
  const set = keys.map((k) => (k === 'search_tokens' ? sql`search_tokens = v.search_tokens::int4[]` : sql`${sql.id(k)} = v.${sql.id(k)}`));
  const columns = keys.map((k) => sql`${sql.id(k)} text`);
  await sql`UPDATE ${sql.table(def.name)} AS t SET ${sql.join(set)}
    FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS v(id int, ${sql.join(columns)})
    WHERE t.id = v.id`.execute(trx);
  return rows.length < BATCH ? -1 : rows[rows.length - 1]!.id;
}
