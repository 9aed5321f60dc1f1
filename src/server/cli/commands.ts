import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase, type OpenOptions } from '../runtime.ts';
import { createUser } from '../modules/users/users.service.ts';
import { importFile, precheckImport } from './import.ts';
import { exportFile } from './export.ts';
import { backup, restore } from './backup.ts';
import { DEMO_ADMIN, DEMO_PASSWORD, seedDemo } from '../seed/demo.ts';
import { reindexNow } from '../modules/search/reindex.ts';
import type { Database } from '../db/connect.ts';

export const USAGE = `Guanxi CRM

  guanxi start                                 serve the web app and API (PORT, default 3000)
  guanxi migrate                               apply database migrations
  guanxi user create EMAIL NAME PASSWORD [--role admin|manager|sales|service|marketing|readonly]
  guanxi import contacts|accounts FILE.csv|FILE.xlsx [--duplicates skip|update|create] [--as EMAIL]
                                               [--map COLUMN=FIELD]... (COLUMN= leaves it out)
                                               [--encoding auto|utf-8|gb18030|big5|windows-1252|shift_jis|utf-16le|utf-16be]
                                               [--server URL --token TOKEN]  (through a running server)
                                               exit 0: every row imported; 1: rows rejected or failed;
                                               3: interrupted (run again to resume)
  guanxi export contacts|accounts FILE.csv|FILE.xlsx [--as EMAIL]
  guanxi backup FILE.jsonl.gz                  logical backup of every table, one consistent snapshot
  guanxi restore FILE.jsonl.gz [--repair-links] restore a backup into an empty database (refused when
                                               its links are broken, unless --repair-links clears them)
  guanxi seed demo                             load the demo dataset
  guanxi reindex                               rewrite every search document and phone key now

Environment: DATABASE_URL (PostgreSQL; otherwise PGlite in GUANXI_DATA_DIR, default ./data),
GUANXI_ADMIN_EMAIL / GUANXI_ADMIN_PASSWORD (first admin on first start),
GUANXI_MODULES (extra module folders: absolute paths, comma-separated).`;

async function withDb<T>(fn: (db: Database) => Promise<T>, opts: OpenOptions = {}): Promise<T> {
  const database = await openDatabase(loadConfig(), opts);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function runCommand(command: string, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string', default: 'sales' },
      duplicates: { type: 'string', default: 'skip' },
      as: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
      'repair-links': { type: 'boolean', default: false },
      map: { type: 'string', multiple: true },
      encoding: { type: 'string' },
    },
  });
  switch (command) {
    case 'migrate':
      // Opening the database applies the migrations, each logged by name as it commits.
      return withDb(async () => 0, { log: (line) => console.log(line) });
    case 'user': {
      const [sub, email, name, password] = positionals;
      if (sub !== 'create' || !email || !name || !password) return usage();
      return withDb(async (d) => {
        const u = await createUser(d.db, { email, name, password, role: values.role! }, null);
        console.log(`created user ${u.id} ${u.email} (${u.role})`);
        return 0;
      });
    }
    case 'import': {
      const [object, file] = positionals;
      if (!object || !file) return usage();
      if (!fs.existsSync(file)) {
        console.error(`guanxi: no file ${file}`);
        return 2;
      }
      const opts = { object, file, duplicates: values.duplicates!, as: values.as, server: values.server, token: values.token, map: values.map, encoding: values.encoding };
      const local = await precheckImport(opts);
      return opts.server ? importFile(null, opts, local) : withDb((d) => importFile(d, opts, local));
    }
    case 'export': {
      const [object, file] = positionals;
      if (!object || !file) return usage();
      return withDb((d) => exportFile(d, { object, file, as: values.as }));
    }
    case 'backup':
      if (!positionals[0]) return usage();
      return withDb((d) => backup(d, positionals[0]!));
    case 'restore':
      if (!positionals[0]) return usage();
      return withDb((d) => restore(d, positionals[0]!, { repairLinks: values['repair-links'] }));
    case 'seed':
      if (positionals[0] !== 'demo') return usage();
      return withDb(async (d) => {
        const counts = await seedDemo(d.db);
        console.log(`demo data loaded: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
        if (counts.users === 5) console.log(`No administrator existed: sign in as ${DEMO_ADMIN} with the password ${DEMO_PASSWORD} (and change it).`);
        return 0;
      });
    case 'reindex':
      return withDb(async (d) => {
        await reindexNow(d.db);
        console.log('search documents and phone keys are up to date');
        return 0;
      });
    default:
      return usage();
  }
}

function usage(): number {
  console.error(USAGE);
  return 2;
}
