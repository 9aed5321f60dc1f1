// A kanban board of 10,000 tasks by status (60% open, 30% done, 10% cancelled): the columns
// (counts, one GROUP BY) and a column's first page of 50 cards in board order.
import type { RepeatOptions } from '../lib/measure.ts';
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';
import { latencyFigure, mainSelect } from '../lib/figure.ts';

export const BOARD_CARDS = 10_000;
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The cards in SQL (the reads are measured), keyed as migration 018 keys existing tasks ('d' + 4 base-62 digits). */
export async function prepareBoard(b: Bench): Promise<void> {
  const digit = (div: number) => `substr('${DIGITS}', ((g / ${div}) % 62)::int + 1, 1)`;
  await b.raw.query(
    `INSERT INTO tasks (title, status, priority, owner_id, created_by, board_position)
     SELECT '跟进报价 #' || g, CASE WHEN g % 10 < 6 THEN 'open' WHEN g % 10 < 9 THEN 'done' ELSE 'cancelled' END, 'normal', $1::bigint, $1::bigint,
            'e' || ${digit(238328 * 62)} || ${digit(238328)} || ${digit(3844)} || ${digit(62)} || ${digit(1)}
     FROM generate_series(0, ${BOARD_CARDS - 1}) g`,
    [b.actor.id],
  );
  await b.raw.query('VACUUM ANALYZE tasks');
}

export async function boardFigures(b: Bench, o: RepeatOptions): Promise<Figure[]> {
  return [
    await latencyFigure(b, o, {
      id: 'board_columns', label: `tasks board columns (${BOARD_CARDS.toLocaleString('en')} cards)`, url: '/tasks/board?field=status',
      pickRaw: (qs) => qs.filter((q) => /from "?tasks"?\b/i.test(q.sql) && /group by/i.test(q.sql)).slice(0, 1),
      check: (a) => {
        const total = (a?.data?.columns ?? []).reduce((n: number, c: { count: number }) => n + c.count, 0);
        return total >= BOARD_CARDS ? null : `expected ${BOARD_CARDS} cards, counted ${total}`;
      },
    }),
    await latencyFigure(b, o, {
      id: 'board_cards', label: 'tasks board: first 50 cards of "open"', url: '/tasks/board/cards?field=status&value=open&limit=50',
      pickRaw: mainSelect('tasks'),
      check: (a) => (a?.data?.length === 50 && a.next_cursor ? null : `expected 50 cards, got ${a?.data?.length}`),
    }),
  ];
}
