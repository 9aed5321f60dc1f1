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
  /** Σ sum × weight / 100 (a board declaring a percent `weight` field: a pipeline's probability). */
  weighted?: string;
}

/** A money or number standard field the actor may read, to total; else refused like an unknown one. */
async function summable(db: Kysely<DB>, def: ObjectDef, actor: Actor, key: string, param: string): Promise<ResolvedField> {
  const f = (await visibleFields(db, def, actor)).find((x) => x.key === key && !x.custom && (x.type === 'money' || x.type === 'number'));
  if (!f) throw invalid([{ field: param, message: `Cannot total ${key}`, code: 'not_summable' }]);
  return f;
}

/**
 * The columns `values` of `field` (in that order), counted — and, with `sum`, totalled and
 * optionally weighted by a percent field — by the database in one statement over the records
 * the actor may see that match the list filters. The data-driven boards (a pipeline's stages,
 * BoardDef.dataColumns) call this with their own column values; boardColumns with a select's options.
 */
export async function columnTotals(
  db: Kysely<DB>, def: ObjectDef, actor: Actor, p: ListParams,
  c: { field: string; values: string[]; sum?: string; weight?: string },
): Promise<BoardColumn[]> {
  requireDo(actor, def, 'list');
  const fields = await visibleFields(db, def, actor);
  const sum = c.sum !== undefined ? await summable(db, def, actor, c.sum, 'sum') : undefined;
  const weight = sum && c.weight !== undefined ? await summable(db, def, actor, c.weight, 'weight') : undefined;
  const t = def.name;
  const col = sql.ref(`${t}.${c.field}`);
  const total = sum ? sql`sum(${sql.ref(`${t}.${sum.key}`)})::text` : sql`NULL::text`;
  const weighted = weight ? sql`round(sum(${sql.ref(`${t}.${sum!.key}`)} * ${sql.ref(`${t}.${weight.key}`)}) / 100, 2)::text` : sql`NULL::text`;
  const { rows } = await sql<{ value: string; n: number; total: string | null; weighted: string | null }>`SELECT ${col}::text AS value, count(*)::int AS n,
      ${total} AS total, ${weighted} AS weighted
    FROM ${sql.table(t)} WHERE ${await whereFor(db, def, fields, actor, p)} GROUP BY ${col}`.execute(db);
  const by = new Map(rows.map((r) => [r.value, r]));
  return c.values.map((value) => ({
    value,
    count: by.get(value)?.n ?? 0,
    ...(sum ? { sum: by.get(value)?.total ?? '0' } : {}),
    ...(weight ? { weighted: by.get(value)?.weighted ?? '0.00' } : {}),
  }));
}

/** One column per option of the field, in stage order, counted (and summed) over the records the actor may see that match the filters. */
export async function boardColumns(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: BoardParams): Promise<{ field: string; columns: BoardColumn[] }> {
  requireDo(actor, def, 'list');
  const { key, values } = boardField(def, actor, p.field);
  return { field: key, columns: await columnTotals(db, def, actor, p, { field: key, values, sum: p.sum }) };
}

/** The card order as a sort the list engine pages by: (position, id), never NULL. */
function positionSort(def: ObjectDef) {
  const field: ResolvedField = {
    key: def.board!.positionColumn, type: 'text', custom: false, required: false, readonly: true, system: true, sortable: true, filterable: false,
  };
  return { field, desc: false, notNull: true, indexed: false };
}

/** A page of the cards whose `field` is `value`, in position order, as the list answer's JSON (any board, data-driven ones too). */
export async function columnCards(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: ListParams, field: string, value: string, engineWritesJson: boolean): Promise<string> {
  const filters = [...(p.filters ?? []), { field, op: 'eq' as const, value }];
  return listJson(db, def, actor, { ...p, sort: undefined, filters, sortBy: positionSort(def) }, engineWritesJson);
}

/** A page of one column's cards as the list answer's JSON (`value`: the column's stage). */
export async function boardCards(db: Kysely<DB>, def: ObjectDef, actor: Actor, p: BoardParams & { value: string }, engineWritesJson: boolean): Promise<string> {
  const { key, values } = boardField(def, actor, p.field);
  requireStage(values, p.value, 'value');
  return columnCards(db, def, actor, p, key, p.value, engineWritesJson);
}

/**
 * Moves a card to the column `m.to` of `m.field` and a place in it: one UPDATE of that card,
 * through updateRecord (so every rule of the object applies) with `values` (the column's value,
 * and whatever else the move fills in). `to` must already be a column of the board (callers
 * check it: boardField's options, or a pipeline's stages).
 */
export async function moveToColumn(db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number, m: MoveTarget, values: Row = { [m.field]: m.to }): Promise<Row> {
  const visible = (trx: Tx) => async (rowId: number) => {
    try {
      return await loadVisible(trx, def, actor, rowId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') return null;
      throw e;
    }
  };
  return updateRecord(db, def, actor, id, values, {
    systemColumns: async (trx) => ({ [def.board!.positionColumn]: await positionFor(trx, def, id, m, visible(trx)) }),
  });
}

/** Moves a card to a column (the stage rules apply) and a place in it: one UPDATE of that card. */
export async function moveRecord(db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number, m: MoveTarget): Promise<Row> {
  const { key, values } = boardField(def, actor, m.field);
  requireStage(values, m.to, 'to');
  return moveToColumn(db, def, actor, id, { ...m, field: key });
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
