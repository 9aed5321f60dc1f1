import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { runContractsDaily } from './contracts.renewal.ts';
import { contractHelpers } from './contracts.test-support.ts';

// The daily contracts job run directly with a fixed "today": renewal tasks once per period,
// auto-renewal extending the term (history kept, audited), expiry, overdue instalments.
const t = useTestApp();
const f = factories(t);
const { contract, plan, putPlan, count } = contractHelpers(t);
const run = (today: string) => runContractsDaily(t.database.db, today);
const get = async (id: number) => (await t.api(t.adminToken, 'GET', `/contracts/${id}`)).body.data;
const renewalTasks = (id: number) => sql<{ task_id: number; period_end: string }>`SELECT task_id, period_end FROM contract_renewal_tasks WHERE contract_id = ${id} ORDER BY period_end`.execute(t.database.db).then((r) => r.rows);

describe('the daily contracts job', () => {
  it('creates one renewal task for the owner when the notice window opens, and none on a second run', async () => {
    const rep = await f.user('sales');
    const a = await f.account();
    const c = await contract({ status: 'active', owner_id: rep.id, account_id: a.id, end_date: '2031-06-30', notice_days: 45 });
    await run('2031-05-15'); // 46 days before: not yet
    expect(await renewalTasks(c.id)).toEqual([]);
    await run('2031-05-16');
    const made = await renewalTasks(c.id);
    expect(made).toHaveLength(1);
    const task = (await t.api(rep.token, 'GET', `/tasks/${made[0]!.task_id}`)).body.data;
    expect(task).toMatchObject({ owner_id: rep.id, account_id: a.id, status: 'open', due_at: '2031-06-30T00:00:00.000Z' });
    expect(task.title).toContain(c.number);
    const tasksBefore = await count('tasks');
    await run('2031-05-16');
    await run('2031-06-01');
    expect(await count('tasks')).toBe(tasksBefore);
    expect(await renewalTasks(c.id)).toHaveLength(1);
  });

  it('extends an auto-renewing contract past its end by its term, keeping the old term, audited, and tasks the new period', async () => {
    const rep = await f.user('sales');
    const c = await contract({ status: 'active', owner_id: rep.id, start_date: '2030-01-01', end_date: '2030-12-31', auto_renew: true, renewal_term_months: 12, notice_days: 30 });
    await run('2030-12-31'); // the last day: still in its term
    expect((await get(c.id)).end_date).toBe('2030-12-31');
    const r = await run('2031-01-01');
    expect(r.renewed).toBeGreaterThanOrEqual(1);
    const after = await get(c.id);
    expect(after).toMatchObject({ status: 'active', start_date: '2030-01-01', end_date: '2031-12-31', number: c.number });
    const { rows } = await sql`SELECT start_date, end_date, new_end_date FROM contract_terms WHERE contract_id = ${c.id}`.execute(t.database.db);
    expect(rows).toEqual([{ start_date: '2030-01-01', end_date: '2030-12-31', new_end_date: '2031-12-31' }]);
    const terms = await t.api(rep.token, 'GET', `/contracts/${c.id}/terms`);
    expect(terms.body.data).toEqual([expect.objectContaining({ start_date: '2030-01-01', end_date: '2030-12-31', new_end_date: '2031-12-31' })]);
    const stranger = await f.user('sales');
    expect((await t.api(stranger.token, 'GET', `/contracts/${c.id}/terms`)).status).toBe(404);
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contracts&filter[record_id]=${c.id}`);
    expect(audit.body.data).toContainEqual(expect.objectContaining({ action: 'renew' }));
    expect(JSON.stringify(audit.body)).toContain('2031-12-31');
    await run('2031-01-01');
    expect((await get(c.id)).end_date).toBe('2031-12-31');
    // One task for the first period (from its notice window), another for the new one.
    await run('2031-12-01');
    expect((await renewalTasks(c.id)).map((x) => x.period_end)).toEqual(['2030-12-31', '2031-12-31']);
  });

  it('catches up several terms when the job did not run for long', async () => {
    const c = await contract({ status: 'active', start_date: '2029-01-31', end_date: '2029-03-31', auto_renew: true, renewal_term_months: 1 });
    await run('2029-06-15');
    expect((await get(c.id)).end_date).toBe('2029-06-30');
  });

  it('gives no task to a contract without an owner until it has one; expires one marked auto-renewing without a term', async () => {
    const c = await contract({ status: 'active', end_date: '2027-09-30', notice_days: 10 });
    await sql`UPDATE contracts SET owner_id = NULL WHERE id = ${c.id}`.execute(t.database.db);
    await run('2027-09-25');
    expect(await renewalTasks(c.id)).toEqual([]);
    const rep = await f.user('sales');
    await sql`UPDATE contracts SET owner_id = ${rep.id} WHERE id = ${c.id}`.execute(t.database.db);
    await run('2027-09-26');
    expect(await renewalTasks(c.id)).toHaveLength(1);
    const odd = await contract({ status: 'active', end_date: '2027-10-31' });
    await sql`UPDATE contracts SET auto_renew = true, renewal_term_months = NULL WHERE id = ${odd.id}`.execute(t.database.db);
    await run('2027-11-01');
    expect(await get(odd.id)).toMatchObject({ status: 'expired', end_date: '2027-10-31' });
  });

  it('expires an active contract that does not renew, with its stage history; leaves drafts alone', async () => {
    const c = await contract({ status: 'active', end_date: '2028-03-31' });
    const draft = await contract({ end_date: '2028-03-31' });
    await run('2028-04-01');
    expect((await get(c.id)).status).toBe('expired');
    expect((await get(draft.id)).status).toBe('draft');
    const { rows } = await sql<{ to_stage: string }>`SELECT to_stage FROM stage_history WHERE object = 'contracts' AND record_id = ${c.id} ORDER BY id`.execute(t.database.db);
    expect(rows.map((x) => x.to_stage)).toEqual(['active', 'expired']);
  });

  it('marks unpaid instalments past their due date overdue', async () => {
    const c = await contract({ value: '300.00' });
    await putPlan(c.id, [{ due_date: '2099-01-10', amount: '100' }, { due_date: '2099-02-10', amount: '200' }]);
    await run('2099-01-11');
    const { rows } = await sql<{ status: string }>`SELECT status FROM contract_instalments WHERE contract_id = ${c.id} ORDER BY sequence`.execute(t.database.db);
    expect(rows.map((x) => x.status)).toEqual(['overdue', 'planned']);
    expect((await plan(c.id)).body.data.instalments[0].status).toBe('planned');
  });
});
