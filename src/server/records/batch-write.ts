import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../core/access.ts';
import { bulkInsertSql, type TableColumns } from '../db/bulk-insert.ts';
import { afterWrite, beforeWrite, hasBeforeWrite } from './hooks.ts';
import { assignNewPositions } from './board-position.ts';
import { stageFields } from './stages.ts';
import type { BatchRow, ObjectDef, Row, Tx } from './types.ts';

// The record engine's batch insert (imports): one INSERT for many rows whose columns the caller
// computed (derived columns and search document included), then the object's after hook once
// for the batch, as the single-record path runs it for one row (records/hooks.ts). The
// caller writes the audit entry and the events: an import lists its batches in file order.

export interface InsertedBatch {
  /** The new ids, in the order of the rows given (one INSERT numbers them in that order). */
  ids: number[];
}

/**
 * Runs the object's before hook on new records' values. Answers the indexes of the rows whose
 * values the hook changed (their columns must be computed again), none for most objects.
 */
export async function beforeInsertBatch(trx: Tx, def: ObjectDef, actor: Actor, values: Row[]): Promise<number[]> {
  if (!hasBeforeWrite(def)) return [];
  const rows: BatchRow[] = values.map((v) => ({ values: v, existing: null }));
  const before = values.map((v) => ({ ...v }));
  await beforeWrite({ trx: trx as Transaction<DB>, actor, def }, rows);
  const changed: number[] = [];
  rows.forEach((r, i) => {
    const old = before[i]!;
    const keys = Object.keys(r.values);
    if (keys.length !== Object.keys(old).length || keys.some((k) => r.values[k] !== old[k])) changed.push(i);
  });
  return changed;
}

/**
 * Inserts `rows` (table columns; as text when `asText`, see db/bulk-insert.ts) and runs the
 * object's after hook for them, with the columns it declares in `batchColumns`.
 */
export async function insertBatch(trx: Tx, def: ObjectDef, actor: Actor, info: TableColumns, rows: Row[], opts: { asText?: boolean } = {}): Promise<InsertedBatch> {
  if (!rows.length) return { ids: [] };
  // Stage fields come back for their history rows (records/stages.ts).
  const returning = [...new Set(['id', ...(def.batchColumns ?? []), ...stageFields(def).map((f) => f.key)])];
  await assignNewPositions(trx, def, rows);
  const out = await bulkInsertSql(info, def.name, rows, returning, opts).execute(trx);
  const written = (out.rows as Row[]).sort((a, b) => Number(a.id) - Number(b.id));
  await afterWrite({ trx: trx as Transaction<DB>, actor, def }, written.map((row) => ({ row, existing: null, input: {} })));
  return { ids: written.map((r) => Number(r.id)) };
}
