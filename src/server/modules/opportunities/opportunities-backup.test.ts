import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connect } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { backup, restore } from '../../cli/backup.ts';

// A backup restores opportunities: amount_org is a generated column, computed again by the
// database rather than inserted (an INSERT naming it is refused).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-opp-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function fresh() {
  const url = process.env.DATABASE_URL;
  const schema = url ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const database = await connect({ databaseUrl: url, schema, poolSize: 4 });
  await migrate(database);
  return { database, close: async () => {
    if (schema) await database.session((exec) => exec(`DROP SCHEMA "${schema}" CASCADE`));
    await database.close();
  } };
}

it('backs up and restores an opportunity with its organisation-currency amount', async () => {
  const source = await fresh();
  const target = await fresh();
  const file = path.join(tmp, 'opps.jsonl.gz');
  const quiet = console.log;
  console.log = () => {};
  try {
    await sql`INSERT INTO opportunities (name, pipeline_id, stage_id, stage_name, stage_category, amount, currency, exchange_rate, probability, board_position)
      SELECT 'Restored', s.pipeline_id, s.id, s.name, s.category, 100, 'USD', 7.1, s.probability, 'a0' FROM pipeline_stages s ORDER BY s.id LIMIT 1`.execute(source.database.db);
    expect(await backup(source.database, file)).toBe(0);
    expect(await restore(target.database, file)).toBe(0);
    const { rows } = await sql<{ name: string; amount_org: string }>`SELECT name, amount_org::text AS amount_org FROM opportunities`.execute(target.database.db);
    expect(rows).toEqual([{ name: 'Restored', amount_org: '710.00' }]);
  } finally {
    console.log = quiet;
    await source.close();
    await target.close();
  }
}, 300_000);
