import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { fillAccountNameKeys } from './name-keys.ts';

// accounts.name_key (the normalised name imports de-duplicate by) stays in step with every
// write, and accounts written before it existed get theirs at start-up.
const t = useTestApp();

const keyOf = async (id: number) => (await t.database.db.selectFrom('accounts').select('name_key').where('id', '=', id).executeTakeFirstOrThrow()).name_key;

describe('account name keys', () => {
  it('follows creates and renames, and is filled for older rows', async () => {
    const a = (await t.api(t.adminToken, 'POST', '/accounts', { name: '華通貿易有限公司' })).body.data.id as number;
    expect(await keyOf(a)).toBe('华通贸易');
    await t.api(t.adminToken, 'PATCH', `/accounts/${a}`, { name: 'Huatong Trading Co., Ltd.' });
    expect(await keyOf(a)).toBe('huatongtrading');
    // As written before migration 009.
    await sql`UPDATE accounts SET name_key = NULL`.execute(t.database.db);
    expect(await fillAccountNameKeys(t.database.db)).toBeGreaterThan(0);
    expect(await keyOf(a)).toBe('huatongtrading');
    expect(await fillAccountNameKeys(t.database.db)).toBe(0);
  });
});
