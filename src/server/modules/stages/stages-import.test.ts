import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { join } from 'node:path';
import { useTestApp } from '../../db/test-helpers.ts';
import { importAs, report } from '../imports/import-test-helpers.ts';

// Imports write through the record engine's hooks (records/hooks.ts), so the stage rules and the
// history apply to imported rows as to the API's.
const t = useTestApp({ modules: [join(import.meta.dirname, '../../test-modules/deals')] });
const db = () => t.database.db;
const history = async (name: string) =>
  (await sql<{ f: string | null; to: string }>`SELECT h.from_stage AS f, h.to_stage AS to FROM stage_history h JOIN deals d ON d.id = h.record_id
    WHERE h.object = 'deals' AND d.name = ${name} ORDER BY h.id`.execute(db())).rows;

describe('imports and stages', () => {
  it('created rows get their first history row and a board position', async () => {
    const done = await importAs(t, t.adminToken, 'name,stage\nImported A,lead\nImported B,qualified\n', 'create', 'deals');
    expect(done.created).toBe(2);
    expect(await history('Imported B')).toEqual([{ f: null, to: 'qualified' }]);
    const { rows } = await sql<{ p: string }>`SELECT board_position AS p FROM deals WHERE name LIKE 'Imported %' ORDER BY id`.execute(db());
    expect(rows.every((r) => r.p)).toBe(true);
    expect(rows[0]!.p < rows[1]!.p).toBe(true);
  });

  it('a row in a stage it may not enter fails on its line; the others are written', async () => {
    const done = await importAs(t, t.adminToken, 'name,stage\nLost early,lost\nFine,lead\n', 'create', 'deals');
    expect([done.created, done.failed]).toEqual([1, 1]);
    expect((await report(t, t.adminToken, done.id, 'errors'))[0]).toEqual(['2', expect.stringContaining('lost_reason')]);
    expect(await history('Lost early')).toEqual([]);
  });

  it('an update the transitions refuse fails on its line and changes nothing', async () => {
    await t.api(t.adminToken, 'POST', '/deals', { name: 'Matched', stage: 'lead' });
    await t.api(t.adminToken, 'POST', '/deals', { name: 'Moves', stage: 'lead' });
    const before = (await sql<any>`SELECT stage, version FROM deals WHERE name = 'Matched'`.execute(db())).rows[0];
    const done = await importAs(t, t.adminToken, 'name,stage\nMatched,won\nMoves,qualified\n', 'update', 'deals');
    expect([done.updated, done.failed]).toEqual([1, 1]);
    expect((await sql<any>`SELECT stage, version FROM deals WHERE name = 'Matched'`.execute(db())).rows[0]).toEqual(before);
    expect(await history('Matched')).toEqual([{ f: null, to: 'lead' }]);
    expect(await history('Moves')).toEqual([{ f: null, to: 'lead' }, { f: 'lead', to: 'qualified' }]);
  });
});
