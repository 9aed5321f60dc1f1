import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { allFields } from '../../records/fields.ts';
import { getObject } from '../../records/registry.ts';
import type { PipelineInput, PipelinePatch, StageInput } from '../../../shared/contracts/opportunities.ts';
import * as repo from './pipelines.repo.ts';

// Pipelines: administrators keep several, each with its ordered stages. A stage's category
// (open / won / lost) is what the opportunity rules and reports read; its name is only shown.

type StagesIn = z.infer<typeof StageInput>[];

export async function listPipelines(db: Kysely<DB>, withArchived = false) {
  const pipelines = await repo.selectPipelines(db, withArchived);
  const stages = await repo.selectStages(db, pipelines.map((p) => p.id));
  return pipelines.map((p) => ({ ...p, stages: stages.filter((s) => s.pipeline_id === p.id).map(({ pipeline_id: _, ...s }) => s) }));
}

export async function getPipeline(db: Kysely<DB>, id: number) {
  const p = await repo.selectPipeline(db, id);
  if (!p) throw notFound('pipeline');
  const stages = await repo.selectStages(db, [id]);
  return { ...p, stages: stages.map(({ pipeline_id: _, ...s }) => s) };
}

/** Field keys a stage may require: the opportunity's writable standard fields and its custom fields. */
async function checkStages(db: Kysely<DB>, stages: StagesIn, existingIds: Set<number>): Promise<void> {
  const fields = await allFields(db, getObject('opportunities'));
  const writable = new Set(fields.filter((f) => !f.system).map((f) => f.key));
  const issues: FieldIssue[] = [];
  stages.forEach((s, i) => {
    if (s.id !== undefined && !existingIds.has(s.id)) issues.push({ field: `stages.${i}.id`, message: 'No such stage in this pipeline', code: 'invalid_stage' });
    s.required_fields.forEach((k, j) => {
      if (!writable.has(k)) issues.push({ field: `stages.${i}.required_fields.${j}`, message: `No opportunity field ${k}`, code: 'unknown_field' });
    });
  });
  if (!stages.some((s) => s.category === 'open')) issues.push({ field: 'stages', message: 'A pipeline needs an open stage', code: 'no_open_stage' });
  if (new Set(stages.map((s) => s.id).filter(Boolean)).size !== stages.filter((s) => s.id).length) {
    issues.push({ field: 'stages', message: 'A stage is listed twice', code: 'duplicate_stage' });
  }
  if (issues.length) throw invalid(issues);
}

/** Writes the ordered stage list: kept ones updated, new ones added, left-out ones deleted (refused while an opportunity is in one). */
async function writeStages(trx: Kysely<DB>, pipelineId: number, stages: StagesIn): Promise<void> {
  const before = await repo.selectStages(trx, [pipelineId]);
  const kept = new Set(stages.map((s) => s.id).filter((x): x is number => x !== undefined));
  const dropped = before.filter((s) => !kept.has(s.id)).map((s) => s.id);
  const inUse = await repo.stagesInUse(trx, dropped);
  if (inUse.length) {
    throw new AppError('conflict', 'A stage that has opportunities cannot be deleted: move them first', {
      reason: 'stage_in_use', stages: before.filter((s) => inUse.includes(s.id)).map((s) => ({ id: s.id, name: s.name })),
    });
  }
  await repo.deleteStages(trx, dropped);
  for (const [i, s] of stages.entries()) {
    const row = { ...s, position: i + 1 };
    if (s.id === undefined) await repo.insertStage(trx, pipelineId, row);
    else {
      await repo.updateStage(trx, { ...row, id: s.id });
      await repo.refreshStageCopies(trx, { id: s.id, name: s.name, category: s.category });
    }
  }
}

export async function createPipeline(db: Kysely<DB>, actorId: number, body: z.infer<typeof PipelineInput>) {
  await checkStages(db, body.stages, new Set());
  const id = await db.transaction().execute(async (trx) => {
    const pid = await repo.insertPipeline(trx, { name: body.name, position: body.position, is_default: false });
    if (body.is_default) await repo.updatePipeline(trx, pid, { name: body.name, position: body.position, is_default: true, archived: false });
    await writeStages(trx, pid, body.stages);
    await writeAudit(trx, { actorId, action: 'create', object: 'pipelines', recordId: pid, changes: { name: [null, body.name], stages: [null, body.stages.map((s) => s.name)] } });
    return pid;
  });
  return getPipeline(db, id);
}

export async function updatePipeline(db: Kysely<DB>, actorId: number, id: number, body: z.infer<typeof PipelinePatch>) {
  await db.transaction().execute(async (trx) => {
    const p = await repo.selectPipeline(trx, id, true);
    if (!p) throw notFound('pipeline');
    const next = { name: body.name ?? p.name, position: body.position ?? p.position, is_default: body.is_default ?? p.is_default, archived: body.archived ?? p.archived };
    if (next.archived && next.is_default) {
      throw new AppError('conflict', 'The default pipeline cannot be archived: make another the default first', { reason: 'pipeline_is_default' });
    }
    if (body.stages) {
      await checkStages(trx, body.stages, new Set((await repo.selectStages(trx, [id])).map((s) => s.id)));
      await writeStages(trx, id, body.stages);
    }
    await repo.updatePipeline(trx, id, next);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of ['name', 'position', 'is_default', 'archived'] as const) if (next[k] !== p[k]) changes[k] = [p[k], next[k]];
    if (body.stages) changes.stages = [null, body.stages.map((s) => s.name)];
    await writeAudit(trx, { actorId, action: 'update', object: 'pipelines', recordId: id, changes });
  });
  return getPipeline(db, id);
}
