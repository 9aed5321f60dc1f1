import { z } from 'zod';
import { one } from './common.ts';

// Pipelines (admin API /pipelines) and the opportunity endpoints beside the record surface
// (server: modules/opportunities; web: src/web/modules/opportunities).

export const STAGE_CATEGORIES = ['open', 'won', 'lost'] as const;
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export const CONTACT_ROLES = ['decision_maker', 'influencer', 'user', 'economic_buyer', 'technical_evaluator', 'other'] as const;

const name = z.string().trim().min(1).max(100);

export const StageInput = z.object({
  /** An existing stage of this pipeline (kept and changed); absent: a new stage. */
  id: z.number().int().positive().optional(),
  name,
  category: z.enum(STAGE_CATEGORIES),
  probability: z.number().int().min(0).max(100),
  forecast_category: z.enum(FORECAST_CATEGORIES),
  /** Opportunity field keys that must be filled to enter the stage. */
  required_fields: z.array(z.string().min(1).max(100)).max(50).default([]),
  /** Days in the stage after which a card is flagged as rotting; null: never. */
  rotting_days: z.number().int().min(1).max(3650).nullable().default(null),
}).strict();

/** POST /pipelines; PATCH /pipelines/{id} (stages: the whole ordered list; a stage left out is deleted unless an opportunity is in it). */
export const PipelineInput = z.object({
  name,
  is_default: z.boolean().default(false),
  position: z.number().int().min(0).max(10000).default(0),
  stages: z.array(StageInput).min(1).max(30),
}).strict();
export const PipelinePatch = z.object({
  name: name.optional(),
  is_default: z.boolean().optional(),
  position: z.number().int().min(0).max(10000).optional(),
  archived: z.boolean().optional(),
  stages: z.array(StageInput).min(1).max(30).optional(),
}).strict();

export const Stage = z.object({
  id: z.number().int(),
  name: z.string(),
  position: z.number().int(),
  category: z.enum(STAGE_CATEGORIES),
  probability: z.number().int(),
  forecast_category: z.enum(FORECAST_CATEGORIES),
  required_fields: z.array(z.string()),
  rotting_days: z.number().int().nullable(),
});
export const Pipeline = z.object({
  id: z.number().int(),
  name: z.string(),
  position: z.number().int(),
  is_default: z.boolean(),
  archived: z.boolean(),
  stages: z.array(Stage),
});
export const PipelineAnswer = one(Pipeline);
export const PipelinesAnswer = z.object({ data: z.array(Pipeline) });

/** GET /opportunities/board?pipeline=ID: the pipeline's stages in order with their counts and totals (org currency). */
export const OpportunityColumn = Stage.extend({
  count: z.number().int(),
  /** Σ amount_org; absent when the caller may not read the amount. */
  sum: z.string().optional(),
  /** Σ amount_org × probability / 100; absent like sum. */
  weighted: z.string().optional(),
});
export const OpportunityBoard = z.object({ pipeline: Pipeline.omit({ stages: true }), currency: z.string(), columns: z.array(OpportunityColumn) });
export const OpportunityBoardAnswer = one(OpportunityBoard);

/** POST /opportunities/{id}/move */
export const OpportunityMove = z.object({
  stage_id: z.number().int().positive(),
  before_id: z.number().int().positive().optional(),
  after_id: z.number().int().positive().optional(),
  /** Filled on the way (a lost reason entering a lost stage, a field the stage requires). */
  values: z.record(z.string(), z.unknown()).optional(),
}).strict();

export const OpportunityContact = z.object({ contact_id: z.number().int().positive(), role: z.enum(CONTACT_ROLES) }).strict();
export const OpportunityContactsPut = z.object({ contacts: z.array(OpportunityContact).max(100) }).strict();
export const OpportunityContactOut = z.object({ contact_id: z.number().int(), role: z.enum(CONTACT_ROLES), name: z.string().nullable() });
export const OpportunityContactsAnswer = z.object({ data: z.array(OpportunityContactOut) });

export const HistoryEntry = z.object({
  at: z.string(),
  actor_id: z.number().int().nullable(),
  changed: z.array(z.string()),
  from_stage_id: z.number().int().nullable(),
  to_stage_id: z.number().int().nullable(),
  seconds_in_previous: z.number().nullable(),
  amount: z.string().nullable().optional(),
  currency: z.string().nullable().optional(),
  amount_org: z.string().nullable().optional(),
  expected_close_date: z.string().nullable().optional(),
  probability: z.number().int().nullable().optional(),
});
export const OpportunityHistory = z.object({
  changes: z.array(HistoryEntry),
  /** The stage now, since when, how long so far, and whether that is past its rotting days. */
  current: z.object({ stage_id: z.number().int(), since: z.string(), seconds: z.number(), rotting: z.boolean() }),
});
export const OpportunityHistoryAnswer = one(OpportunityHistory);
