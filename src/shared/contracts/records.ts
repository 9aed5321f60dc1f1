import type { ConditionGroup } from './conditions.ts';
import { z } from 'zod';
import { FILTER_OPS } from '../fields.ts';
import { Timestamp } from './common.ts';

/** The title of a linked record the caller may read. */
export const Ref = z.object({ id: z.number().int(), title: z.string() });

/** A record as the API returns it: its readable fields (standard and cf_*), plus refs. Each object's own schema is in the OpenAPI document. */
export const ApiRecord = z.looseObject({ id: z.number().int(), refs: z.record(z.string(), Ref).optional() });

/** GET /{object}/{id}/related-counts: the size of each related list on the record page (tab labels). */
export const RelatedCountsAnswer = z.object({
  data: z.array(z.object({ object: z.string(), field: z.string(), count: z.number().int(), capped: z.boolean() })),
});
export type RelatedCountsAnswer = z.infer<typeof RelatedCountsAnswer>;

export const Filter = z.object({ field: z.string(), op: z.enum(FILTER_OPS), value: z.string() });

export const SavedView = z.object({
  id: z.number().int(),
  object: z.string(),
  name: z.string(),
  filters: z.array(Filter),
  sort: z.string().nullable(),
  columns: z.array(z.string()),
  density: z.enum(['small', 'middle', 'large']).optional(),
  shared: z.boolean().optional(),
  mine: z.boolean().optional(),
  position: z.number().optional(),
  /** The condition tree saved with the view (null: none): see ./conditions.ts. */
  conditions: z.custom<ConditionGroup>().nullable().optional(),
  /** Filters and tree as one tree: what the view selects. */
  where: z.custom<ConditionGroup>().optional(),
});

export const SearchHit = z.object({ type: z.string(), id: z.number().int(), title: z.string(), subtitle: z.string().nullable(), score: z.number() });

export const TimelineEvent = z.object({
  id: z.number().int(),
  occurred_at: Timestamp,
  kind: z.string(),
  title: z.string().nullable(),
  body: z.string().nullable(),
  ref_type: z.string().nullable(),
  ref_id: z.number().int().nullable(),
  actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});

export const DuplicateMatch = z.looseObject({ id: z.number().int(), name: z.string(), reasons: z.array(z.string()).optional() });

export const ContactAccountLink = z.object({
  account_id: z.number().int(),
  account_name: z.string().optional(),
  role: z.string().nullable(),
  is_primary: z.boolean(),
});

const Option = z.object({ value: z.string(), label: z.string().optional(), labels: z.record(z.string(), z.string()).optional() });
export const CustomField = z.object({
  id: z.number().int(),
  object: z.string(),
  key: z.string(),
  label: z.string(),
  labels: z.record(z.string(), z.string()),
  type: z.string(),
  options: z.array(Option),
  required: z.boolean(),
  searchable: z.boolean().optional(),
  link: z.string().nullable(),
  position: z.number(),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: Timestamp.optional(),
  created_at: Timestamp.optional(),
  actor_id: z.number().int().nullable(),
  actor_name: z.string().nullable(),
  action: z.string(),
  object: z.string(),
  record_id: z.number().int().nullable(),
  /** The record's title, only when the reader may read that record (and its title field) now. */
  record_title: z.string().nullable().optional(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});

export const LoginEntry = z.object({
  id: z.number().int(),
  user_id: z.number().int().nullable(),
  email: z.string().optional(),
  ip: z.string().nullable().optional(),
  user_agent: z.string().nullable().optional(),
  success: z.boolean().optional(),
  ok: z.boolean().optional(),
  reason: z.string().nullable().optional(),
  at: Timestamp.optional(),
  created_at: Timestamp.optional(),
});
