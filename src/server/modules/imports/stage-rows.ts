import { sql } from 'kysely';
import { AppError } from '../../http/errors.ts';
import { checkStages, stageFields } from '../../records/stages.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';

// An import row breaking a stage rule (records/stages.ts) fails on its own line, like a row with
// a bad value, instead of failing its whole batch.

const STAGE_CODES = new Set(['transition_not_allowed', 'stage_fields_required']);

/** Why a new record with these values may not be created in its stage, or null. */
export function stageRefusal(def: ObjectDef, values: Row): string | null {
  try {
    checkStages(def, [{ values, existing: null }]);
    return null;
  } catch (e) {
    if (e instanceof AppError && STAGE_CODES.has(e.code)) return e.message;
    throw e;
  }
}

/**
 * Runs one record's update; a stage refusal answers its message, with whatever the update
 * wrote before it rolled back to a savepoint (objects without stage fields: no savepoint).
 */
export async function withStageCheck<T>(trx: Tx, def: ObjectDef, write: () => Promise<T>): Promise<T | string> {
  if (!stageFields(def).length) return write();
  await sql`SAVEPOINT import_stage_row`.execute(trx);
  try {
    const out = await write();
    await sql`RELEASE SAVEPOINT import_stage_row`.execute(trx);
    return out;
  } catch (e) {
    if (!(e instanceof AppError) || !STAGE_CODES.has(e.code)) throw e;
    await sql`ROLLBACK TO SAVEPOINT import_stage_row`.execute(trx);
    return e.message;
  }
}
