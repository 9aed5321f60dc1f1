import { CompiledQuery, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Driver } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * A Kysely that runs every statement on `real` (PGlite or PostgreSQL) and records its compiled
 * text and parameters first: the SQL snapshot test reads what the record engine sends, and the
 * statements still run, so a snapshot never holds SQL the database would refuse.
 */
export function capturingDb(real: Kysely<DB>): { db: Kysely<DB>; taken: () => CompiledQuery[] } {
  let log: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery: async (q) => {
      log.push(q);
      return real.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]));
    },
    streamQuery: () => {
      throw new Error('capturingDb: streaming is not captured');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    // The engine's list, count and search statements run outside transactions.
    beginTransaction: async () => {
      throw new Error('capturingDb: transactions are not captured');
    },
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return {
    db,
    taken: () => {
      const out = log;
      log = [];
      return out;
    },
  };
}
