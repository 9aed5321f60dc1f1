import type { Tx } from '../../records/types.ts';

/** SQL of saved views; a user changes only their own (user_id is part of every write). */
export function selectViews(db: Tx, object: string, userId: number) {
  return db
    .selectFrom('saved_views')
    .selectAll()
    .where('object', '=', object)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('shared', '=', true)]))
    .orderBy('position')
    .orderBy('id')
    .limit(200)
    .execute();
}

export function insertView(db: Tx, values: Record<string, unknown> & { object: string; name: string; user_id: number }) {
  return db.insertInto('saved_views').values(values as never).returningAll().executeTakeFirstOrThrow();
}

export function selectOwnView(db: Tx, id: number, userId: number) {
  return db.selectFrom('saved_views').select('object').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

export function updateOwnView(db: Tx, id: number, userId: number, set: Record<string, unknown>) {
  return db.updateTable('saved_views').set(set).where('id', '=', id).where('user_id', '=', userId).returningAll().executeTakeFirst();
}

export async function deleteOwnView(db: Tx, id: number, userId: number): Promise<boolean> {
  return (await db.deleteFrom('saved_views').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()).numDeletedRows > 0n;
}
