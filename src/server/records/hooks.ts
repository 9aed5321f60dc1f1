import type { BatchRow, ObjectDef, WriteContext, WrittenRow } from './types.ts';
import { assignNumbers } from './numbering.ts';
import { checkStages, stageFields, writeStageHistory } from './stages.ts';
import { refreshLineTotals } from './line-items.ts';

// The one place the record engine runs an object's write hooks, whether one record is written
// (records/service.ts) or a batch (records/batch-write.ts, imports): an object declares the
// batch variant or the single-row one, never both, and every write path reaches it here.
// The engine's own stage rules (records/stages.ts) run here too, after the object's hooks
// (which may fill a field a stage requires), so no write path can skip them.
// Platform modules that act on the records of any object declaring something (assignment rules
// for objects declaring `assignment`) plug in as write extensions (registerWriteExtension, from
// their manifest's `writeExtension`): they run after the object's own hooks, on every path.

/** A platform module's part in every record write; it decides itself which objects it acts on. */
export interface WriteExtension {
  /** The objects it acts on (absent: all); an import keeps its rows' values for `before` only then. */
  appliesTo?: (def: ObjectDef) => boolean;
  before?: (ctx: WriteContext, rows: BatchRow[]) => Promise<void>;
  after?: (ctx: WriteContext, rows: WrittenRow[]) => Promise<void>;
}

const extensions = new Map<string, WriteExtension>();

/** Registers (or replaces: module discovery may run more than once per process) a module's write extension. */
export function registerWriteExtension(name: string, ext: WriteExtension): void {
  extensions.set(name, ext);
}

export async function beforeWrite(ctx: WriteContext, rows: BatchRow[]): Promise<void> {
  const { def } = ctx;
  if (!rows.length) return;
  // New records get their document number first: the object's own hooks see it.
  await assignNumbers(ctx.trx, def, rows.filter((r) => !r.existing).map((r) => r.values));
  if (def.beforeWriteBatch) await def.beforeWriteBatch(ctx, rows);
  else if (def.beforeWrite) for (const r of rows) await def.beforeWrite(ctx, r.values, r.existing);
  // A parent with lines: a change of currency, rounding or discount recomputes its totals in this write.
  await refreshLineTotals(ctx, rows);
  for (const ext of extensions.values()) await ext.before?.(ctx, rows);
  checkStages(def, rows);
}

export async function afterWrite(ctx: WriteContext, rows: WrittenRow[]): Promise<void> {
  const { def } = ctx;
  if (!rows.length) return;
  await writeStageHistory(ctx, rows);
  if (def.afterWriteBatch) await def.afterWriteBatch(ctx, rows);
  else if (def.afterWrite) for (const r of rows) await def.afterWrite(ctx, r.row, r.existing, r.input);
  for (const ext of extensions.values()) await ext.after?.(ctx, rows);
}

/** Whether a write of this object runs a hook before it (an import then keeps each row's values for it). */
export function hasBeforeWrite(def: ObjectDef): boolean {
  if (def.beforeWriteBatch || def.beforeWrite || def.numbering || def.lines || stageFields(def).length) return true;
  return [...extensions.values()].some((e) => e.before && (!e.appliesTo || e.appliesTo(def)));
}
