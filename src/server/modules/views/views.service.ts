import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { notFound } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { FILTER_OPS } from '../../../shared/fields.ts';
import { assertViewReadable, redactView } from './view-redact.ts';
import { validateCondition } from '../../records/conditions.ts';
import * as repo from './views.repo.ts';

export const ViewBody = z.object({
  object: z.string().min(1).max(50),
  name: z.string().trim().min(1).max(100),
  filters: z.array(z.object({ field: z.string().max(80), op: z.enum(FILTER_OPS), value: z.string().max(1000) })).max(50).default([]),
  sort: z.string().max(100).nullable().optional(),
  columns: z.array(z.string().max(80)).max(200).default([]),
  /** A condition tree (shared/contracts/conditions.ts), checked on save by records/conditions.ts. */
  conditions: z.unknown().optional(),
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

/** The tree as stored: checked for the actor (a field they may not read is refused like an unknown one), or null. */
async function checkedTree(db: Kysely<DB>, actor: Actor, object: string, tree: unknown): Promise<string | null> {
  if (tree === undefined || tree === null) return null;
  return JSON.stringify(await validateCondition(db, getObject(object), tree, actor));
}

export async function createView(db: Kysely<DB>, actor: Actor, body: z.infer<typeof ViewBody>) {
  getObject(body.object);
  assertViewReadable(actor, body.object, body);
  const conditions = await checkedTree(db, actor, body.object, body.conditions);
  const row = await repo.insertView(db, { ...body, conditions, user_id: actor.id, filters: JSON.stringify(body.filters), columns: JSON.stringify(body.columns), sort: body.sort ?? null });
  return redactView(actor, row);
}

export async function updateView(db: Kysely<DB>, actor: Actor, id: number, body: z.infer<typeof ViewPatch>) {
  const mine = await repo.selectOwnView(db, id, actor.id);
  if (!mine) throw notFound('View');
  assertViewReadable(actor, mine.object, body);
  const set: Record<string, unknown> = { ...body };
  if (body.filters) set.filters = JSON.stringify(body.filters);
  if (body.columns) set.columns = JSON.stringify(body.columns);
  if (body.conditions !== undefined) set.conditions = await checkedTree(db, actor, mine.object, body.conditions);
  const row = await repo.updateOwnView(db, id, actor.id, set);
  if (!row) throw notFound('View');
  return redactView(actor, row);
}

export async function deleteView(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  if (!(await repo.deleteOwnView(db, id, actor.id))) throw notFound('View');
}
