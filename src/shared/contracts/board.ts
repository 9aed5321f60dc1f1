import { z } from 'zod';
import { one } from './common.ts';

// Kanban boards and stage history (server: records/board.ts, modules/stages).

const key = z.string().min(1).max(100);

/** POST /{object}/{id}/move: to a stage, between two cards of that column (either or none: its end). */
export const MoveBody = z.object({
  field: key.optional(),
  to: key,
  /** Place the card right before this card. */
  before_id: z.number().int().positive().optional(),
  /** Place the card right after this card. */
  after_id: z.number().int().positive().optional(),
});

export const BoardColumn = z.object({ value: z.string(), count: z.number().int(), sum: z.string().optional() });
export const Board = z.object({ field: z.string(), columns: z.array(BoardColumn) });
export const BoardAnswer = one(Board);

export const StageChange = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  actor_id: z.number().int().nullable(),
  at: z.string(),
  /** Seconds the record spent in `from` (null for its first stage). */
  seconds_in_previous: z.number().nullable(),
});
export const StageHistory = z.object({
  changes: z.array(StageChange),
  /** The stage now, since when, and for how many seconds so far (null: no history yet). */
  current: z.object({ stage: z.string().nullable(), since: z.string(), seconds: z.number() }).nullable(),
});
export const StageHistoryAnswer = one(StageHistory);
