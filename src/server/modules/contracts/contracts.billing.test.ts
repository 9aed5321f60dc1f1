import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { billingSource, paymentTarget } from '../../core/billing.ts';
import { loadActor } from '../auth/auth.service.ts';
import { addDays, todayUtc } from './contracts.dates.ts';
import { contractHelpers } from './contracts.test-support.ts';

// The billing seams (core/billing.ts) called directly, as the payments and invoices modules will:
// instalments as payment targets, contracts as a billing source; and the two home widgets.
const t = useTestApp();
const f = factories(t);
const { contract, plan, generate } = contractHelpers(t);
const db = () => t.database.db;
const actor = async (id: number) => (await loadActor(db(), id))!;

async function planned(owner: number, value = '1000.00') {
  const c = await contract({ value, owner_id: owner });
  const r = await generate(c.id, { count: 2, first_due_date: '2099-03-01', every_months: 1 });
  return { c, ids: r.body.data.instalments.map((i: { id: number }) => i.id) as number[] };
}

describe('instalments as payment targets', () => {
  it('open answers the open amounts of instalments the actor may see; allocated sets paid and status', async () => {
    const rep = await f.user('sales');
    const other = await f.user('sales');
    const { c, ids } = await planned(rep.id);
    const target = paymentTarget('instalment')!;
    const open = await target.open(db(), await actor(rep.id), ids);
    expect([...open.values()]).toEqual([{ account_id: null, currency: 'CNY', open: '500' }, { account_id: null, currency: 'CNY', open: '500' }]);
    expect((await target.open(db(), await actor(other.id), ids)).size).toBe(0);
    await db().transaction().execute((trx) => target.allocated(trx, [{ id: ids[0]!, paid: '500.00' }, { id: ids[1]!, paid: '120.50' }]));
    const p = (await plan(c.id, rep.token)).body.data;
    expect(p.instalments.map((i: any) => [i.paid_amount, i.open, i.status])).toEqual([['500.00', '0.00', 'paid'], ['120.50', '379.50', 'partially_paid']]);
    expect(p.totals).toEqual({ planned: '1000.00', paid: '620.50', open: '379.50', unplanned: '0.00' });
    expect((await target.open(db(), await actor(rep.id), ids)).get(ids[1]!)?.open).toBe('379.5');
    // A payment removed: the allocation total falls back to zero, the status with it.
    await db().transaction().execute((trx) => target.allocated(trx, [{ id: ids[0]!, paid: '0' }]));
    expect((await plan(c.id, rep.token)).body.data.instalments[0]).toMatchObject({ paid_amount: '0.00', status: 'planned' });
  });
});

describe('contracts as a billing source', () => {
  it('billable lists the instalments not invoiced yet, one line each; invoiced marks them, a credit note gives them back', async () => {
    const rep = await f.user('sales');
    const a = await f.account();
    const c = await contract({ value: '1000.00', owner_id: rep.id, account_id: a.id });
    const ids = (await generate(c.id, { count: 3, first_due_date: '2099-01-01', every_months: 1 }, rep.token)).body.data.instalments.map((i: { id: number }) => i.id);
    const src = billingSource('contracts')!;
    const b = await src.billable(db(), await actor(rep.id), c.id);
    expect(b).toMatchObject({ account_id: a.id, currency: 'CNY', rounding_mode: 'per_line', prices_include_tax: false });
    expect(b.lines.map((l) => [l.source_line_id, l.quantity, l.unit_price, l.tax_rate])).toEqual([[ids[0], '1', '333.33', '0'], [ids[1], '1', '333.33', '0'], [ids[2], '1', '333.34', '0']]);
    expect(b.lines[0]!.description).toContain(c.number);
    await db().transaction().execute((trx) => src.invoiced(trx, c.id, [{ source_line_id: ids[0], quantity: '1' }]));
    expect((await src.billable(db(), await actor(rep.id), c.id)).lines.map((l) => l.source_line_id)).toEqual([ids[1], ids[2]]);
    expect((await plan(c.id, rep.token)).body.data.instalments[0].invoiced).toBe(true);
    // Invoiced twice: refused, nothing changed.
    await expect(db().transaction().execute((trx) => src.invoiced(trx, c.id, [{ source_line_id: ids[1], quantity: '1' }, { source_line_id: ids[0], quantity: '1' }]))).rejects.toMatchObject({ code: 'conflict' });
    expect((await src.billable(db(), await actor(rep.id), c.id)).lines).toHaveLength(2);
    // An invoiced instalment keeps its amount in the plan.
    const kept = (await plan(c.id)).body.data.instalments.map((i: any) => ({ id: i.id, due_date: i.due_date, amount: i.amount }));
    const changed = await t.api(t.adminToken, 'PUT', `/contracts/${c.id}/plan`, { instalments: [{ ...kept[0], amount: '300.00' }, kept[1], kept[2]] });
    expect(changed.status).toBe(409);
    await db().transaction().execute((trx) => src.invoiced(trx, c.id, [{ source_line_id: ids[0], quantity: '-1' }]));
    expect((await src.billable(db(), await actor(rep.id), c.id)).lines).toHaveLength(3);
  });

  it('billable of a contract the actor may not see is not found, like a missing one', async () => {
    const rep = await f.user('sales');
    const other = await f.user('sales');
    const { c } = await planned(rep.id);
    const src = billingSource('contracts')!;
    await expect(src.billable(db(), await actor(other.id), c.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(src.billable(db(), await actor(other.id), 987654321)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('home widgets', () => {
  it('list the viewer\'s contracts expiring within 30 days and instalments due this week, never another rep\'s', async () => {
    const rep = await f.user('sales');
    const other = await f.user('sales');
    const today = todayUtc();
    const soon = await contract({ status: 'active', owner_id: rep.id, start_date: addDays(today, -300), end_date: addDays(today, 20), value: '900.00' });
    await contract({ status: 'active', owner_id: rep.id, start_date: addDays(today, -300), end_date: addDays(today, 40) });
    const hidden = await contract({ status: 'active', owner_id: other.id, start_date: addDays(today, -300), end_date: addDays(today, 10), value: '900.00' });
    for (const c of [soon, hidden]) await t.api(t.adminToken, 'PUT', `/contracts/${c.id}/plan`, { instalments: [{ due_date: addDays(today, 3), amount: '100' }, { due_date: addDays(today, 12), amount: '100' }] });
    const widgets = Object.fromEntries((await t.api(rep.token, 'GET', '/home')).body.widgets.map((w: any) => [w.key, w]));
    expect(widgets['contracts.expiring'].data.items).toEqual([expect.objectContaining({ object: 'contracts', id: soon.id, title: soon.name, at: addDays(today, 20) })]);
    expect(widgets['contracts.instalments_due'].data.items).toEqual([{ object: 'contracts', id: soon.id, title: `${soon.number} #1`, at: addDays(today, 3) }]);
    expect(JSON.stringify(widgets)).not.toContain(hidden.number);
  });
});
