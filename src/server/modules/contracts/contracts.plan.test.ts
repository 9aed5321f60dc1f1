import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { paymentTarget } from '../../core/billing.ts';
import { contractHelpers } from './contracts.test-support.ts';

// The receivable plan (回款计划) through GET/PUT /contracts/{id}/plan and POST …/plan/generate.
const t = useTestApp();
const f = factories(t);
const { contract, plan, putPlan, generate, count } = contractHelpers(t);
const amounts = (r: { body: any }) => r.body.data.instalments.map((i: { amount: string }) => i.amount);

describe('receivable plans', () => {
  it('generate splits 100000.00 into 3 exactly, the cent left over on the last, monthly from the first due date', async () => {
    const c = await contract({ value: '100000.00' });
    const r = await generate(c.id, { count: 3, first_due_date: '2026-01-31', every_months: 1 });
    expect(r.status).toBe(200);
    expect(amounts(r)).toEqual(['33333.33', '33333.33', '33333.34']);
    expect(r.body.data.instalments.map((i: { due_date: string }) => i.due_date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(r.body.data.instalments.map((i: { sequence: number }) => i.sequence)).toEqual([1, 2, 3]);
    expect(r.body.data.totals).toEqual({ planned: '100000.00', paid: '0.00', open: '100000.00', unplanned: '0.00' });
    expect((await plan(c.id)).body.data.instalments).toEqual(r.body.data.instalments);
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contracts&filter[record_id]=${c.id}`);
    expect(JSON.stringify(audit.body)).toContain('33333.34');
    // A currency without minor units: JPY 1000 / 3 = 333 + 333 + 334.
    const yen = await contract({ value: '1000', currency: 'JPY' });
    expect(amounts(await generate(yen.id, { count: 3, first_due_date: '2026-01-01', every_months: 3 }))).toEqual(['333', '333', '334']);
  });

  it('refuses a plan over the contract value (422 plan_exceeds_value) and bad instalments (400), changing nothing', async () => {
    const c = await contract({ value: '1000.00' });
    const ok = await putPlan(c.id, [{ due_date: '2026-02-01', amount: '400' }, { due_date: '2026-03-01', amount: 600 }]);
    expect(ok.status).toBe(200);
    expect(ok.body.data.totals).toMatchObject({ planned: '1000.00', unplanned: '0.00' });
    const over = await putPlan(c.id, [{ due_date: '2026-02-01', amount: '400' }, { due_date: '2026-03-01', amount: '600.01' }]);
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('plan_exceeds_value');
    for (const [bad, field, code] of [
      [{ due_date: '2026-02-30', amount: '1' }, 'instalments.0.due_date', 'invalid_date'],
      [{ due_date: '2026-02-01', amount: '0' }, 'instalments.0.amount', 'invalid_amount'],
      [{ due_date: '2026-02-01', amount: '-5' }, 'instalments.0.amount', 'invalid_amount'],
      [{ due_date: '2026-02-01', amount: '1.001' }, 'instalments.0.amount', 'too_many_decimals'],
      [{ id: 999999999, due_date: '2026-02-01', amount: '1' }, 'instalments.0.id', 'unknown_instalment'],
    ] as const) {
      const r = await putPlan(c.id, [bad]);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(amounts(await plan(c.id))).toEqual(['400.00', '600.00']);
    const generated = await generate(c.id, { count: 2, first_due_date: 'soon', every_months: 1 });
    expect(generated.status).toBe(400);
    expect(amounts(await plan(c.id))).toEqual(['400.00', '600.00']);
  });

  it('keeps instalments with payments: not removed, not reduced below paid (409 instalment_has_payments)', async () => {
    const c = await contract({ value: '900.00' });
    const first = await generate(c.id, { count: 3, first_due_date: '2030-01-15', every_months: 1 });
    const [a, b, cc] = first.body.data.instalments as { id: number; due_date: string }[];
    await t.database.db.transaction().execute((trx) => paymentTarget('instalment')!.allocated(trx, [{ id: a!.id, paid: '250.00' }]));
    const paidNow = (await plan(c.id)).body.data;
    expect(paidNow.instalments[0]).toMatchObject({ paid_amount: '250.00', open: '50.00', status: 'partially_paid' });
    expect(paidNow.totals).toEqual({ planned: '900.00', paid: '250.00', open: '650.00', unplanned: '0.00' });
    const removed = await putPlan(c.id, [{ id: b!.id, due_date: b!.due_date, amount: '300' }, { id: cc!.id, due_date: cc!.due_date, amount: '300' }]);
    expect(removed.status).toBe(409);
    expect(removed.body.error.code).toBe('instalment_has_payments');
    const reduced = await putPlan(c.id, [{ id: a!.id, due_date: a!.due_date, amount: '249.99' }]);
    expect(reduced.status).toBe(409);
    expect((await generate(c.id, { count: 2, first_due_date: '2030-01-01', every_months: 1 })).status).toBe(409);
    expect(amounts(await plan(c.id))).toEqual(['300.00', '300.00', '300.00']);
    // Kept by id (moved, at least its payments): fine; the others may go.
    const kept = await putPlan(c.id, [{ id: a!.id, due_date: '2030-02-01', amount: '250.00', note: '首付款' }]);
    expect(kept.status).toBe(200);
    expect(kept.body.data.instalments).toEqual([expect.objectContaining({ id: a!.id, sequence: 1, amount: '250.00', paid_amount: '250.00', status: 'paid', note: '首付款' })]);
  });

  it('a contract whose plan took payments cannot be deleted (409); one without can', async () => {
    const c = await contract({ value: '100.00' });
    const r = await putPlan(c.id, [{ due_date: '2030-01-01', amount: '100' }]);
    await t.database.db.transaction().execute((trx) => paymentTarget('instalment')!.allocated(trx, [{ id: r.body.data.instalments[0].id, paid: '1.00' }]));
    const refused = await t.api(t.adminToken, 'DELETE', `/contracts/${c.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.reason).toBe('contract_has_payments');
    expect(await count('contract_instalments', sql`contract_id = ${c.id}`)).toBe(1);
    const plain = await contract({ value: '100.00' });
    await putPlan(plain.id, [{ due_date: '2030-01-01', amount: '100' }]);
    expect((await t.api(t.adminToken, 'DELETE', `/contracts/${plain.id}`)).status).toBe(204);
    expect(await count('contract_instalments', sql`contract_id = ${plain.id}`)).toBe(0);
  });

  it('answers an unpaid instalment past its due date as overdue', async () => {
    const c = await contract({ value: '100.00' });
    const r = await putPlan(c.id, [{ due_date: '2020-01-01', amount: '40' }, { due_date: '2099-01-01', amount: '60' }]);
    expect(r.body.data.instalments.map((i: { status: string }) => i.status)).toEqual(['overdue', 'planned']);
  });

  it('a hidden contract answers 404 on every plan endpoint, like a missing one; a rep cannot read another rep\'s plan', async () => {
    const team = (await t.api(t.adminToken, 'POST', '/teams', { name: 'Plan team' })).body.data.id as number;
    const owner = await f.user('sales', { team_id: team });
    const other = await f.user('sales', { team_id: team });
    const manager = await f.user('manager', { team_id: team });
    const c = await contract({ value: '5000.00', owner_id: owner.id });
    await generate(c.id, { count: 2, first_due_date: '2026-05-01', every_months: 6 });
    expect((await plan(c.id, owner.token)).status).toBe(200);
    expect((await plan(c.id, manager.token)).status).toBe(200);
    const missing = 987654321;
    for (const id of [c.id, missing]) {
      const answers = [
        await t.api(other.token, 'GET', `/contracts/${id}`),
        await plan(id, other.token),
        await t.api(other.token, 'GET', `/contracts/${id}/terms`),
        await putPlan(id, [], other.token),
        await generate(id, { count: 1, first_due_date: '2026-01-01', every_months: 1 }, other.token),
      ];
      for (const r of answers) {
        expect(r.status).toBe(404);
        expect(r.body.error.code).toBe('not_found');
      }
    }
    expect(JSON.stringify(await plan(c.id, other.token))).not.toContain('2500.00');
    expect(await count('contract_instalments', sql`contract_id = ${c.id}`)).toBe(2);
  });

  it('a role hiding the contract value sees no plan amount and may not change the plan', async () => {
    const c = await contract({ value: '7777.00' });
    await generate(c.id, { count: 1, first_due_date: '2026-05-01', every_months: 1 });
    expect((await t.api(t.adminToken, 'PATCH', '/roles/marketing', { field_rules: { contracts: { value: 'hidden' } } })).status).toBe(200);
    const mk = await f.user('marketing');
    const r = await plan(c.id, mk.token);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ money_visible: false, value: null, totals: null });
    expect(r.body.data.instalments[0]).toMatchObject({ due_date: '2026-05-01', amount: null, paid_amount: null, open: null });
    expect(JSON.stringify(r.body)).not.toContain('7777');
    expect((await putPlan(c.id, [], mk.token)).status).toBe(403);
    expect((await generate(c.id, { count: 2, first_due_date: '2026-01-01', every_months: 1 }, mk.token)).status).toBe(403);
    expect(amounts(await plan(c.id))).toEqual(['7777.00']);
  });
});
