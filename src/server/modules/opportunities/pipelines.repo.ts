import { sql } from 'kysely';
import type { Tx } from '../../records/types.ts';

// SQL of pipelines and their stages (no rules: pipelines.service.ts and opportunities.rules.ts hold them).

export interface StageRow {
  id: number;
  pipeline_id: number;
  position: number;
  name: string;
  category: 'open' | 'won' | 'lost';
  probability: number;
  forecast_category: 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';
  required_fields: string[];
  rotting_days: number | null;
}

export interface PipelineRow {
  id: number;
  name: string;
  position: number;
  is_default: boolean;
  archived: boolean;
}

const STAGE_COLS = sql`id::int AS id, pipeline_id::int AS pipeline_id, position, name, category, probability, forecast_category, required_fields, rotting_days`;

export async function selectPipelines(db: Tx, withArchived: boolean): Promise<PipelineRow[]> {
  const { rows } = await sql<PipelineRow>`SELECT id::int AS id, name, position, is_default, archived FROM pipelines
    ${withArchived ? sql`` : sql`WHERE NOT archived`} ORDER BY position, id LIMIT 200`.execute(db);
  return rows;
}

export async function selectPipeline(db: Tx, id: number, lock = false): Promise<PipelineRow | undefined> {
  const { rows } = await sql<PipelineRow>`SELECT id::int AS id, name, position, is_default, archived FROM pipelines WHERE id = ${id}
    ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows[0];
}

export async function defaultPipelineId(db: Tx): Promise<number | null> {
  const { rows } = await sql<{ id: number }>`SELECT id::int AS id FROM pipelines WHERE NOT archived ORDER BY is_default DESC, position, id LIMIT 1`.execute(db);
  return rows[0]?.id ?? null;
}

/** The stages of these pipelines in order. */
export async function selectStages(db: Tx, pipelineIds: number[]): Promise<StageRow[]> {
  if (!pipelineIds.length) return [];
  const { rows } = await sql<StageRow>`SELECT ${STAGE_COLS} FROM pipeline_stages WHERE pipeline_id = ANY(${pipelineIds}::bigint[]) ORDER BY pipeline_id, position, id`.execute(db);
  return rows;
}

export async function selectStage(db: Tx, id: number): Promise<StageRow | undefined> {
  const { rows } = await sql<StageRow>`SELECT ${STAGE_COLS} FROM pipeline_stages WHERE id = ${id}`.execute(db);
  return rows[0];
}

export async function insertPipeline(db: Tx, p: { name: string; position: number; is_default: boolean }): Promise<number> {
  const { rows } = await sql<{ id: number }>`INSERT INTO pipelines (name, position, is_default) VALUES (${p.name}, ${p.position}, ${p.is_default}) RETURNING id::int AS id`.execute(db);
  return rows[0]!.id;
}

export async function updatePipeline(db: Tx, id: number, p: { name: string; position: number; is_default: boolean; archived: boolean }): Promise<void> {
  if (p.is_default) await sql`UPDATE pipelines SET is_default = false WHERE is_default AND id <> ${id}`.execute(db);
  await sql`UPDATE pipelines SET name = ${p.name}, position = ${p.position}, is_default = ${p.is_default}, archived = ${p.archived}, updated_at = now() WHERE id = ${id}`.execute(db);
}

export type StageWrite = Omit<StageRow, 'id' | 'pipeline_id'> & { id?: number };

export async function insertStage(db: Tx, pipelineId: number, s: StageWrite): Promise<void> {
  await sql`INSERT INTO pipeline_stages (pipeline_id, position, name, category, probability, forecast_category, required_fields, rotting_days)
    VALUES (${pipelineId}, ${s.position}, ${s.name}, ${s.category}, ${s.probability}, ${s.forecast_category}, ${sql.val(s.required_fields)}::text[], ${s.rotting_days})`.execute(db);
}

export async function updateStage(db: Tx, s: StageWrite & { id: number }): Promise<void> {
  await sql`UPDATE pipeline_stages SET position = ${s.position}, name = ${s.name}, category = ${s.category}, probability = ${s.probability},
    forecast_category = ${s.forecast_category}, required_fields = ${sql.val(s.required_fields)}::text[], rotting_days = ${s.rotting_days}, updated_at = now()
    WHERE id = ${s.id}`.execute(db);
}

export async function deleteStages(db: Tx, ids: number[]): Promise<void> {
  if (ids.length) await sql`DELETE FROM pipeline_stages WHERE id = ANY(${ids}::bigint[])`.execute(db);
}

/** Of these stages, those some opportunity is in (whoever owns it). */
export async function stagesInUse(db: Tx, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const { rows } = await sql<{ id: number }>`SELECT DISTINCT stage_id::int AS id FROM opportunities WHERE stage_id = ANY(${ids}::bigint[])`.execute(db);
  return rows.map((r) => r.id);
}

/** Keeps the opportunities' copies of a stage's name and category true after an admin changed the stage. */
export async function refreshStageCopies(db: Tx, s: { id: number; name: string; category: string }): Promise<void> {
  await sql`UPDATE opportunities SET stage_name = ${s.name}, stage_category = ${s.category}
    WHERE stage_id = ${s.id} AND (stage_name <> ${s.name} OR stage_category <> ${s.category})`.execute(db);
}
