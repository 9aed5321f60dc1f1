import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB>;
type Bound<F> = F extends (db: Db, ...args: infer A) => infer R ? (...args: A) => R : never;

/**
 * Routes parse and answer; they never hold the database handle (architecture.test.ts).
 * A route file asks for the services it calls bound to the app's database, and calls them
 * without it: `const users = bindDb(app, { listUsers }); await users.listUsers(query)`.
 */
export function bindDb<T extends Record<string, (db: Db, ...args: any[]) => unknown>>(owner: { db: Db }, fns: T): { [K in keyof T]: Bound<T[K]> } {
  return Object.fromEntries(Object.entries(fns).map(([name, fn]) => [name, (...args: unknown[]) => fn(owner.db, ...args)])) as { [K in keyof T]: Bound<T[K]> };
}

/** Whether list answers are written as JSON by the database (PGlite; see records/list.ts). */
export function jsonRowsFrom(owner: { database: { kind: string } }): boolean {
  return owner.database.kind === 'pglite';
}
