import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Tx } from '../records/types.ts';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { writeAudit } from './audit.ts';
import { dateParts, formatNumber, patternIssues, periodOf } from './numbering-pattern.ts';
import { allSequences, insertSequence, lockSequence, savePattern, saveCounter, type SequenceRow } from './numbering.repo.ts';

// Document numbers: per-type sequences with a pattern (core/numbering-pattern.ts). A number is
// taken in the transaction that creates the document: its type's counter row is locked
// (SELECT … FOR UPDATE) and raised there, so two creates never get the same number (the second
// waits for the first to commit) and a create that rolls back gives its number back: no gap.
// `gap_free` marks the types the law requires this of (invoices); numbers of the others are
// taken the same way today, which is stricter than they need.

/** A type as an object definition declares it (ObjectDef.numbering) or a module registers it. */
export interface SequenceDecl {
  type: string;
  pattern: string;
  gapFree?: boolean;
}

/** Numbers are dated in this time zone (UTC until organisations have a time zone setting). */
const TIME_ZONE = 'UTC';

/** Creates the type's row with its declared pattern unless it exists (an admin's pattern wins). */
export async function ensureSequence(db: Tx, decl: SequenceDecl): Promise<void> {
  const issues = patternIssues(decl.pattern);
  if (issues.length) throw new Error(`numbering: pattern of ${decl.type}: ${issues[0]!.message}`);
  await insertSequence(db, { type: decl.type, pattern: decl.pattern, gapFree: Boolean(decl.gapFree) });
}

/** The counter after `row` on date `at`: its period, and the first counter value to hand out. */
function following(row: SequenceRow, at: Date) {
  const parts = dateParts(at, TIME_ZONE);
  const period = periodOf(row.pattern, parts);
  return { parts, period, first: period === row.period ? row.value + 1 : 1 };
}

/**
 * `count` consecutive numbers of `type`, dated `at`, taken in `trx` (which must be the
 * creating write's transaction). `declared`: the type's declaration, creating its row on first use.
 */
export async function nextNumbers(trx: Tx, type: string, at: Date, count: number, declared?: SequenceDecl): Promise<string[]> {
  if (count <= 0) return [];
  let row = await lockSequence(trx, type);
  if (!row && declared) {
    await ensureSequence(trx, declared);
    row = await lockSequence(trx, type);
  }
  if (!row) throw new AppError('internal', `No number sequence ${type}`);
  const { parts, period, first } = following(row, at);
  await saveCounter(trx, type, period, first + count - 1);
  return Array.from({ length: count }, (_, i) => formatNumber(row.pattern, parts, first + i));
}

/** One number of `type` dated `at`, taken in the creating write's transaction `trx`. */
export async function nextNumber(trx: Tx, type: string, at: Date = new Date()): Promise<string> {
  return (await nextNumbers(trx, type, at, 1))[0]!;
}

export interface SequenceInfo {
  type: string;
  pattern: string;
  gap_free: boolean;
  /** The number the next create would get now (unless another takes it first). */
  next: string;
}

function info(row: SequenceRow, at: Date): SequenceInfo {
  const { parts, first } = following(row, at);
  return { type: row.type, pattern: row.pattern, gap_free: row.gap_free, next: formatNumber(row.pattern, parts, first) };
}

export async function listSequences(db: Kysely<DB>, at: Date = new Date()): Promise<SequenceInfo[]> {
  return (await allSequences(db)).map((r) => info(r, at));
}

/**
 * Changes a type's pattern (audited). The counter goes on where it was while the new pattern's
 * period is the stored one, else restarts at 1 with the next number. A bad pattern is refused
 * with a field issue (`pattern_no_counter`…) and changes nothing.
 */
export async function setSequencePattern(db: Kysely<DB>, actorId: number, type: string, pattern: string): Promise<SequenceInfo> {
  const issues = patternIssues(pattern);
  if (issues.length) throw invalid(issues, issues[0]!.message);
  return db.transaction().execute(async (trx) => {
    const row = await lockSequence(trx, type);
    if (!row) throw notFound('Number sequence');
    if (row.pattern !== pattern) {
      await savePattern(trx, type, pattern, actorId);
      await writeAudit(trx, { actorId, action: 'update', object: 'number_sequences', recordId: null, changes: { type, pattern: [row.pattern, pattern] } });
    }
    return info({ ...row, pattern }, new Date());
  });
}
