// The forecast of a quarter (issue 13: 100,000 opportunities, p95 ≤ 200 ms on both databases):
// per owner, the open opportunities closing in the quarter summed by forecast category, closed
// won and weighted pipeline — one GROUP BY over opportunities_owner_close_idx / opportunities_close_idx.
// Runs on the opportunities the board figure inserted, given close dates over two years.
import type { RepeatOptions } from '../lib/measure.ts';
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';
import { latencyFigure } from '../lib/figure.ts';

export async function forecastFigures(b: Bench, o: RepeatOptions, n: number): Promise<Figure[]> {
  await b.raw.query(`UPDATE opportunities SET expected_close_date = DATE '2026-01-01' + (id % 730)::int`);
  await b.raw.query('VACUUM ANALYZE opportunities');
  return [
    await latencyFigure(b, o, {
      id: 'forecast_quarter', label: `forecast of a quarter by category (${n.toLocaleString('en')} opportunities)`,
      url: '/forecasts?period=2026-Q2',
      pickRaw: (qs) => qs.filter((q) => /from "?opportunities"?\b/i.test(q.sql) && /group by/i.test(q.sql)).slice(0, 1),
      check: (a) => {
        const total = a?.data?.total;
        return total && total.open_count + total.won_count > 0 && total.commit !== null ? null : 'a forecast without figures';
      },
    }),
  ];
}
