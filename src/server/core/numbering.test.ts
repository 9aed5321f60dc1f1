import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, useTestApp } from '../db/test-helpers.ts';
import { ensureSequence, nextNumber, nextNumbers } from './numbering.ts';
import { createRecord } from '../records/service.ts';
import { getObject } from '../records/registry.ts';
import { AppError } from '../http/errors.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import type { Actor } from './access.ts';

const t = useTestApp();
let admin: Actor;

beforeAll(async () => {
  const { id } = await t.database.db.selectFrom('users').select('id').where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
  admin = (await loadActor(t.database.db, id))!;
});

/** The next customer number the admin page announces. */
async function nextAccountNumber(): Promise<string> {
  const r = await t.api(t.adminToken, 'GET', '/settings/numbering');
  return r.body.data.find((s: any) => s.type === 'account').next;
}
const counter = (n: string) => Number(n.replace(/^C-/, ''));

describe('document number sequences', () => {
  it('count on within a period and start again at 1 when the year changes', async () => {
    const db = t.database.db;
    await ensureSequence(db, { type: 'test_quote', pattern: 'Q-{YYYY}-{00000}', gapFree: true });
    const got = await db.transaction().execute(async (trx) => [
      await nextNumber(trx, 'test_quote', new Date('2026-12-31T23:59:00Z')),
      ...(await nextNumbers(trx, 'test_quote', new Date('2026-12-31T23:59:30Z'), 2)),
      await nextNumber(trx, 'test_quote', new Date('2027-01-01T00:00:00Z')),
      await nextNumber(trx, 'test_quote', new Date('2027-06-01T00:00:00Z')),
    ]);
    expect(got).toEqual(['Q-2026-00001', 'Q-2026-00002', 'Q-2026-00003', 'Q-2027-00001', 'Q-2027-00002']);
  });

  it('give a rolled-back number back: the next one has no gap', async () => {
    const db = t.database.db;
    await ensureSequence(db, { type: 'test_invoice', pattern: 'INV-{0000}', gapFree: true });
    const first = await db.transaction().execute((trx) => nextNumber(trx, 'test_invoice'));
    await expect(
      db.transaction().execute(async (trx) => {
        expect(await nextNumber(trx, 'test_invoice')).toBe('INV-0002');
        throw new Error('the document was refused');
      }),
    ).rejects.toThrow('refused');
    expect(first).toBe('INV-0001');
    expect(await db.transaction().execute((trx) => nextNumber(trx, 'test_invoice'))).toBe('INV-0002');
  });

  it('refuse an unknown type', async () => {
    await expect(t.database.db.transaction().execute((trx) => nextNumber(trx, 'no_such_type'))).rejects.toThrow(AppError);
  });
});

describe('customer numbers', () => {
  it('are assigned on create, shown, searchable and filterable', async () => {
    const next = await nextAccountNumber();
    const r = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Numbered Tea House' });
    expect(r.status).toBe(201);
    expect(r.body.data.account_number).toBe(next);
    expect(await nextAccountNumber()).toBe(`C-${String(counter(next) + 1).padStart(5, '0')}`);
    const found = await t.api(t.adminToken, 'GET', `/accounts?q=${next}`);
    expect(found.body.data.map((a: any) => a.id)).toContain(r.body.data.id);
    const filtered = await t.api(t.adminToken, 'GET', `/accounts?filter[account_number]=${next}`);
    expect(filtered.body.data.map((a: any) => a.id)).toEqual([r.body.data.id]);
    const meta = await t.api(t.adminToken, 'GET', '/meta/objects/accounts');
    expect(JSON.stringify(meta.body)).toContain('account_number');
  });

  it('cannot be set or changed by clients', async () => {
    const set = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Chooses Its Number', account_number: 'C-99999' });
    expect(set.status).toBe(400);
    expect(set.body.error.details).toEqual([expect.objectContaining({ field: 'account_number', code: 'system_field' })]);
    const made = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Keeps Its Number' });
    const change = await t.api(t.adminToken, 'PATCH', `/accounts/${made.body.data.id}`, { account_number: 'C-99999' });
    expect(change.status).toBe(400);
    expect((await t.api(t.adminToken, 'GET', `/accounts/${made.body.data.id}`)).body.data.account_number).toBe(made.body.data.account_number);
  });

  it('a create refused inside its transaction leaves no gap', async () => {
    const before = await nextAccountNumber();
    const refusing = { ...getObject('accounts'), beforeWrite: async () => { throw new AppError('validation_failed', 'refused after numbering'); } };
    await expect(createRecord(t.database.db, refusing, admin, { name: 'Never Written' })).rejects.toThrow('refused after numbering');
    expect(await nextAccountNumber()).toBe(before);
    const r = await t.api(t.adminToken, 'POST', '/accounts', { name: 'Written Next' });
    expect(r.body.data.account_number).toBe(before);
  });

  it('40 concurrent creates get 40 distinct consecutive numbers', async () => {
    const start = counter(await nextAccountNumber());
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => t.api(t.adminToken, 'POST', '/accounts', { name: `Concurrent Buyer ${i}` })));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    const numbers = answers.map((a) => counter(a.body.data.account_number)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => start + i));
  });
});
