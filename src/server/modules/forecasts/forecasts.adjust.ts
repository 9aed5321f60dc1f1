import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { orgToday } from '../../core/org-time.ts';
import { parsePeriod, periodClosed } from './forecasts.period.ts';

// Managers' adjustments: the manager of a rep's team (or an administrator) overrides the rep's or
// the team's commit / best case for an open period, with a note. Rows are only ever added (the
// newest wins) and each is audited, so the forecast shows the reps' figure beside the adjusted one
// and the history of who changed it stays.

export interface AdjustInput { period: string; user_id?: number; team_id?: number; category: 'commit' | 'best_case'; amount: number; note: string }
export interface Adjustment { amount: number; note: string; adjusted_by: number; adjusted_by_name: string | null; at: string }
export type Adjusted = { commit: Adjustment | null; best_case: Adjustment | null };

/** Does the actor manage the team (or, for a rep, the rep's team)? Unknown users and teams answer no, like others' ones. */
async function manages(db: Kysely<DB>, actor: Actor, i: AdjustInput): Promise<boolean> {
  if (can(actor, 'admin')) {
    const table = i.user_id ? 'users' : 'teams';
    return (await sql`SELECT 1 FROM ${sql.table(table)} WHERE id = ${i.user_id ?? i.team_id!}`.execute(db)).rows.length > 0;
  }
  const r = i.user_id
    ? await sql`SELECT 1 FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = ${i.user_id} AND t.manager_id = ${actor.id}`.execute(db)
    : await sql`SELECT 1 FROM teams t WHERE t.id = ${i.team_id!} AND t.manager_id = ${actor.id}`.execute(db);
  return r.rows.length > 0;
}

export async function adjustForecast(db: Kysely<DB>, actor: Actor, i: AdjustInput, day?: string) {
  const today = day ?? (await orgToday(db));
  const period = parsePeriod(i.period);
  if (!(await manages(db, actor, i))) throw forbidden('Only the manager of the team adjusts its forecast');
  if (periodClosed(period, today)) throw new AppError('period_closed', 'The period has ended; its forecast is final', { reason: 'period_closed' });
  const scope = i.user_id ? { type: 'user', id: i.user_id } : { type: 'team', id: i.team_id! };
  return db.transaction().execute(async (trx) => {
    const r = await sql<{ id: number; created_at: Date }>`INSERT INTO forecast_adjustments (scope_type, scope_id, period, category, amount, note, adjusted_by)
      VALUES (${scope.type}, ${scope.id}, ${period.key}, ${i.category}, ${i.amount}, ${i.note}, ${actor.id}) RETURNING id::int AS id, created_at`.execute(trx);
    const row = r.rows[0]!;
    await writeAudit(trx, { actorId: actor.id, action: 'forecast_adjust', object: 'forecasts', recordId: row.id, changes: { scope: scope.type, scope_id: scope.id, period: period.key, category: i.category, amount: i.amount, note: i.note } });
    return { id: row.id, scope_type: scope.type, scope_id: scope.id, period: period.key, category: i.category, amount: i.amount, note: i.note };
  });
}

/** The newest adjustment per scope and category of a period, for the given reps and teams. */
export async function latestAdjustments(db: Kysely<DB>, period: string, users: number[], teams: number[]) {
  const rows = users.length || teams.length
    ? (await sql<{ scope_type: string; scope_id: number; category: 'commit' | 'best_case' } & Adjustment>`SELECT DISTINCT ON (a.scope_type, a.scope_id, a.category)
        a.scope_type, a.scope_id::int AS scope_id, a.category, a.amount::float8 AS amount, a.note, a.adjusted_by::int AS adjusted_by, u.name AS adjusted_by_name, a.created_at AS at
        FROM forecast_adjustments a LEFT JOIN users u ON u.id = a.adjusted_by
       WHERE a.period = ${period} AND ((a.scope_type = 'user' AND a.scope_id IN (${sql.join([...users, -1])}))
          OR (a.scope_type = 'team' AND a.scope_id IN (${sql.join([...teams, -1])})))
       ORDER BY a.scope_type, a.scope_id, a.category, a.id DESC`.execute(db)).rows
    : [];
  const of = (type: string, id: number): Adjusted => {
    const pick = (c: string) => {
      const x = rows.find((r) => r.scope_type === type && r.scope_id === id && r.category === c);
      return x ? { amount: x.amount, note: x.note, adjusted_by: x.adjusted_by, adjusted_by_name: x.adjusted_by_name, at: new Date(x.at).toISOString() } : null;
    };
    return { commit: pick('commit'), best_case: pick('best_case') };
  };
  return { user: (id: number) => of('user', id), team: (id: number) => of('team', id) };
}
