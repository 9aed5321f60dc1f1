import { connect, type Database } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { bootstrap } from './core/bootstrap.ts';
import type { Config } from './config.ts';

/** Opens the configured database (PGlite folder or PostgreSQL), migrates it and seeds roles. */
export async function openDatabase(config: Config): Promise<Database> {
  const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteSharedBuffers: config.pgliteSharedBuffers });
  try {
    await migrate(database);
    await bootstrap(database.db, { email: config.adminEmail, password: config.adminPassword });
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}
