import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can, visibilityCondition, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { parsePeriod } from './forecasts.period.ts';

// Quotas: an amount in the organisation currency per rep, team or territory and period, one per
// owner and period (quota_exists). Administrators write them; others read the quotas of the reps
// they may see (their opportunities' visibility) and of their own or managed teams.

export type OwnerType = 'user' | 'team' | 'territory';
export interface QuotaInput { owner_type: OwnerType; owner_id: number; period: string; amount: number }
export interface Quota extends QuotaInput { id: number }

const OWNER_TABLE: Record<OwnerType, string> = { user: 'users', team: 'teams', territory: 'territories' };
const COLS = sql`id::int AS id, owner_type, owner_id::int AS owner_id, period, amount::float8 AS amount`;

/** The quotas the actor may read (SQL condition on alias q). */
export function quotaVisible(actor: Actor) {
  if (can(actor, 'admin')) return sql<boolean>`true`;
  const user = visibilityCondition(actor, 'opportunities', sql.ref('q.owner_id'));
  const team = sql<boolean>`(q.owner_id = ${actor.team_id ?? -1} OR q.owner_id IN (SELECT t.id FROM teams t WHERE t.manager_id = ${actor.id}))`;
  return sql<boolean>`((q.owner_type = 'user' AND ${user}) OR (q.owner_type = 'team' AND ${team}))`;
}

export async function listQuotas(db: Kysely<DB>, actor: Actor, period?: string): Promise<Quota[]> {
  const p = period ? parsePeriod(period) : undefined;
  const r = await sql<Quota>`SELECT ${COLS} FROM quotas q WHERE ${quotaVisible(actor)} ${p ? sql`AND q.period = ${p.key}` : sql``}
    ORDER BY q.period, q.owner_type, q.owner_id`.execute(db);
  return r.rows;
}

async function ownerExists(db: Kysely<DB>, type: OwnerType, id: number) {
  const r = await sql`SELECT 1 FROM ${sql.table(OWNER_TABLE[type])} WHERE id = ${id}`.execute(db);
  if (!r.rows.length) throw invalid([{ field: 'owner_id', message: 'No such owner', code: 'not_found' }]);
}

const exists = () => new AppError('quota_exists', 'This owner already has a quota for the period', [{ field: 'period', message: 'Already has a quota', code: 'quota_exists' }]);

export async function createQuota(db: Kysely<DB>, actor: Actor, q: QuotaInput): Promise<Quota> {
  const p = parsePeriod(q.period);
  await ownerExists(db, q.owner_type, q.owner_id);
  return db.transaction().execute(async (trx) => {
    const r = await sql<Quota>`INSERT INTO quotas (owner_type, owner_id, period, period_start, period_end, amount, created_by)
      VALUES (${q.owner_type}, ${q.owner_id}, ${p.key}, ${p.start}::date, ${p.end}::date, ${q.amount}, ${actor.id})
      ON CONFLICT (owner_type, owner_id, period) DO NOTHING RETURNING ${COLS}`.execute(trx);
    const row = r.rows[0];
    if (!row) throw exists();
    await writeAudit(trx, { actorId: actor.id, action: 'create', object: 'quotas', recordId: row.id, changes: { ...q, period: p.key } });
    return row;
  });
}

export async function updateQuota(db: Kysely<DB>, actor: Actor, id: number, amount: number): Promise<Quota> {
  return db.transaction().execute(async (trx) => {
    const before = (await sql<Quota>`SELECT ${COLS} FROM quotas WHERE id = ${id} FOR UPDATE`.execute(trx)).rows[0];
    if (!before) throw notFound('Quota');
    const r = await sql<Quota>`UPDATE quotas SET amount = ${amount}, updated_at = now() WHERE id = ${id} RETURNING ${COLS}`.execute(trx);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'quotas', recordId: id, changes: { amount: [before.amount, amount] } });
    return r.rows[0]!;
  });
}

export async function deleteQuota(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await sql<Quota>`DELETE FROM quotas WHERE id = ${id} RETURNING ${COLS}`.execute(trx);
    if (!r.rows[0]) throw notFound('Quota');
    await writeAudit(trx, { actorId: actor.id, action: 'delete', object: 'quotas', recordId: id, changes: r.rows[0] as unknown as Record<string, unknown> });
  });
}
