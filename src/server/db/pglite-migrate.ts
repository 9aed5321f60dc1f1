// Creates and migrates a PGlite data folder, then exits: run as a child process by
// openDatabase() for a new folder. PGlite's initdb and the first migrations grow the WASM
// heap by several hundred MB that a process never gives back, so the server does this work
// in a short-lived process and opens a folder that is already up to date.
import { connect } from './connect.ts';
import { migrate } from './migrate.ts';

const [dir, sharedBuffers] = process.argv.slice(2);
if (!dir) {
  console.error('usage: pglite-migrate.ts DATA_DIR [SHARED_BUFFERS]');
  process.exit(2);
}
try {
  const database = await connect({ dataDir: dir, pgliteSharedBuffers: sharedBuffers || undefined, pgliteLeanMemory: false });
  try {
    process.stdout.write(JSON.stringify(await migrate(database)));
  } finally {
    await database.close();
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
