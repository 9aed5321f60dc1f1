import { sql } from 'kysely';
import type { Tx } from '../../records/types.ts';
import type { RolePermissions } from '../../db/schema.ts';
import { likeEscape } from '../../db/like.ts';

/** SQL of the users module (users, teams, roles, API keys); rules live in the services. */
export const PUBLIC_COLUMNS = ['id', 'email', 'name', 'role', 'team_id', 'locale', 'active', 'created_at'] as const;

export async function selectUsersPage(db: Tx, q: { text?: string; after?: [string, unknown]; limit: number }) {
  let query = db.selectFrom('users').select([...PUBLIC_COLUMNS]).orderBy('name').orderBy('id').limit(q.limit);
  if (q.text) {
    const pattern = `%${likeEscape(q.text)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  if (q.after) query = query.where(sql<boolean>`(name, id) > (${q.after[0]}, ${q.after[1]})`);
  return query.execute();
}

export function selectUser(db: Tx, id: number, opts: { forUpdate?: boolean } = {}) {
  const q = db.selectFrom('users').select([...PUBLIC_COLUMNS]).where('id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export function updateUserRow(db: Tx, id: number, set: Record<string, unknown>) {
  return db.updateTable('users').set(set).where('id', '=', id).returning([...PUBLIC_COLUMNS]).executeTakeFirstOrThrow();
}

export async function selectPasswordHash(db: Tx, id: number): Promise<string> {
  return (await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;
}

export async function anyUserExists(db: Tx): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

/** Held until the transaction ends: two first-run requests cannot both create an admin. */
export async function lockUsersTable(db: Tx): Promise<void> {
  await sql`LOCK TABLE users IN EXCLUSIVE MODE`.execute(db);
}

export async function roleExists(db: Tx, key: string): Promise<boolean> {
  return !!(await db.selectFrom('roles').select('key').where('key', '=', key).executeTakeFirst());
}

export const selectRoles = (db: Tx) => db.selectFrom('roles').selectAll().orderBy('key').execute();
export const selectRoleForUpdate = (db: Tx, key: string) => db.selectFrom('roles').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();

export async function updateRoleRow(db: Tx, key: string, name: string, permissions: RolePermissions): Promise<void> {
  await db.updateTable('roles').set({ permissions: JSON.stringify(permissions), name, updated_at: new Date() }).where('key', '=', key).execute();
}

export const selectTeams = (db: Tx) => db.selectFrom('teams').selectAll().orderBy('name').limit(1000).execute();

export function insertTeam(db: Tx, values: { name: string; manager_id: number | null }) {
  return db.insertInto('teams').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateTeamRow(db: Tx, id: number, set: { name?: string; manager_id?: number | null }) {
  return db.updateTable('teams').set(set).where('id', '=', id).returningAll().executeTakeFirst();
}

/** API keys of one owner, or everyone's when ownerId is null. */
export function selectApiKeys(db: Tx, ownerId: number | null) {
  const q = db.selectFrom('api_keys').select(['id', 'user_id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at']).orderBy('id', 'desc').limit(500);
  return (ownerId === null ? q : q.where('user_id', '=', ownerId)).execute();
}

/** Revokes one live key (of ownerId unless null); whether there was one. */
export async function revokeApiKeyRow(db: Tx, id: number, ownerId: number | null): Promise<boolean> {
  let q = db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null);
  if (ownerId !== null) q = q.where('user_id', '=', ownerId);
  return (await q.executeTakeFirst()).numUpdatedRows > 0n;
}
