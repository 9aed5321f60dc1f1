import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError, invalid } from '../http/errors.ts';
import { canReadField, requireDo, type Actor } from '../core/access.ts';
import { visibleFields, type ResolvedField } from './fields.ts';
import { listJson } from './list.ts';
import { assertVisible, loadVisible, updateRecord, whereFor, type ListParams } from './service.ts';
import { positionFor, type MoveTarget } from './board-position.ts';
import { stageFields } from './stages.ts';
import type { ObjectDef, Row, Tx } from './types.ts';

// The kanban board of an object declaring `board` (modules/stages serves it): columns with counts
// and sums computed by the database in one statement, cards per column in position order with
// the list engine's filters, visibility and keyset pages, and the one-write move.

/** The board's field (`field` must name it) if the actor may read it; else refused like an unknown field. */
function boardField(def: ObjectDef, actor: Actor, field: string | undefined): { key: string; values: string[] } {
  const key = field ?? def.board?.field;
  const f = def.board && key === def.board.field ? def.fields.find((x) => x.key === key) : undefined;
  if (!f || !canReadField(actor, def.name, f.key)) throw invalid([{ field: 'field', message: `No board by ${key}`, code: 'not_board_field' }]);
  return { key: f.key, values: (f.options ?? []).map((o) => o.value) };
}

function requireStage(values: string[], value: string, name: string): void {
  if (!values.includes(value)) throw invalid([{ field: name, message: `Unknown stage ${value}`, code: 'invalid_option' }]);
}

export interface BoardParams extends ListParams {
  field?: string;
  /** A money or number field whose total each column shows. */
  sum?: string;
}

export interface BoardColumn {
  value: string;
  count: number;
  sum?: string;
}

/** One column per option of the field, in stage order, counted (and summed) over the records the actor may see that match the filters. */
export async function boardColumns(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: BoardParams): Promise<{ field: string; columns: BoardColumn[] }> {
  requireDo(actor, def, 'list');
  const { key, values } = boardField(def, actor, p.field);
  const fields = await visibleFields(db, def, actor);
  let sum: ResolvedField | undefined;
  if (p.sum !== undefined) {
    sum = fields.find((f) => f.key === p.sum && !f.custom && (f.type === 'money' || f.type === 'number'));
    if (!sum) throw invalid([{ field: 'sum', message: `Cannot total ${p.sum}`, code: 'not_summable' }]);
  }
  const t = def.name;
  const col = sql.ref(`${t}.${key}`);
  const total = sum ? sql`sum(${sql.ref(`${t}.${sum.key}`)})::text` : sql`NULL::text`;
  const { rows } = await sql<{ value: string; n: number; total: string | null }>`SELECT ${col}::text AS value, count(*)::int AS n, ${total} AS total
    FROM ${sql.table(t)} WHERE ${await whereFor(db, def, fields, actor, p)} GROUP BY ${col}`.execute(db);
  const by = new Map(rows.map((r) => [r.value, r]));
  return {
    field: key,
    columns: values.map((value) => ({ value, count: by.get(value)?.n ?? 0, ...(sum ? { sum: by.get(value)?.total ?? '0' } : {}) })),
  };
}

/** The card order as a sort the list engine pages by: (position, id), never NULL. */
function positionSort(def: ObjectDef) {
  const field: ResolvedField = {
    key: def.board!.positionColumn, type: 'text', custom: false, required: false, readonly: true, system: true, sortable: true, filterable: false,
  };
  return { field, desc: false, notNull: true, indexed: false };
}

/** A page of one column's cards as the list answer's JSON (`value`: the column's stage). */
export async function boardCards(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: BoardParams & { value: string }, engineWritesJson: boolean): Promise<string> {
  const { key, values } = boardField(def, actor, p.field);
  requireStage(values, p.value, 'value');
  const filters = [...(p.filters ?? []), { field: key, op: 'eq' as const, value: p.value }];
  return listJson(db, def, actor, { ...p, sort: undefined, filters, sortBy: positionSort(def) }, engineWritesJson);
}

/** Moves a card to a column (the stage rules apply) and a place in it: one UPDATE of that card. */
export async function moveRecord(db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number, m: MoveTarget): Promise<Row> {
  const { key, values } = boardField(def, actor, m.field);
  requireStage(values, m.to, 'to');
  const visible = (trx: Tx) => async (rowId: number) => {
    try {
      return await loadVisible(trx, def, actor, rowId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') return null;
      throw e;
    }
  };
  return updateRecord(db, def, actor, id, { [key]: m.to }, {
    systemColumns: async (trx) => ({ [def.board!.positionColumn]: await positionFor(trx, def, id, { ...m, field: key }, visible(trx)) }),
  });
}

export interface StageChange {
  from: string | null;
  to: string | null;
  actor_id: number | null;
  at: string;
  seconds_in_previous: number | null;
}

const HISTORY_CAP = 1000;

/**
 * A record's changes of one stage field, oldest first (at most HISTORY_CAP), and the time spent
 * so far in its current stage. Read like the record: one the actor may not see is not found.
 */
export async function stageHistory(db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number, field: string) {
  requireDo(actor, def, 'read');
  await assertVisible(db, def, actor, id);
  if (!stageFields(def).some((f) => f.key === field) || !canReadField(actor, def.name, field)) {
    throw invalid([{ field: 'field', message: `${field} is not a stage field`, code: 'not_stage_field' }]);
  }
  const { rows } = await sql<StageChange & { seconds_now: number }>`SELECT from_stage AS "from", to_stage AS "to", actor_id::int AS actor_id,
      to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, seconds_in_from::float8 AS seconds_in_previous,
      floor(extract(epoch FROM now() - at))::float8 AS seconds_now
    FROM stage_history WHERE object = ${def.name} AND record_id = ${id} AND field = ${field} ORDER BY at, id LIMIT ${HISTORY_CAP}`.execute(db);
  const last = rows.at(-1);
  return {
    changes: rows.map(({ seconds_now: _, ...r }) => r),
    current: last ? { stage: last.to, since: last.at, seconds: last.seconds_now } : null,
  };
}
