import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canReadField, requireDo, type Actor } from '../../core/access.ts';
import { invalid } from '../../http/errors.ts';
import { columnCards, columnTotals, moveToColumn } from '../../records/board.ts';
import { orgCurrency } from '../../records/money.ts';
import { getObject } from '../../records/registry.ts';
import type { ListParams } from '../../records/service.ts';
import type { Row } from '../../records/types.ts';
import { getPipeline } from './pipelines.service.ts';
import { stageTimes } from './opportunities.repo.ts';

// The kanban board of one pipeline, on records/board.ts's data-driven columns: the pipeline's
// stages in order, each counted and totalled in the organisation currency (amount_org) and
// weighted by probability by the database in one statement, under the actor's visibility and the
// list filters. A role that may not read the amount gets counts only (sums would disclose it).

const def = () => getObject('opportunities');

function inPipeline(p: ListParams, pipelineId: number): ListParams {
  return { ...p, filters: [...(p.filters ?? []), { field: 'pipeline_id', op: 'eq', value: String(pipelineId) }] };
}

export async function opportunityBoard(db: Kysely<DB>, actor: Actor, pipelineId: number, p: ListParams) {
  const d = def();
  requireDo(actor, d, 'list');
  const { stages, ...pipeline } = await getPipeline(db, pipelineId);
  const money = canReadField(actor, d.name, 'amount') && canReadField(actor, d.name, 'amount_org');
  const weight = money && canReadField(actor, d.name, 'probability') ? 'probability' : undefined;
  const totals = await columnTotals(db, d, actor, inPipeline(p, pipelineId), {
    field: 'stage_id', values: stages.map((s) => String(s.id)), sum: money ? 'amount_org' : undefined, weight,
  });
  const columns = stages.map((s, i) => {
    const { value: _, ...t } = totals[i]!;
    return { ...s, ...t };
  });
  return { pipeline, currency: await orgCurrency(db), columns };
}

async function stageOf(db: Kysely<DB>, pipelineId: number, stageId: number) {
  const { stages } = await getPipeline(db, pipelineId);
  if (!stages.some((s) => s.id === stageId)) throw invalid([{ field: 'stage', message: 'Not a stage of this pipeline', code: 'invalid_stage' }]);
}

/** A page of one stage's cards in board order (list answer JSON), each flagged `rotting` when past its stage's rotting days. */
export async function opportunityCards(db: Kysely<DB>, actor: Actor, pipelineId: number, stageId: number, p: ListParams, engineWritesJson: boolean): Promise<string> {
  await stageOf(db, pipelineId, stageId);
  const page = JSON.parse(await columnCards(db, def(), actor, inPipeline(p, pipelineId), 'stage_id', String(stageId), engineWritesJson)) as { data: Row[]; next_cursor: string | null };
  const times = await stageTimes(db, page.data.map((c) => Number(c.id)));
  for (const c of page.data) c.rotting = times.get(Number(c.id))?.rotting ?? false;
  return JSON.stringify(page);
}

/** POST /opportunities/{id}/move: to a stage (of its pipeline: the rules check it) and a place; `values` filled on the way. */
export async function moveOpportunity(db: Kysely<DB>, actor: Actor, id: number, m: { stage_id: number; before_id?: number; after_id?: number; values?: Row }) {
  const values = { ...(m.values ?? {}), stage_id: m.stage_id };
  return moveToColumn(db, def(), actor, id, { field: 'stage_id', to: String(m.stage_id), before_id: m.before_id, after_id: m.after_id }, values);
}
