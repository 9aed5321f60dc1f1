import { sql } from 'kysely';
import { beforeInsertBatch, insertBatch } from '../../records/batch-write.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';
import { findMatches, type Match } from './match.ts';
import { updateMatched } from './update-rows.ts';
import { stageRefusal, withStageCheck } from './stage-rows.ts';
import { batchKeys, columnsFor, insertColumns, type BatchResult, type ImportPlan, type ImportState, type PreparedRow, type SkippedRow } from './pipeline.ts';

// The write of one batch of an import (see pipeline.ts for what comes before it).

/** What a key matched on (its identity key's label). */
function matchedOn(def: ObjectDef, key: string): string {
  const tag = key.slice(0, key.indexOf(':'));
  return def.import?.identity.find((i) => i.tag === tag)?.label ?? tag;
}

/** The first of `keys` matching a record, with what it matched on. */
function firstMatch(def: ObjectDef, keys: string[], found: Map<string, Match>): SkippedRow | null {
  for (const k of keys) {
    const m = found.get(k);
    if (m) return { line: 0, recordId: m.id, title: m.title, reason: `Same ${matchedOn(def, k)} as an existing record` };
  }
  return null;
}

/**
 * Writes one batch of prepared rows (inside the caller's transaction), whose links
 * `resolveBatch` has resolved: duplicate check among the records the importer may see, one
 * INSERT for the new records (with their account links), then, once `ready` (the previous
 * batch's commit) resolves, the audit entry, the records the skipped rows matched, and the
 * updates one by one (duplicate mode `update`). `created` learns the duplicate keys of the
 * records to be created as soon as the duplicate check has decided them. `dropped` are rows
 * the caller skipped already, as duplicates of records a batch in flight creates.
 */
