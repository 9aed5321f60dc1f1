import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { issuedInvoice } from '../invoices/billing.test-support.ts';
import { commissionHelpers, daysAgo, NEXT_MONTH, TODAY } from './commissions.test-support.ts';

// The statement flow (submit, approve by the team's manager, pay), frozen statements, clawback
// into the next statement, and who sees what: hidden statements answer like missing ones and
// commission amounts follow the field rule.
const t = useTestApp();
const f = factories(t);
const h = commissionHelpers(t);

async function team(name: string) {
  const id = (await t.api(t.adminToken, 'POST', '/teams', { name })).body.data.id as number;
  const manager = await f.user('manager', { team_id: id });
  expect((await t.api(t.adminToken, 'PATCH', `/teams/${id}`, { manager_id: manager.id })).status).toBe(200);
  return { id, manager };
}

describe('commission statements', () => {
  it('runs draft → submitted → approved → paid with the right people, freezes approved statements and claws back into the next one', async () => {
    const north = await team('North');
    const south = await team('South');
    const rep = await f.user('sales', { team_id: north.id });
    await h.rule({ basis: 'invoiced', user_ids: [rep.id], tiers: [{ from: '0', rate: '10' }], clawback_days: 30 });
    const account = await f.account();
    const recent = await issuedInvoice(t, t.adminToken, account.id, '1000.00', { owner_id: rep.id, issue_date: TODAY });
    const old = await issuedInvoice(t, t.adminToken, account.id, '500.00', { owner_id: rep.id, issue_date: daysAgo(45) });

    const pay = async (date: string) => {
      const st = await h.generate(rep.id, date, north.manager.token);
      expect((await h.act(st.id, 'submit', rep.token)).status).toBe(200);
      expect((await h.act(st.id, 'approve', north.manager.token)).status).toBe(200);
      expect((await h.act(st.id, 'pay', north.manager.token)).body.data).toMatchObject({ status: 'paid', paid_at: expect.any(String) });
      return st;
    };
    const earlier = await pay(daysAgo(45));
    expect(earlier.commission_total).toBe('50.00');

    const st = await h.generate(rep.id, TODAY, north.manager.token);
    expect(st).toMatchObject({ status: 'draft', commission_total: '100.00' });
    const before = await h.snapshot();
    expect((await h.act(st.id, 'approve', north.manager.token)).body.error.details).toMatchObject({ reason: 'status_not_allowed', status: 'draft' });
    expect((await h.act(st.id, 'submit', rep.token)).body.data.status).toBe('submitted');
    const own = await h.act(st.id, 'approve', rep.token);
    expect([own.status, own.body.error.code]).toEqual([403, 'forbidden']);
    const otherManager = await h.act(st.id, 'approve', south.manager.token);
    const missing = await h.act(99999999, 'approve', south.manager.token);
    expect([otherManager.status, otherManager.body]).toEqual([404, missing.body]);
    const mate = await f.user('manager'); // a manager of no team sees nothing of it either
    expect((await h.act(st.id, 'approve', mate.token)).status).toBe(404);
    expect((await h.act(st.id, 'approve', north.manager.token)).body.data).toMatchObject({ status: 'approved', approved_by: north.manager.id });

    const snap = await h.snapshot();
    const regen = await t.api(north.manager.token, 'POST', `/commission_statements/${st.id}/generate`);
    expect([regen.status, regen.body.error.code, regen.body.error.details.status]).toEqual([409, 'statement_locked', 'approved']);
    expect((await t.api(t.adminToken, 'POST', '/commission_statements/generate', { user_id: rep.id, period_kind: 'month', period_date: TODAY })).body.error.code).toBe('statement_locked');
    expect((await t.api(t.adminToken, 'PATCH', `/commission_statements/${st.id}`, { note: 'x' })).body.error.code).toBe('statement_locked');
    expect((await t.api(t.adminToken, 'DELETE', `/commission_statements/${st.id}`)).body.error.code).toBe('statement_locked');
    expect((await h.act(st.id, 'submit', rep.token)).status).toBe(409);
    expect(await h.snapshot()).toEqual(snap);
    expect(before.lines).toEqual(snap.lines);
    expect((await h.act(st.id, 'pay', north.manager.token)).status).toBe(200);

    // Both invoices voided: the recent one is inside the 30-day window of its paid line, the old one not.
    for (const inv of [recent, old]) expect((await t.api(t.adminToken, 'POST', `/invoices/${inv.id}/void`, { reason: 'Cancelled' })).status).toBe(200);
    const paidLine = (await h.lines(st.id))[0]!;
    const next = await h.generate(rep.id, NEXT_MONTH, north.manager.token);
    expect(next.commission_total).toBe('-100.00');
    const claw = await h.lines(next.id);
    expect(claw.map((l) => [l.source_object, l.source_id, l.credited_amount, l.commission, l.clawback_of])).toEqual([['invoices', recent.id, '-1000.00', '-100.00', paidLine.id]]);
    // The frozen statement is unchanged, and regenerating the draft does not claw twice.
    expect((await h.lines(st.id)).map((l) => l.commission)).toEqual(['100.00']);
    expect((await h.generate(rep.id, NEXT_MONTH, north.manager.token)).commission_total).toBe('-100.00');
    expect((await h.lines(next.id))).toHaveLength(1);
  });

  it('claws back a reversed payment allocation and a deal reopened, in part and in full, once', async () => {
    const north = await team('West');
    const rep = await f.user('sales', { team_id: north.id });
    await h.rule({ basis: 'collected', user_ids: [rep.id], tiers: [{ from: '0', rate: '10' }], clawback_days: 60 });
    await h.rule({ basis: 'booked', user_ids: [rep.id], tiers: [{ from: '0', rate: '1' }], clawback_days: 60 });
    const account = await f.account();
    const inv = await issuedInvoice(t, t.adminToken, account.id, '1000.00', { owner_id: rep.id });
    const pay = (await t.api(t.adminToken, 'POST', '/payments', { account_id: account.id, method: 'alipay', amount: '400.00', received_on: TODAY })).body.data;
    const allocate = (amount: string) => t.api(t.adminToken, 'PUT', `/payments/${pay.id}/allocations`, { allocations: amount === '0' ? [] : [{ target_kind: 'invoice', target_id: inv.id, amount }] });
    expect((await allocate('400.00')).status).toBe(200);
    const deal = await h.won({ name: 'Reopened', amount: '5000', owner_id: rep.id });
    const st = await h.generate(rep.id);
    expect(st.commission_total).toBe('90.00');
    for (const a of ['submit', 'approve', 'pay']) expect((await h.act(st.id, a, a === 'submit' ? rep.token : north.manager.token)).status).toBe(200);

    // A quarter of the payment taken back, and the deal reopened.
    expect((await allocate('300.00')).status).toBe(200);
    expect((await t.api(t.adminToken, 'PATCH', `/opportunities/${deal.id}`, { stage_id: (await h.stageNamed('Proposal')).id })).status).toBe(200);
    const next = await h.generate(rep.id, NEXT_MONTH);
    expect((await h.lines(next.id)).map((l) => [l.source_object, l.commission])).toEqual(expect.arrayContaining([['payments', '-10.00'], ['opportunities', '-50.00']]));
    expect(next.commission_total).toBe('-60.00');
    for (const a of ['submit', 'approve', 'pay']) expect((await h.act(next.id, a, a === 'submit' ? rep.token : north.manager.token)).status).toBe(200);
    // The rest taken back later: only what was not clawed yet.
    expect((await allocate('0')).status).toBe(200);
    const later = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 2, 1)).toISOString().slice(0, 10);
    const third = await h.generate(rep.id, later);
    expect((await h.lines(third.id)).map((l) => [l.source_object, l.commission])).toEqual([['payments', '-30.00']]);
  });

  it('shows a rep their own statements only, a manager the team’s; hidden answers like missing; amounts follow the field rule', async () => {
    const north = await team('East');
    const a = await f.user('sales', { team_id: north.id });
    const b = await f.user('sales', { team_id: north.id });
    const outsider = await f.user('sales');
    await h.rule({ basis: 'booked', user_ids: [a.id, b.id], tiers: [{ from: '0', rate: '1' }] });
    await h.won({ name: 'A deal', amount: '12345', owner_id: a.id });
    const sa = await h.generate(a.id);
    const sb = await h.generate(b.id, TODAY, north.manager.token);

    expect((await t.api(a.token, 'GET', '/commission_statements')).body.data.map((s: { id: number }) => s.id)).toEqual([sa.id]);
    expect((await t.api(north.manager.token, 'GET', '/commission_statements')).body.data.map((s: { id: number }) => s.id).sort()).toEqual([sa.id, sb.id].sort());
    for (const path of [`/commission_statements/${sb.id}`, `/commission_statements/${sb.id}/lines`]) {
      const hidden = await t.api(a.token, 'GET', path);
      const missing = await t.api(a.token, 'GET', path.replace(String(sb.id), '99999999'));
      expect([hidden.status, hidden.body]).toEqual([404, missing.body]);
    }
    const report = `/reports/commissions/by-rep?period_kind=month&period_date=${TODAY}`;
    expect((await t.api(a.token, 'GET', report)).body.data).toEqual([{ user_id: a.id, user_name: expect.any(String), statement_id: sa.id, status: 'draft', commission_total: '123.45' }]);
    expect((await t.api(north.manager.token, 'GET', report)).body.data).toHaveLength(2);

    // Reps do not generate; a rep outside the manager's team answers like no user; one statement per rep and period.
    const snap = await h.snapshot();
    expect((await t.api(a.token, 'POST', '/commission_statements/generate', { user_id: a.id, period_kind: 'month', period_date: TODAY })).status).toBe(403);
    const outside = await t.api(north.manager.token, 'POST', '/commission_statements/generate', { user_id: outsider.id, period_kind: 'month', period_date: TODAY });
    const nobody = await t.api(north.manager.token, 'POST', '/commission_statements/generate', { user_id: 99999999, period_kind: 'month', period_date: TODAY });
    expect([outside.status, outside.body]).toEqual([400, nobody.body]);
    expect((await t.api(t.adminToken, 'POST', '/commission_statements/generate', { user_id: a.id, period_kind: 'year', period_date: TODAY })).status).toBe(400);
    expect((await t.api(t.adminToken, 'POST', '/commission_statements/generate', { user_id: a.id, period_kind: 'month', period_date: '2026-13-45x' })).status).toBe(400);
    expect((await t.api(t.adminToken, 'PATCH', `/commission_statements/${sa.id}`, { user_id: b.id })).body.error.details[0].code).toBe('not_editable');
    expect(await h.snapshot()).toEqual(snap);

    // A second statement of the period (an adjustment made by hand) credits nothing the first already does; generation keeps the first.
    const extra = await t.api(t.adminToken, 'POST', '/commission_statements', { user_id: a.id, period_kind: 'month', period_start: TODAY });
    expect(extra.status).toBe(201);
    expect((await t.api(t.adminToken, 'POST', `/commission_statements/${extra.body.data.id}/generate`)).body.data.commission_total).toBe('0.00');
    expect((await h.generate(a.id)).id).toBe(sa.id);
    expect((await t.api(t.adminToken, 'DELETE', `/commission_statements/${extra.body.data.id}`)).status).toBe(204);

    expect((await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { commission_statements: { commission_total: 'hidden' } } })).status).toBe(200);
    const body = JSON.stringify([
      (await t.api(a.token, 'GET', `/commission_statements/${sa.id}`)).body, (await t.api(a.token, 'GET', `/commission_statements/${sa.id}/lines`)).body,
      (await t.api(a.token, 'GET', report)).body, (await t.api(a.token, 'GET', '/commission_statements')).body,
    ]);
    expect(body).not.toContain('123.45');
    expect((await h.lines(sa.id, a.token))[0]).not.toHaveProperty('commission');
  });
});
