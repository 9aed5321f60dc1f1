import { sql } from 'kysely';
import { AppError } from '../http/errors.ts';
import type { BatchRow, ObjectDef, Row, StandardField, WriteContext, WrittenRow } from './types.ts';

// Stage fields (a select declaring `stages`) are state machines: every write path of the record
// engine (create, update, bulk, import) reaches `checkStages` before its row is written and
// `writeStageHistory` after, both through records/hooks.ts, inside the write's transaction, so a
// refused move changes nothing and an accepted one always has its history row.

export function stageFields(def: ObjectDef): StandardField[] {
  return def.fields.filter((f) => f.type === 'select' && f.stages);
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The value a record will have for `key` after the write (values over the stored row, custom values included). */
function after(values: Row, existing: Row | null, key: string): unknown {
  if (key in values) return values[key];
  if (!existing) return undefined;
  return key in existing ? existing[key] : existing.custom?.[key];
}

/** Throws transition_not_allowed or stage_fields_required for the first row that breaks a stage rule. */
export function checkStages(def: ObjectDef, rows: BatchRow[]): void {
  const fields = stageFields(def);
  if (!fields.length) return;
  for (const { values, existing } of rows) {
    for (const f of fields) {
      if (!(f.key in values)) continue;
      const to = values[f.key] ?? null;
      const from = existing ? (existing[f.key] ?? null) : null;
      if (existing && to === from) continue;
      const rules = f.stages!;
      if (existing && from !== null && rules.transitions) {
        const allowed = rules.transitions[from] ?? [];
        if (to === null || !allowed.includes(to)) {
          throw new AppError('transition_not_allowed', `${f.key} cannot move from ${from} to ${to ?? 'nothing'}`, {
            reason: 'transition_not_allowed', field: f.key, from, to, allowed: [...allowed],
          });
        }
      }
      const missing = to === null ? [] : (rules.requiredOnEnter?.[to] ?? []).filter((k) => isEmpty(after(values, existing, k)));
      if (missing.length) {
        throw new AppError('stage_fields_required', `Fill ${missing.join(', ')} to move ${f.key} to ${to}`,
          missing.map((k) => ({ field: k, message: `Required to enter ${f.key} ${to}`, code: 'required_for_stage' })));
      }
    }
  }
}

/** One stage_history row per changed stage field (a new record: its first stage), in one INSERT. */
export async function writeStageHistory(ctx: WriteContext, rows: WrittenRow[]): Promise<void> {
  const fields = stageFields(ctx.def);
  if (!fields.length) return;
  const object = ctx.def.name;
  const tuples = [];
  for (const { row, existing } of rows) {
    for (const f of fields) {
      const to = row[f.key] ?? null;
      const from = existing ? (existing[f.key] ?? null) : null;
      if (existing ? to === from : to === null) continue;
      // Time in the stage left: since its last history row, or since the record was created.
      const seconds = existing && from !== null
        ? sql`(SELECT floor(extract(epoch FROM now() - coalesce(max(h.at), ${existing.created_at ?? null}::timestamptz)))::bigint
            FROM stage_history h WHERE h.object = ${object} AND h.record_id = ${row.id} AND h.field = ${f.key})`
        : sql`NULL::bigint`;
      tuples.push(sql`(${object}, ${row.id}, ${f.key}, ${from}, ${to}, ${ctx.actor.id}, ${seconds})`);
    }
  }
  if (!tuples.length) return;
  await sql`INSERT INTO stage_history (object, record_id, field, from_stage, to_stage, actor_id, seconds_in_from)
    VALUES ${sql.join(tuples)}`.execute(ctx.trx);
}
