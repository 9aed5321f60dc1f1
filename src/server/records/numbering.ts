import { nextNumbers } from '../core/numbering.ts';
import type { ObjectDef, Row, Tx } from './types.ts';

// The record engine's side of document numbers: new records of an object declaring `numbering`
// get their numbers here, in the creating transaction, in the order given (an import's batch
// numbers its rows in file order). Every create path (REST, import, records an import creates
// for a name column) calls it before the row's derived columns are computed, so the search
// document holds the number.

export async function assignNumbers(trx: Tx, def: ObjectDef, rows: Row[], at: Date = new Date()): Promise<void> {
  const n = def.numbering;
  if (!n || !rows.length) return;
  const numbers = await nextNumbers(trx, n.type, at, rows.length, n);
  rows.forEach((row, i) => (row[n.field] = numbers[i]));
}
