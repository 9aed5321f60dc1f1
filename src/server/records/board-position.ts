import { sql } from 'kysely';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { AppError } from '../http/errors.ts';
import type { ObjectDef, Row, Tx } from './types.ts';

// Card order on a kanban board (ObjectDef.board): a fractional-indexing key per record in a text
// column compared byte by byte (COLLATE "C", as the library compares in JavaScript). A drag
// writes only the moved card's key, between its new neighbours'; new records go last.

/**
 * Gives each row without one a key after every existing key (one statement for the batch).
 * A transaction-scoped advisory lock makes concurrent creates take turns, so keys never repeat.
 */
export async function assignNewPositions(trx: Tx, def: ObjectDef, rows: Row[]): Promise<void> {
  const col = def.board?.positionColumn;
  if (!col) return;
  const need = rows.filter((r) => r[col] === undefined || r[col] === null);
  if (!need.length) return;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${'board:' + def.name}))`.execute(trx);
  const { rows: last } = await sql<{ k: string | null }>`SELECT max(${sql.ref(col)}) AS k FROM ${sql.table(def.name)}`.execute(trx);
  const keys = generateNKeysBetween(last[0]?.k ?? null, null, need.length);
  need.forEach((r, i) => (r[col] = keys[i]));
}

export interface MoveTarget {
  field: string;
  to: string;
  /** Place the card right before this card of the target column. */
  before_id?: number;
  /** Place the card right after this card of the target column. */
  after_id?: number;
}

const badNeighbour = (key: 'before_id' | 'after_id') =>
  new AppError('validation_failed', 'Some fields are not valid', [{ field: key, message: 'No such card in the target column', code: 'invalid_neighbour' }]);

/**
 * The moved card's new key, read in the move's transaction. A neighbour must be a card the actor
 * may see in the target column (else refused the same whether missing or hidden); the other
 * side is the next key in that column whoever owns it, so keys stay in order for everyone.
 */
export async function positionFor(trx: Tx, def: ObjectDef, id: number, m: MoveTarget, visible: (rowId: number) => Promise<Row | null>): Promise<string> {
  const col = def.board!.positionColumn;
  const t = def.name;
  const anchor = async (key: 'before_id' | 'after_id'): Promise<string | null> => {
    const rowId = m[key];
    if (rowId === undefined) return null;
    const row = rowId === id ? null : await visible(rowId);
    if (!row || String(row[m.field]) !== String(m.to)) throw badNeighbour(key);
    return row[col] as string;
  };
  const next = async (cmp: '>' | '<', from: string | null): Promise<string | null> => {
    const bound = from === null ? sql`true` : sql`${sql.ref(col)} ${sql.raw(cmp)} ${from}`;
    const { rows } = await sql<{ k: string }>`SELECT ${sql.ref(col)} AS k FROM ${sql.table(t)}
      WHERE ${sql.ref(m.field)} = ${m.to} AND id <> ${id} AND ${bound} ORDER BY ${sql.ref(col)} ${sql.raw(cmp === '>' ? 'ASC' : 'DESC')} LIMIT 1`.execute(trx);
    return rows[0]?.k ?? null;
  };
  let lo = await anchor('after_id');
  let hi = await anchor('before_id');
  if (lo !== null && hi !== null && lo >= hi) {
    throw new AppError('validation_failed', 'Some fields are not valid', [{ field: 'before_id', message: 'after_id must come before before_id', code: 'invalid_neighbour' }]);
  }
  if (lo !== null && hi === null && m.before_id === undefined) hi = await next('>', lo);
  else if (hi !== null && lo === null && m.after_id === undefined) lo = await next('<', hi);
  else if (lo === null && hi === null) lo = await next('<', null);
  return generateKeyBetween(lo, hi);
}
