import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { HistoryEntry } from '../../../shared/contracts/opportunities.ts';
import type { DB } from '../../db/schema.ts';
import { canReadField, requireDo, type Actor } from '../../core/access.ts';
import { syncTimeline, timelineTargets } from '../../core/timeline.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible } from '../../records/service.ts';
import type { Row, WriteContext } from '../../records/types.ts';
import { insertHistory, secondsSince, selectHistory } from './opportunities.repo.ts';
import { selectStage } from './pipelines.repo.ts';

// The append-only history of an opportunity's stage, amount, close date and probability: one
// row per write that changed any of them (created included), written in the write's transaction.

const TRACKED = ['stage_id', 'amount', 'currency', 'expected_close_date', 'probability'] as const;

const same = (a: unknown, b: unknown) => {
  const norm = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));
  return norm(a) === norm(b);
};

export async function recordHistory(ctx: WriteContext, row: Row, existing: Row | null): Promise<void> {
  const changed = existing ? TRACKED.filter((k) => !same(row[k], existing[k])) : [...TRACKED].filter((k) => row[k] !== null && row[k] !== undefined);
  if (changed.length) {
    const stageMoved = existing !== null && changed.includes('stage_id');
    await insertHistory(ctx.trx, {
      opportunity_id: row.id, actor_id: ctx.actor.id,
      from_stage_id: existing ? Number(existing.stage_id) : null, to_stage_id: Number(row.stage_id),
      entered_at: stageMoved ? existing.stage_entered_at : null,
      amount: row.amount, currency: row.currency, amount_org: row.amount_org, expected_close_date: row.expected_close_date,
      probability: row.probability, changed,
    });
  }
  await syncTimeline(ctx.trx, 'opportunity', row.id, {
    occurredAt: row.created_at, kind: 'opportunity', title: row.name, body: row.stage_name, targets: timelineTargets(ctx.def, row), actorId: ctx.actor.id,
  });
}

const MONEY_KEYS = ['amount', 'amount_org'] as const;

/** GET /opportunities/{id}/history: read like the record (hidden = not found); hidden fields' values left out. */
export async function opportunityHistory(db: Kysely<DB>, actor: Actor, id: number) {
  const def = getObject('opportunities');
  requireDo(actor, def, 'read');
  const row = await loadVisible(db, def, actor, id);
  const rows = await selectHistory(db, id);
  const hidden = ['amount', 'currency', 'amount_org', 'expected_close_date', 'probability'].filter((k) => !canReadField(actor, def.name, k));
  // The amount and its organisation-currency value are one secret: either hidden hides both.
  if (MONEY_KEYS.some((k) => hidden.includes(k))) hidden.push(...MONEY_KEYS);
  const changes = rows.map((r) => {
    const out: Row = { ...r, changed: (r.changed as string[]).filter((k) => !hidden.includes(k)) };
    for (const k of hidden) delete out[k];
    return out;
  }).filter((r) => r.changed.length > 0) as z.infer<typeof HistoryEntry>[];
  const stage = await selectStage(db, Number(row.stage_id));
  const seconds = await secondsSince(db, row.stage_entered_at);
  const rotting = row.stage_category === 'open' && stage?.rotting_days != null && seconds > stage.rotting_days * 86400;
  const since = row.stage_entered_at instanceof Date ? row.stage_entered_at.toISOString() : String(row.stage_entered_at);
  return { changes, current: { stage_id: Number(row.stage_id), since, seconds, rotting } };
}
