import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../records/types.ts';
import { orgRateSql } from '../../records/totals.ts';

// The ageing report's one statement: the open amounts due of the invoices the actor may see,
// converted into the organisation currency at the rates of the as-of day, bucketed by days past
// due (current, 1–30, 31–60, 61–90, over 90) per account, one keyset page of accounts and the
// totals over all of them. Accounts are keyed 0 for invoices whose account was deleted.

export interface AgeingRow {
  kind: 'row' | 'total';
  account_id: number;
  account_name: string | null;
  current: string;
  d1_30: string;
  d31_60: string;
  d61_90: string;
  d90_plus: string;
  total: string;
  invoices: number;
  missing: string[] | null;
}

export interface AgeingQuery {
  asOf: string;
  after: number;
  limit: number;
  digits: number;
  /** The actor's visibility on invoices (owner column invoices.owner_id) and on accounts (alias acc). */
  invoiceVisible: RawBuilder<boolean>;
  accountNameVisible: RawBuilder<boolean>;
  currency: RawBuilder<string>;
}

export async function ageing(db: Tx, q: AgeingQuery): Promise<AgeingRow[]> {
  const day = sql`${q.asOf}::date`;
  const digits = sql.lit(q.digits);
  const b = (cond: RawBuilder<unknown>) => sql`coalesce(sum(v) FILTER (WHERE ${cond}), 0)::text`;
  const { rows } = await sql<AgeingRow>`
    WITH x AS (
      SELECT coalesce(invoices.account_id, 0) AS account_id, ${day} - invoices.due_date AS late, cur,
        round(invoices.amount_due * rate, ${digits}) AS v
      FROM invoices CROSS JOIN LATERAL (SELECT ${q.currency} AS cur) c CROSS JOIN LATERAL (SELECT ${orgRateSql(sql.ref('c.cur'), day)} AS rate) r
      WHERE invoices.kind = 'invoice' AND invoices.status IN ('issued', 'partially_paid') AND invoices.amount_due > 0
        AND (invoices.issue_date IS NULL OR invoices.issue_date <= ${day}) AND ${q.invoiceVisible}
    ), a AS (
      SELECT account_id, ${b(sql`late <= 0`)} AS current, ${b(sql`late BETWEEN 1 AND 30`)} AS d1_30, ${b(sql`late BETWEEN 31 AND 60`)} AS d31_60,
        ${b(sql`late BETWEEN 61 AND 90`)} AS d61_90, ${b(sql`late > 90`)} AS d90_plus, coalesce(sum(v), 0)::text AS total, count(*)::int AS invoices
      FROM x GROUP BY account_id
    ), page AS (SELECT * FROM a WHERE account_id > ${q.after} ORDER BY account_id LIMIT ${q.limit + 1})
    SELECT * FROM (
      SELECT 'row' AS kind, p.account_id, CASE WHEN ${q.accountNameVisible} THEN acc.name END AS account_name, p.current, p.d1_30, p.d31_60, p.d61_90, p.d90_plus, p.total, p.invoices, NULL::text[] AS missing
      FROM page p LEFT JOIN accounts acc ON acc.id = p.account_id
      UNION ALL
      SELECT 'total', 0, NULL, ${b(sql`late <= 0`)}, ${b(sql`late BETWEEN 1 AND 30`)}, ${b(sql`late BETWEEN 31 AND 60`)}, ${b(sql`late BETWEEN 61 AND 90`)},
        ${b(sql`late > 90`)}, coalesce(sum(v), 0)::text, count(*)::int, array_agg(DISTINCT cur) FILTER (WHERE v IS NULL)
      FROM x
    ) t ORDER BY kind, account_id`.execute(db);
  return rows;
}