export async function writeBatch(trx: Tx, plan: ImportPlan, rows: PreparedRow[], state: ImportState, importId: number, ready: Promise<void> = Promise.resolve(), created?: (keys: Set<string>) => void, dropped: PreparedRow[] = []): Promise<BatchResult> {
  const { def, actor } = plan;
  const result: BatchResult = { created: 0, updated: 0, skipped: 0, errors: [], skippedRows: [], events: [] };
  let createdIds: string | null = null;
  const existing = plan.duplicateMode === 'create' ? new Map<string, Match>() : await findMatches(trx, def, actor, batchKeys(rows));
  const inBatch = new Map<string, PreparedRow>();
  const inserts: PreparedRow[] = [];
  const updates = new Map<number, { values: Row; lines: number[] }>();
  // Skipped rows duplicating a record a batch before this one creates: found once it is written.
  const later: PreparedRow[] = [...dropped];
  // Skipped rows duplicating a row of this batch: the record is known once inserted.
  const sameBatch: { line: number; of: PreparedRow; key: string }[] = [];
  for (const r of rows) {
    const keys = r.keys ?? [];
    let pending: PreparedRow | undefined;
    let key = '';
    for (const k of keys) if ((pending = inBatch.get(k))) {
      key = k;
      break;
    }
    const match = pending ? null : firstMatch(def, keys, existing);
    if (match || pending) {
      if (plan.duplicateMode === 'skip') {
        if (match) result.skippedRows.push({ ...match, line: r.line });
        else sameBatch.push({ line: r.line, of: pending!, key });
        continue;
      }
      if (pending) {
        // A later row of the same batch completes the pending insert: its columns are recomputed.
        pending.values = { ...pending.values, ...r.values };
        if (r.createName) {
          pending.createName = r.createName;
          pending.createId = r.createId;
        }
        pending.insert = undefined;
      } else {
        const values: Row = { ...(r.update ?? {}) };
        const field = def.import?.createMissingLink?.field;
        if (r.createId !== undefined && field) values[field] = r.createId;
        const u = updates.get(match!.recordId!) ?? { values: {}, lines: [] };
        u.values = { ...u.values, ...values };
        u.lines.push(r.line);
        updates.set(match!.recordId!, u);
        continue;
      }
      // Counted as an update of the record the earlier row creates: every row is counted once.
      result.updated++;
      continue;
    }
    inserts.push(r);
    for (const k of keys) inBatch.set(k, r);
  }
  // A new record in a stage it may not enter yet fails on its own line (records/stages.ts).
  for (let i = inserts.length - 1; i >= 0; i--) {
    const reason = stageRefusal(def, inserts[i]!.values);
    if (reason) result.errors.push({ line: inserts[i]!.line, reason });
    if (reason) inserts.splice(i, 1);
  }
  created?.(batchKeys(inserts));
  if (inserts.length) {
    const field = def.import?.createMissingLink?.field;
    // The object's before hook sees the new records' values; a row it changes is computed again.
    const again = new Set(await beforeInsertBatch(trx, def, actor, inserts.map((r) => r.values)));
    const prepared = inserts.map((r, i) => {
      if (!r.insert || again.has(i)) r.insert = insertColumns(plan, state, r.values, r.createName);
      const row = { ...r.insert };
      if (r.createId !== undefined && field) row[field] = String(r.createId);
      if (plan.duplicateMode !== 'update') r.values = {};
      return row;
    });
    // One INSERT, then the object's after hook for the batch (a contact's primary account link).
    const { ids } = await insertBatch(trx, def, actor, await columnsFor(trx, state, def.name), prepared, { asText: true });
    result.created = ids.length;
    createdIds = JSON.stringify(ids);
  }
  // The audit entry (and any update) after the batch before this one has committed: the audit
  // log lists an import's batches in file order.
  await ready;
  if (createdIds) {
    await sql`INSERT INTO audit_log (actor_id, action, object, record_id, changes)
      VALUES (${actor.id}, 'import', ${def.name}, NULL, jsonb_build_object('import_id', ${importId}::bigint, 'created_ids', ${createdIds}::jsonb))`.execute(trx);
    // One event for all the batch's new records: it shares the batch's one outbox row.
    if (result.created) result.events.push({ type: 'imported', object: def.name, id: importId, actorId: actor.id, record: { created_ids: JSON.parse(createdIds) } });
  }
  if (later.length) {
    // The batches before this one have committed and this one's inserts are written: the
    // records these rows duplicate are found like any other (if the importer may see them).
    const found = await findMatches(trx, def, actor, batchKeys(later));
    for (const r of later) {
      const m = firstMatch(def, r.keys ?? [], found);
      result.skippedRows.push(m ? { ...m, line: r.line } : { line: r.line, recordId: null, title: null, reason: 'Same as an earlier row of the file' });
    }
  }
  if (sameBatch.length) {
    // One INSERT numbers its rows from the sequence in the order given: the ids in ascending
    // order are the inserts' in order.
    const ids = JSON.parse(createdIds ?? '[]') as number[];
    const index = new Map(inserts.map((r, i) => [r, i]));
    for (const s of sameBatch) {
      const title = s.of.insert?.[def.titleField] ?? s.of.values[def.titleField] ?? null;
      result.skippedRows.push({ line: s.line, recordId: ids[index.get(s.of)!] ?? null, title, reason: `Same ${matchedOn(def, s.key)} as line ${s.of.line}` });
    }
    result.skippedRows.sort((a, b) => a.line - b.line);
  }
  result.skipped = result.skippedRows.length;
  for (const [id, u] of updates) {
    const event = await withStageCheck(trx, def, () => updateMatched(trx, def, plan.fields, actor, id, u.values));
    if (typeof event === 'string') for (const line of u.lines) result.errors.push({ line, reason: event });
    else if (event) {
      result.updated += u.lines.length;
      result.events.push(event);
    } else for (const line of u.lines) result.errors.push({ line, reason: 'The matching record was deleted or changed owner during the import' });
  }
  return result;
}
