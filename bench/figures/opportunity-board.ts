// The opportunities kanban of one pipeline (issue 13: 100,000 opportunities, board with column
// totals p95 ≤ 50 ms PostgreSQL / 150 ms PGlite): the columns — count, sum and weighted sum of
// the organisation-currency amount per stage, one GROUP BY — and a stage's first page of cards.
import type { RepeatOptions } from '../lib/measure.ts';
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';
import { latencyFigure, mainSelect } from '../lib/figure.ts';

export const DEFAULT_OPPORTUNITIES = 100_000;
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `n` opportunities spread over the default pipeline's six stages, inserted in SQL (the reads are measured). */
export async function prepareOpportunityBoard(b: Bench, n: number): Promise<{ pipeline: number; stage: number }> {
  const stages = await b.raw.query(`SELECT s.id::int AS id, s.pipeline_id::int AS pipeline_id FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id
    WHERE p.is_default ORDER BY s.position`);
  const ids = stages.map((s) => Number(s.id));
  const digit = (div: number) => `substr('${DIGITS}', ((g / ${div}) % 62)::int + 1, 1)`;
  await b.raw.query(
    `INSERT INTO opportunities (name, owner_id, created_by, pipeline_id, stage_id, stage_name, stage_category, amount, currency, exchange_rate, probability, board_position)
     SELECT '商机 #' || g, $1::bigint, $1::bigint, s.pipeline_id, s.id, s.name, s.category, (g % 997) * 100 + 0.5, 'CNY', 1, s.probability,
            'f' || ${digit(238328 * 62)} || ${digit(238328)} || ${digit(3844)} || ${digit(62)} || ${digit(1)}
     FROM generate_series(0, ${n - 1}) g JOIN pipeline_stages s ON s.id = ($2::bigint[])[1 + g % ${ids.length}]`,
    [b.actor.id, ids],
  );
  await b.raw.query('VACUUM ANALYZE opportunities');
  return { pipeline: Number(stages[0]!.pipeline_id), stage: ids[0]! };
}

export async function opportunityBoardFigures(b: Bench, o: RepeatOptions, n: number): Promise<Figure[]> {
  const { pipeline, stage } = await prepareOpportunityBoard(b, n);
  return [
    await latencyFigure(b, o, {
      id: 'opportunity_board_columns', label: `opportunities board with column totals (${n.toLocaleString('en')} opportunities)`,
      url: `/opportunities/board?pipeline=${pipeline}`,
      pickRaw: (qs) => qs.filter((q) => /from "?opportunities"?\b/i.test(q.sql) && /group by/i.test(q.sql)).slice(0, 1),
      check: (a) => {
        const cols = a?.data?.columns ?? [];
        const total = cols.reduce((s: number, c: { count: number }) => s + c.count, 0);
        if (total < n) return `expected ${n} cards, counted ${total}`;
        return cols.every((c: { sum?: string; weighted?: string }) => c.sum !== undefined && c.weighted !== undefined) ? null : 'columns without totals';
      },
    }),
    await latencyFigure(b, o, {
      id: 'opportunity_board_cards', label: 'opportunities board: first 50 cards of a stage',
      url: `/opportunities/board/cards?pipeline=${pipeline}&stage=${stage}&limit=50`,
      pickRaw: mainSelect('opportunities'),
      check: (a) => (a?.data?.length === 50 && a.next_cursor ? null : `expected 50 cards, got ${a?.data?.length}`),
    }),
  ];
}
