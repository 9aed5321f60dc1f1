// The receivables ageing report (issue 13: ≤ 500 ms at 1,000,000 invoice lines): invoices of the
// imported accounts, 10 lines each, a third paid, the rest spread over five ageing buckets, one
// in ten in USD (a rate into CNY is set). The report reads only invoices (their amount due is
// kept by the services), so the lines are there for the size the issue names.
import type { RepeatOptions } from '../lib/measure.ts';
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';
import { latencyFigure } from '../lib/figure.ts';

/** 100,000 invoices × 10 lines = 1,000,000 lines; AGEING_INVOICES runs it smaller. */
export const AGEING_INVOICES = Number(process.env.AGEING_INVOICES ?? 100_000);
export const LINES_PER_INVOICE = 10;
const AS_OF = '2026-06-30';

/** The invoices and lines in SQL (the report is measured, not the writes). */
export async function prepareAgeing(b: Bench): Promise<void> {
  await b.raw.query(`INSERT INTO exchange_rates (from_currency, to_currency, rate, valid_from) VALUES ('USD', 'CNY', 7.1, '2026-01-01') ON CONFLICT DO NOTHING`);
  await b.raw.query(
    `WITH acc AS (SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM accounts ORDER BY id LIMIT 20000) a)
     INSERT INTO invoices (number, kind, subject, account_id, owner_id, status, currency, issue_date, payment_terms_days, due_date,
       net_total, tax_total, gross_total, amount_paid, amount_due, created_by)
     SELECT 'BENCH-INV-' || g, 'invoice', '发票 ' || g, acc.ids[1 + g % cardinality(acc.ids)], $1::bigint,
       CASE WHEN g % 3 = 0 THEN 'paid' WHEN g % 3 = 1 THEN 'issued' ELSE 'partially_paid' END,
       CASE WHEN g % 10 = 0 THEN 'USD' ELSE 'CNY' END,
       DATE '${AS_OF}' - (g % 150) - 30, 30, DATE '${AS_OF}' - (g % 150),
       10000, 1300, 11300, CASE WHEN g % 3 = 0 THEN 11300 WHEN g % 3 = 2 THEN 5000 ELSE 0 END,
       CASE WHEN g % 3 = 0 THEN 0 WHEN g % 3 = 2 THEN 6300 ELSE 11300 END, $1::bigint
     FROM generate_series(1, ${AGEING_INVOICES}) g, acc`,
    [b.actor.id],
  );
  await b.raw.query(
    `INSERT INTO invoice_lines (parent_id, position, description, quantity, unit_price, tax_rate, net, tax, gross)
     SELECT i.id, p, '龙井 明前', 1, 1000, 13, 1000, 130, 1130 FROM invoices i, generate_series(1, ${LINES_PER_INVOICE}) p WHERE i.number LIKE 'BENCH-INV-%'`,
  );
  await b.raw.query('VACUUM ANALYZE invoices, invoice_lines');
}

export async function ageingFigures(b: Bench, o: RepeatOptions): Promise<Figure[]> {
  return [
    await latencyFigure(b, o, {
      id: 'ageing_report',
      label: `receivables ageing, first 50 accounts and totals (${(AGEING_INVOICES * LINES_PER_INVOICE).toLocaleString('en')} invoice lines)`,
      url: `/reports/sales/ageing?as_of=${AS_OF}&limit=50`,
      pickRaw: (qs) => qs.filter((q) => /from invoices\b/i.test(q.sql) && /group by/i.test(q.sql)).slice(0, 1),
      check: (a) => {
        const open = AGEING_INVOICES - Math.floor(AGEING_INVOICES / 3);
        return a?.totals?.invoices === open && a?.data?.length ? null : `expected ${open} open invoices, got ${a?.totals?.invoices}`;
      },
      detail: { invoices: AGEING_INVOICES, lines: AGEING_INVOICES * LINES_PER_INVOICE },
    }),
  ];
}
