import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { notFound } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { FILTER_OPS } from '../../../shared/fields.ts';
import { assertViewReadable, redactView } from './view-redact.ts';
import * as repo from './views.repo.ts';

export const ViewBody = z.object({
  object: z.string().min(1).max(50),
  name: z.string().trim().min(1).max(100),
  filters: z.array(z.object({ field: z.string().max(80), op: z.enum(FILTER_OPS), value: z.string().max(1000) })).max(50).default([]),
  sort: z.string().max(100).nullable().optional(),
  columns: z.array(z.string().max(80)).max(200).default([]),
  density: z.enum(['small', 'middle', 'large']).optional(),
  shared: z.boolean().optional(),
  position: z.number().int().optional(),
});
export const ViewPatch = ViewBody.omit({ object: true }).partial();

/** The actor's own views of an object and the ones others shared. */
export async function listViews(db: Kysely<DB>, actor: Actor, object: string) {
  const rows = await repo.selectViews(db, object, actor.id);
  return rows.map((r) => ({ ...redactView(actor, r), mine: r.user_id === actor.id }));
}

export async function createView(db: Kysely<DB>, actor: Actor, body: z.infer<typeof ViewBody>) {
  getObject(body.object);
  assertViewReadable(actor, body.object, body);
  const row = await repo.insertView(db, { ...body, user_id: actor.id, filters: JSON.stringify(body.filters), columns: JSON.stringify(body.columns), sort: body.sort ?? null });
  return redactView(actor, row);
}

export async function updateView(db: Kysely<DB>, actor: Actor, id: number, body: z.infer<typeof ViewPatch>) {
  const mine = await repo.selectOwnView(db, id, actor.id);
  if (!mine) throw notFound('View');
  assertViewReadable(actor, mine.object, body);
  const set: Record<string, unknown> = { ...body };
  if (body.filters) set.filters = JSON.stringify(body.filters);
  if (body.columns) set.columns = JSON.stringify(body.columns);
  const row = await repo.updateOwnView(db, id, actor.id, set);
  if (!row) throw notFound('View');
  return redactView(actor, row);
}

export async function deleteView(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  if (!(await repo.deleteOwnView(db, id, actor.id))) throw notFound('View');
}
