import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../records/types.ts';
import { orgRateSql } from '../../records/totals.ts';
import { orgCurrencySql } from '../../records/money.ts';
import { dayBoundsUtc, orgZone } from '../../core/org-time.ts';

// What a rule's basis counts for one rep in a date range, read-only from the sales modules'
// tables this module requires (its migration's `-- requires:` line): won opportunities by close
// date (credited by opportunity_splits, else to the owner), issued invoices and credit notes by
// issue date (negative), and payment allocations to invoices by the payment's date. Amounts are
// in the organisation currency (rated on the document's date) and, with a product category,
// only the lines of products in it (a payment: its invoice's share in that category).

export interface SourceRow {
  source_object: string; source_id: number; source_ref: string; source_title: string | null; source_date: string;
  basis: string | null; split: string; source_amount: string | null;
}

interface Range { userId: number; from: string; to: string; category: string | null }

const cur = (col: RawBuilder<unknown>) => sql`COALESCE(${col}, ${orgCurrencySql})`;

/** Net of an invoice's lines in the category, as a share of its net (1 without a category). */
function invoiceShare(inv: string, category: string | null): RawBuilder<string> {
  if (category === null) return sql<string>`1::numeric`;
  return sql<string>`COALESCE((SELECT sum(l.net) FROM invoice_lines l JOIN products p ON p.id = l.product_id
    WHERE l.parent_id = ${sql.ref(`${inv}.id`)} AND p.category = ${category}) / NULLIF(${sql.ref(`${inv}.net_total`)}, 0), 0)`;
}

export async function bookedSources(db: Tx, r: Range): Promise<SourceRow[]> {
  const amount = r.category === null ? sql`o.amount_org`
    : sql`round(COALESCE((SELECT sum(l.net) FROM opportunity_lines l JOIN products p ON p.id = l.product_id WHERE l.parent_id = o.id AND p.category = ${r.category}), 0) * o.exchange_rate, 2)`;
  // A deal's day is the organisation's (settings time_zone); the period is compared as instants.
  const zone = await orgZone(db);
  const { start, end } = dayBoundsUtc(zone, r.from, r.to);
  const { rows } = await sql<SourceRow>`
    SELECT 'opportunities' AS source_object, o.id::int AS source_id, '' AS source_ref, o.name AS source_title,
      to_char((o.closed_at AT TIME ZONE ${zone})::date, 'YYYY-MM-DD') AS source_date, (${amount})::text AS basis,
      COALESCE(s.percent, 100)::text AS split, NULL AS source_amount
    FROM opportunities o LEFT JOIN opportunity_splits s ON s.opportunity_id = o.id AND s.user_id = ${r.userId}
    WHERE o.stage_category = 'won' AND o.closed_at >= ${start}::timestamptz AND o.closed_at < ${end}::timestamptz
      AND (s.user_id IS NOT NULL OR (o.owner_id = ${r.userId} AND NOT EXISTS (SELECT 1 FROM opportunity_splits x WHERE x.opportunity_id = o.id)))
    ORDER BY 5, 2`.execute(db);
  return rows;
}

export async function invoicedSources(db: Tx, r: Range): Promise<SourceRow[]> {
  const { rows } = await sql<SourceRow>`
    SELECT 'invoices' AS source_object, i.id::int AS source_id, '' AS source_ref, i.number AS source_title,
      to_char(i.issue_date, 'YYYY-MM-DD') AS source_date,
      (CASE WHEN i.kind = 'credit_note' THEN -1 ELSE 1 END * round(i.net_total * ${invoiceShare('i', r.category)} * ${orgRateSql(cur(sql`i.currency`), sql`i.issue_date`)}, 2))::text AS basis,
      '100' AS split, NULL AS source_amount
    FROM invoices i
    WHERE i.owner_id = ${r.userId} AND i.status IN ('issued', 'partially_paid', 'paid') AND i.issue_date BETWEEN ${r.from}::date AND ${r.to}::date
    ORDER BY 5, 2`.execute(db);
  return rows;
}

export async function collectedSources(db: Tx, r: Range): Promise<SourceRow[]> {
  const { rows } = await sql<SourceRow>`
    SELECT 'payments' AS source_object, p.id::int AS source_id, 'invoice:' || i.id AS source_ref, p.number || ' → ' || i.number AS source_title,
      to_char(p.received_on, 'YYYY-MM-DD') AS source_date,
      round(a.amount * ${invoiceShare('i', r.category)} * ${orgRateSql(cur(sql`p.currency`), sql`p.received_on`)}, 2)::text AS basis,
      '100' AS split, a.amount::text AS source_amount
    FROM payment_allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.target_id
    WHERE a.target_kind = 'invoice' AND i.owner_id = ${r.userId} AND p.received_on BETWEEN ${r.from}::date AND ${r.to}::date
    ORDER BY 5, 2, 3`.execute(db);
  return rows;
}

/**
 * How much of a paid line's source still counts, as a fraction of what it counted then: an
 * opportunity no longer won, a voided invoice (0), a payment whose allocation to the invoice
 * was reduced or removed (what is left over what was credited).
 */
export async function stillCounts(db: Tx, source: { source_object: string; source_id: number; source_ref: string }): Promise<'all' | 'none' | { allocated: string }> {
  if (source.source_object === 'opportunities') {
    const { rows } = await sql<{ ok: boolean }>`SELECT stage_category = 'won' AS ok FROM opportunities WHERE id = ${source.source_id}`.execute(db);
    return rows[0]?.ok ? 'all' : 'none';
  }
  if (source.source_object === 'invoices') {
    const { rows } = await sql<{ ok: boolean }>`SELECT status <> 'void' AS ok FROM invoices WHERE id = ${source.source_id}`.execute(db);
    return rows[0]?.ok ? 'all' : 'none';
  }
  const invoiceId = Number(source.source_ref.split(':')[1]);
  const { rows } = await sql<{ amount: string }>`SELECT amount::text AS amount FROM payment_allocations
    WHERE payment_id = ${source.source_id} AND target_kind = 'invoice' AND target_id = ${invoiceId}`.execute(db);
  return { allocated: rows[0]?.amount ?? '0' };
}
