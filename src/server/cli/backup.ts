import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import { tokenHashes } from '../text/token-hash.ts';
import { brokenLinks, describeLink, repairLinks } from './restore-links.ts';
import type { Tx } from '../records/types.ts';
import { ensureFieldIndexes } from '../modules/custom-fields/custom-fields.repo.ts';

// A logical backup: one JSON line per row, gzip-compressed. It restores into PGlite or
// PostgreSQL alike, so it also moves a laptop install onto a server.
interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
}

/** The tables and their columns, generated columns left out (the database computes them again: opportunities.amount_org). */
async function tables(db: Tx | Database['db']): Promise<Map<string, Column[]>> {
  const { rows } = await sql<Column>`SELECT table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`.execute(db);
  const out = new Map<string, Column[]>();
  for (const c of rows) out.set(c.table_name, [...(out.get(c.table_name) ?? []), c]);
  return out;
}

export async function backup(database: Database, file: string): Promise<number> {
  const gz = zlib.createGzip();
  // Readable by its owner only: a backup holds password, session and API key hashes. fchmod
  // also narrows a file that existed before with wider rights.
  const fd = fs.openSync(file, 'w', 0o600);
  fs.fchmodSync(fd, 0o600);
  const out = gz.pipe(fs.createWriteStream('', { fd }));
  const write = async (s: string) => {
    if (!gz.write(s)) await once(gz, 'drain');
  };
  // One snapshot for the whole file: every table as of the same moment, so a contact written
  // while the backup runs never points at an account the file lacks (REPEATABLE READ keeps
  // the transaction's first snapshot; READ ONLY takes no locks that would hold up writers).
  const total = await database.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
    let rowsWritten = 0;
    for (const [table, cols] of await tables(trx)) {
      const hasId = cols.some((c) => c.column_name === 'id');
      let last: number | null = null;
      for (;;) {
        // Keyset pages keep memory flat on big tables.
        const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}
          ${hasId && last !== null ? sql`WHERE id > ${last}` : sql``} ${hasId ? sql`ORDER BY id LIMIT 5000` : sql``}`.execute(trx);
        for (const row of rows) {
          for (const c of cols) if (c.data_type === 'bytea' && row[c.column_name]) row[c.column_name] = Buffer.from(row[c.column_name] as Uint8Array).toString('base64');
          await write(JSON.stringify({ t: table, r: row }) + '\n');
        }
        rowsWritten += rows.length;
        if (!hasId || rows.length < 5000) break;
        last = rows.at(-1)!.id as number;
      }
    }
    return rowsWritten;
  });
  gz.end();
  await once(out, 'finish');
  console.log(`backed up ${total} rows to ${file}`);
  return 0;
}

/** Thrown inside the restore transaction to roll it back when the backup's links do not hold. */
class BrokenBackup extends Error {}

/**
 * Loads a backup into an empty database in one transaction. Every foreign key is checked at
 * the end: a backup whose rows point at rows it lacks (one taken from a live database before
 * backups were snapshots) is refused with a report, and nothing is restored; with
 * `repairLinks` it is restored with those links cleared (or the linking rows dropped where the
 * link is required), and the same report printed as a warning.
 */
export async function restore(database: Database, file: string, opts: { repairLinks?: boolean } = {}): Promise<number> {
  const meta = await tables(database.db);
  const { rows: used } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(database.db);
  if ((used[0]?.n ?? 0) > 0) {
    console.error('guanxi: restore needs an empty database (no users yet); point GUANXI_DATA_DIR or DATABASE_URL at a fresh one');
    return 2;
  }
  let total = 0;
  const ok = await database.db.transaction().execute(async (trx) => {
    // Rows arrive table by table, so foreign keys are off while they load and checked at the end.
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    // Rows a fresh database starts with (bootstrap's roles, the declared number sequences) are the backup's to give.
    await sql`DELETE FROM roles`.execute(trx);
    await sql`DELETE FROM number_sequences`.execute(trx);
    total = await loadRows(trx, meta, file);
    // A backup holds rows, not the schema objects its data implies: the custom fields' indexes.
    await ensureFieldIndexes(trx);
    for (const [t, cols] of meta) {
      if (!cols.some((c) => c.column_name === 'id')) continue;
      await sql`SELECT setval(pg_get_serial_sequence(${t}, 'id'), GREATEST((SELECT max(id) FROM ${sql.table(t)}), 1))`.execute(trx);
    }
    const broken = await brokenLinks(trx);
    if (!broken.length) return true;
    const report = broken.map((b) => `  ${describeLink(b)}`).join('\n');
    if (!opts.repairLinks) {
      console.error(`guanxi: the backup links to rows it does not contain (it was not taken as one snapshot):\n${report}\n` +
        'Nothing was restored. To restore it anyway, with those links cleared (and link-only rows dropped), run restore with --repair-links.');
      // Rolls the whole restore back.
      throw new BrokenBackup();
    }
    await repairLinks(trx, broken);
    console.warn(`guanxi: warning: the backup links to rows it does not contain; restored with these links cleared or their rows dropped:\n${report}`);
    return true;
  }).catch((e: unknown) => {
    if (e instanceof BrokenBackup) return false;
    throw e;
  });
  if (!ok) return 2;
  console.log(`restored ${total} rows from ${file}`);
  return 0;
}

async function loadRows(trx: Tx, meta: Map<string, Column[]>, file: string): Promise<number> {
  let total = 0;
  // The target is empty but bootstrapped (roles, the default business calendar…): a table the
  // backup brings rows for is emptied before its first row, so the backup's rows replace them.
  const emptied = new Set<string>();
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const { t, r } = JSON.parse(line) as { t: string; r: Record<string, unknown> };
    const cols = meta.get(t);
    if (!cols) continue;
    if (!emptied.has(t)) {
      await sql`DELETE FROM ${sql.table(t)}`.execute(trx);
      emptied.add(t);
    }
    const known = cols.filter((c) => c.column_name in r);
    const values = known.map((c) => {
      const v = r[c.column_name];
      if (v === null) return null;
      if (c.data_type === 'jsonb' || c.data_type === 'json') return JSON.stringify(v);
      if (c.data_type === 'bytea') return Buffer.from(String(v), 'base64');
      // Backups made before migration 007 hold search tokens as text: hash them as the
      // migration did, or the restored records could not be found.
      if (c.column_name === 'search_tokens' && Array.isArray(v) && v.some((x) => typeof x === 'string')) return tokenHashes(v.map(String));
      return v;
    });
    await sql`INSERT INTO ${sql.table(t)} (${sql.join(known.map((c) => sql.ref(c.column_name)))}) VALUES (${sql.join(values)})`.execute(trx);
    total++;
  }
  return total;
}
