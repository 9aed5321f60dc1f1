import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { contractHelpers } from './contracts.test-support.ts';

// Contracts as records: numbering, currency, timeline, the checks of a term and a value, on PGlite and PostgreSQL.
const t = useTestApp();
const f = factories(t);
const { contract, putPlan, count } = contractHelpers(t);

describe('contracts', () => {
  it('are numbered CT-{YYYY}-{00000}, take the account currency, sit in the sales menu with attachments', async () => {
    const usd = await f.account({ currency: 'USD' });
    const c1 = await contract({ account_id: usd.id });
    const c2 = await contract();
    const year = new Date().getFullYear();
    expect(c1.number).toMatch(new RegExp(`^CT-${year}-\\d{5}$`));
    expect(Number(c2.number.slice(-5))).toBe(Number(c1.number.slice(-5)) + 1);
    expect(c1).toMatchObject({ currency: 'USD', status: 'draft', type: 'sales', auto_renew: false, value: '100000.00' });
    expect(c2.currency).toBe('CNY');
    const meta = (await t.api(t.adminToken, 'GET', '/meta/objects/contracts')).body.data;
    expect(meta.menu).toMatchObject({ group: 'sales' });
    expect(meta.features).toMatchObject({ attachments: true });
    const zh = (await t.api(t.adminToken, 'GET', '/meta/objects/contracts', undefined, { 'accept-language': 'zh-CN' })).body.data;
    expect(JSON.stringify(zh)).toContain('合同');
  });

  it('show on the account and signer timelines and are audited', async () => {
    const a = await f.account();
    const signer = await f.contact();
    const c = await contract({ account_id: a.id, contact_id: signer.id });
    for (const [object, id] of [['accounts', a.id], ['contacts', signer.id]] as const) {
      const tl = await t.api(t.adminToken, 'GET', `/timeline/${object}/${id}`);
      expect(tl.body.data.map((e: { title: string }) => e.title)).toContain(c.number);
    }
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contracts&filter[record_id]=${c.id}`);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toContain('create');
  });

  it('refuse an end before the start (422 end_before_start) on create and update, changing nothing', async () => {
    const before = await count('contracts');
    const r = await t.api(t.adminToken, 'POST', '/contracts', { name: 'Backwards', start_date: '2026-06-01', end_date: '2026-05-31' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('end_before_start');
    expect(await count('contracts')).toBe(before);
    const c = await contract();
    const u = await t.api(t.adminToken, 'PATCH', `/contracts/${c.id}`, { start_date: '2027-01-01' });
    expect(u.status).toBe(422);
    const got = (await t.api(t.adminToken, 'GET', `/contracts/${c.id}`)).body.data;
    expect(got).toMatchObject({ start_date: '2026-01-01', version: c.version });
  });

  it('refuse a negative value, fractional months and auto-renewal without a term (400), changing nothing', async () => {
    const before = await count('contracts');
    for (const [body, field, code] of [
      [{ value: '-1.00' }, 'value', 'negative_value'],
      [{ renewal_term_months: 1.5 }, 'renewal_term_months', 'out_of_range'],
      [{ notice_days: -3 }, 'notice_days', 'out_of_range'],
      [{ auto_renew: true }, 'renewal_term_months', 'required'],
    ] as const) {
      const r = await t.api(t.adminToken, 'POST', '/contracts', { name: 'Bad', ...body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await count('contracts')).toBe(before);
  });

  it('refuse a value under the receivable plan (422 plan_exceeds_value), changing nothing', async () => {
    const c = await contract({ value: '1000.00' });
    expect((await putPlan(c.id, [{ due_date: '2026-03-01', amount: '600' }, { due_date: '2026-06-01', amount: '400' }])).status).toBe(200);
    const r = await t.api(t.adminToken, 'PATCH', `/contracts/${c.id}`, { value: '999.99' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('plan_exceeds_value');
    const got = (await t.api(t.adminToken, 'GET', `/contracts/${c.id}`)).body.data;
    expect(got.value).toBe('1000.00');
    expect((await t.api(t.adminToken, 'PATCH', `/contracts/${c.id}`, { value: '1000' })).status).toBe(200);
  });

  it('move draft → active → terminated by the stage rules, with history', async () => {
    const c = await contract();
    expect((await t.api(t.adminToken, 'PATCH', `/contracts/${c.id}`, { status: 'renewed' })).status).toBe(422);
    expect((await t.api(t.adminToken, 'PATCH', `/contracts/${c.id}`, { status: 'active' })).status).toBe(200);
    expect((await t.api(t.adminToken, 'PATCH', `/contracts/${c.id}`, { status: 'terminated' })).status).toBe(200);
    const { rows } = await sql<{ to_stage: string }>`SELECT to_stage FROM stage_history WHERE object = 'contracts' AND record_id = ${c.id} ORDER BY id`.execute(t.database.db);
    expect(rows.map((r) => r.to_stage)).toEqual(['draft', 'active', 'terminated']);
  });
});
