import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './runtime.ts';
import { buildApp } from './app.ts';
import { AppError } from './http/errors.ts';
import { MigrationRefused } from './db/migration-checks.ts';
import { runCommand, USAGE } from './cli/commands.ts';
import { reindexIfStale } from './modules/search/reindex.ts';
import { deliverSoon } from './core/events.ts';
import { textLogStream } from './http/text-log.ts';
import { anyUserExists } from './modules/users/users.repo.ts';

async function start() {
  const config = loadConfig();
  const database = await openDatabase(config, { log: (line) => console.log(line) });
  const app = await buildApp(database, config, { logger: true, ...(config.logFormat === 'text' ? { logStream: textLogStream(process.stdout) } : {}) });
  // Stored search documents older than this code's are rewritten in the background.
  if (await reindexIfStale(app.db)) app.log.info('search documents are being reindexed in the background');
  app.jobs.start();
  // Record events a killed process committed but never delivered go out now, not at the next sweep.
  deliverSoon();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    // A running import stops after its current batch and resumes at the next start.
    await app.jobs.stop({ interrupt: true });
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Guanxi on http://localhost:${config.port} (${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
  // Plain text whatever the log level or format: what a person starting it needs to know.
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  const port = (app.server.address() as { port: number } | null)?.port ?? config.port;
  console.log(`\nGuanxi is running. Open http://${host}:${port} in a browser.`);
  console.log(await anyUserExists(app.db)
    ? 'Sign in with your account. Stop with Ctrl-C.\n'
    : 'No administrator yet: the first visitor of that address creates one (or set GUANXI_ADMIN_EMAIL and GUANXI_ADMIN_PASSWORD before starting). Stop with Ctrl-C.\n');
}

const [command = 'start', ...args] = process.argv.slice(2);
try {
  if (command === 'start') await start();
  else if (command === 'help' || command === '--help') console.log(USAGE);
  else process.exitCode = await runCommand(command, args);
} catch (e) {
  // A CLI user gets the message, not a stack trace (GUANXI_DEBUG=1 shows it).
  if (e instanceof AppError || e instanceof ConfigError || e instanceof MigrationRefused || (command !== 'start' && !process.env.GUANXI_DEBUG)) {
    console.error(`guanxi: ${(e as Error).message}`);
    process.exitCode = 2;
  } else throw e;
}
