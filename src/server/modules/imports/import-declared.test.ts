import { describe, expect, it, beforeAll } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { registerObject } from '../../records/registry.ts';
import { createRecord, updateRecord } from '../../records/service.ts';
import { loadActor } from '../auth/auth.service.ts';
import type { BatchRow, ObjectDef, WrittenRow } from '../../records/types.ts';
import { importAs, postUpload, report, uploadAs } from './import-test-helpers.ts';

// An object is importable because it declares `import` (records/types.ts ImportDef): header
// words, identity keys, a name column creating the linked record. Nothing in modules/imports
// names it. Its batch hooks run once per batch on an import, with one row on a single write.

const before: BatchRow[][] = [];
const after: WrittenRow[][] = [];

const gadgets: ObjectDef = registerObject({
  name: 'test_gadgets',
  singular: 'test_gadget',
  titleField: 'name',
  ownerField: 'owner_id',
  fields: [
    { key: 'name', type: 'text', required: true, max: 200 },
    { key: 'serial', type: 'text', max: 100 },
    { key: 'maker_id', type: 'link', link: 'accounts' },
    { key: 'owner_id', type: 'user' },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  derive: (r) => ({ serial_key: typeof r.serial === 'string' ? r.serial.toUpperCase() : null }),
  // Names are stored with a marker: proves the hook sees (and may change) the values before the insert.
  beforeWriteBatch: async (_ctx, rows) => {
    before.push(rows.map((r) => ({ ...r, values: { ...r.values } })));
    for (const r of rows) if (typeof r.values.name === 'string' && !r.existing) r.values.name = `${r.values.name} ✓`;
  },
  afterWriteBatch: async (_ctx, rows) => {
    after.push(rows);
  },
  batchColumns: ['serial', 'maker_id'],
  import: {
    synonyms: { name: ['gadget name', '名称'], serial: ['serial no', '序列号'] },
    identity: [{ tag: 's', label: 'serial number', column: 'serial_key', of: (v) => (typeof v.serial === 'string' && v.serial.trim() ? v.serial.trim().toUpperCase() : null) }],
    createMissingLink: { field: 'maker_id', column: 'maker_name', synonyms: ['maker', '厂家'] },
  },
});

describe('an object declaring `import`', () => {
  const t = useTestApp();
  beforeAll(async () => {
    await sql`CREATE TABLE test_gadgets (id bigserial PRIMARY KEY, name text NOT NULL, serial text, serial_key text,
      maker_id bigint REFERENCES accounts(id), owner_id bigint REFERENCES users(id), created_by bigint REFERENCES users(id),
      custom jsonb NOT NULL DEFAULT '{}', created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`.execute(t.database.db);
  });

  it('is importable: its header words map the file, its identity finds duplicates, its name column creates the linked record', async () => {
    const csv = 'Gadget Name,序列号,Maker\nKettle,ab-1,Acme Ltd\nToaster,AB-1,Acme Ltd\nLamp,cd-2,\n';
    const up = await uploadAs(t, t.adminToken, 'gadgets.csv', csv, 'test_gadgets');
    expect(up.suggested_mapping).toEqual({ 'Gadget Name': 'name', 序列号: 'serial', Maker: 'maker_name' });
    before.length = 0;
    after.length = 0;
    const done = await importAs(t, t.adminToken, csv, 'skip', 'test_gadgets');
    expect([done.created, done.skipped, done.failed]).toEqual([2, 1, 0]);
    const rows = (await sql<{ id: string; name: string; serial: string; maker_id: string | null }>`SELECT id, name, serial, maker_id FROM test_gadgets ORDER BY id`.execute(t.database.db)).rows;
    expect(rows.map((r) => [r.name, r.serial])).toEqual([['Kettle ✓', 'ab-1'], ['Lamp ✓', 'cd-2']]);
    const acme = await sql<{ id: string }>`SELECT id FROM accounts WHERE name = 'Acme Ltd'`.execute(t.database.db);
    expect(acme.rows).toHaveLength(1);
    expect(Number(rows[0]!.maker_id)).toBe(Number(acme.rows[0]!.id));
    // One call per batch for the rows it inserts, with the columns the object asked for.
    expect(before.map((b) => b.length)).toEqual([2]);
    expect(after).toHaveLength(1);
    expect(after[0]!.map((w) => [Number(w.row.id), w.row.serial, w.existing])).toEqual(rows.map((r) => [Number(r.id), r.serial, null]));
    expect(Number(after[0]![0]!.row.maker_id)).toBe(Number(acme.rows[0]!.id));
    expect(await report(t, t.adminToken, done.id, 'skipped')).toEqual([['3', String(rows[0]!.id), 'Kettle ✓', 'Same serial number as line 2']]);

    // A later file: the stored record is found by its identity key.
    const again = await importAs(t, t.adminToken, 'Gadget Name,Serial No\nKettle again,AB-1\n', 'skip', 'test_gadgets');
    expect([again.created, again.skipped]).toEqual([0, 1]);
    expect((await report(t, t.adminToken, again.id, 'skipped'))[0]![3]).toBe('Same serial number as an existing record');
  });

  it('runs the same batch hooks with one row on a single-record write', async () => {
    const admin = await sql<{ id: number }>`SELECT id FROM users ORDER BY id LIMIT 1`.execute(t.database.db);
    const actor = (await loadActor(t.database.db, Number(admin.rows[0]!.id)))!;
    before.length = 0;
    after.length = 0;
    const created = await createRecord(t.database.db, gadgets, actor, { name: 'Fan', serial: 'ef-3' });
    expect(created.name).toBe('Fan ✓');
    await updateRecord(t.database.db, gadgets, actor, created.id, { serial: 'EF-4' });
    expect(before.map((b) => b.map((r) => r.existing === null))).toEqual([[true], [false]]);
    expect(after.map((a) => a.map((w) => [Number(w.row.id), w.row.serial]))).toEqual([[[created.id, 'ef-3']], [[created.id, 'EF-4']]]);
  });

  it('refuses an object that declares no `import`, as an unknown one', async () => {
    registerObject({ ...gadgets, name: 'test_widgets', import: undefined });
    for (const object of ['test_widgets', 'no_such_object']) {
      const up = await postUpload(t, t.adminToken, 'w.csv', 'name\nx\n', { object });
      expect(up.status).toBe(400);
      expect(up.body.error.details).toEqual([{ field: 'object', message: 'Unknown object', code: 'unknown_object' }]);
    }
  });
});
