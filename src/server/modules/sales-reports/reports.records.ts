import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { decodeCursor } from '../../records/query.ts';
import { pageOf } from '../../records/page.ts';
import { orgZone } from '../../core/org-time.ts';
import { funnelRecords, revenueRecords, type RecordRow } from './reports.repo.ts';
import { amountsVisible, periodOf, pipelineOf, requireAmounts, requireOpportunities, scope, type Filters } from './reports.scope.ts';
import { regionKey, revenueKey } from './reports.service.ts';
import { basisKey, basisRecords, requireBasis, type Basis } from './reports.basis.ts';

type Group = 'period' | 'owner' | 'product' | 'region';

// The records behind a figure the generic list cannot filter for: who reached a funnel stage (by
// the stage history), whose lines sold a product, whose account lies in a province. The same
// statement as the figure, so the page lists exactly the counted opportunities, a keyset page at a
// time, with the caller's visibility and amount rule.

type Paging = { cursor?: string; limit?: number };

/** `checked`: the amounts' field rule was checked by the basis (invoices, payments). */
function page(actor: Actor, rows: RecordRow[], limit: number, checked = false) {
  const money = checked || amountsVisible(actor);
  const p = pageOf(rows, limit, (last) => [null, last.id]);
  return {
    data: p.data.map((r) => ({ ...r, closed_at: r.closed_at instanceof Date ? r.closed_at.toISOString() : r.closed_at, amount: money ? r.amount : null })),
    next_cursor: p.next_cursor,
  };
}

const before = (cursor: string | undefined) => (cursor ? Number(decodeCursor(cursor)[1]) : Number.MAX_SAFE_INTEGER);

export async function funnelStageRecords(db: Kysely<DB>, actor: Actor, p: Filters & Paging & { stage_id: number }) {
  requireOpportunities(actor, ['created_at']);
  const period = periodOf(p, await orgZone(db));
  const pipelineId = await pipelineOf(db, p.pipeline_id);
  const limit = p.limit ?? 50;
  return page(actor, await funnelRecords(db, pipelineId, p.stage_id, period, scope(actor, { ...p, pipeline_id: pipelineId }), before(p.cursor), limit), limit);
}

export async function revenueBucketRecords(db: Kysely<DB>, actor: Actor, p: Filters & Paging & { group: Group; interval: 'month' | 'quarter'; basis?: Basis; key: string }) {
  const period = periodOf(p, await orgZone(db));
  const limit = p.limit ?? 50;
  const product = p.group === 'product';
  const basis = p.basis ?? 'booked';
  if (basis !== 'booked') {
    const s = requireBasis(actor, basis, p.group);
    const rows = await basisRecords(db, actor, s, basisKey(actor, p.group, p.interval, s, regionKey(actor)), p.key, period, p, product, before(p.cursor), limit);
    return page(actor, rows, limit, true);
  }
  requireOpportunities(actor, ['stage_category', 'closed_at']);
  requireAmounts(actor);
  const key = revenueKey(actor, p.group, p.interval, period.zone);
  return page(actor, await revenueRecords(db, sql<boolean>`${key} = ${p.key}`, product, period, scope(actor, p), before(p.cursor), limit), limit);
}
