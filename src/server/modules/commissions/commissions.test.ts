import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { issuedInvoice } from '../invoices/billing.test-support.ts';
import { commissionHelpers, TODAY } from './commissions.test-support.ts';

// Commission rules, opportunity splits and each basis (booked, invoiced, collected) on both
// databases; every refusal names its code and changes nothing.
const t = useTestApp();
const f = factories(t);
const h = commissionHelpers(t);

describe('commission rules', () => {
  it('refuses bad rules with their codes, changing nothing; administrators write, everyone reads', async () => {
    const rep = await f.user('sales');
    const before = await h.snapshot();
    const post = (body: Record<string, unknown>, token = t.adminToken) =>
      t.api(token, 'POST', '/commission_rules', { name: 'X', basis: 'booked', tiers: [{ from: '0', rate: '3' }], ...body });
    expect((await post({}, rep.token)).body.error.code).toBe('forbidden');
    const code = async (body: Record<string, unknown>) => { const r = await post(body); return [r.status, r.body.error.code, r.body.error.details?.[0]?.code]; };
    expect(await code({ tiers: [{ from: '10', rate: '3' }] })).toEqual([400, 'validation_failed', 'first_tier_not_zero']);
    expect(await code({ tiers: [{ from: '0', rate: '3' }, { from: '0', rate: '5' }] })).toEqual([400, 'validation_failed', 'tiers_not_ascending']);
    expect(await code({ tiers: [{ from: '0', rate: '100.5' }] })).toEqual([400, 'validation_failed', 'rate_out_of_range']);
    expect(await code({ tiers: [{ from: '0', rate: 'abc' }] })).toEqual([400, 'validation_failed', 'rate_out_of_range']);
    expect(await code({ user_ids: [99999999] })).toEqual([400, 'validation_failed', 'unknown_user']);
    expect(await code({ team_ids: [99999999] })).toEqual([400, 'validation_failed', 'unknown_team']);
    expect(await code({ valid_from: '2026-05-01', valid_to: '2026-04-30' })).toEqual([422, 'end_before_start', 'end_before_start']);
    expect((await post({ basis: 'profit' })).status).toBe(400);
    expect((await post({ tiers: [] })).status).toBe(400);
    expect(await h.snapshot()).toEqual(before);

    const made = await h.rule({ name: 'Q plan', tier_mode: 'whole', clawback_days: 30 });
    expect(made).toMatchObject({ basis: 'booked', tier_mode: 'whole', tiers: [{ from: '0', rate: '3' }, { from: '100000', rate: '5' }], clawback_days: 30, active: true });
    expect((await t.api(rep.token, 'GET', '/commission_rules')).body.data.map((r: { id: number }) => r.id)).toContain(made.id);
    expect((await t.api(rep.token, 'PATCH', `/commission_rules/${made.id}`, { active: false })).status).toBe(403);
    expect((await t.api(t.adminToken, 'PATCH', `/commission_rules/${made.id}`, { active: false })).body.data.active).toBe(false);
    expect((await t.api(t.adminToken, 'PATCH', '/commission_rules/99999999', { active: false })).status).toBe(404);
    expect((await t.api(t.adminToken, 'DELETE', `/commission_rules/${made.id}`)).status).toBe(204);
  });
});

describe('splits and the booked basis', () => {
  it('credits won deals by split (else the owner), prices them marginally over the running total, or whole with the flag', async () => {
    const team = (await t.api(t.adminToken, 'POST', '/teams', { name: 'Booked' })).body.data.id;
    const a = await f.user('sales', { team_id: team });
    const b = await f.user('sales', { team_id: team });
    const outsider = await f.user('sales');
    const rule = await h.rule({ basis: 'booked', user_ids: [a.id, b.id] });
    const solo = await h.won({ name: 'Solo', amount: '80000', owner_id: a.id });
    const shared = await h.opportunity({ name: 'Shared', amount: '50000', owner_id: a.id });
    await h.opportunity({ name: 'Open', amount: '999999', owner_id: a.id });
    const hidden = await h.opportunity({ name: 'Hidden', amount: '1', owner_id: outsider.id });

    const before = await h.snapshot();
    const put = (id: number, splits: unknown[], token = a.token) => t.api(token, 'PUT', `/opportunities/${id}/splits`, { splits });
    const r90 = await put(shared.id, [{ user_id: a.id, percent: '60' }, { user_id: b.id, percent: '30' }]);
    expect([r90.status, r90.body.error.code, r90.body.error.details.total]).toEqual([422, 'split_not_100', '90']);
    expect((await put(shared.id, [{ user_id: a.id, percent: '100' }, { user_id: a.id, percent: '0' }])).body.error.details.map((d: { code: string }) => d.code)).toEqual(['invalid_percent', 'duplicate_user']);
    expect((await put(shared.id, [{ user_id: 99999999, percent: '100' }])).body.error.details[0].code).toBe('unknown_user');
    const hiddenPut = await put(hidden.id, [{ user_id: a.id, percent: '100' }]);
    const missingPut = await put(99999999, [{ user_id: a.id, percent: '100' }]);
    expect([hiddenPut.status, hiddenPut.body]).toEqual([404, missingPut.body]);
    const hiddenGet = await t.api(a.token, 'GET', `/opportunities/${hidden.id}/splits`);
    expect([hiddenGet.status, hiddenGet.body]).toEqual([404, (await t.api(a.token, 'GET', '/opportunities/99999999/splits')).body]);
    expect(await h.snapshot()).toEqual(before);

    const ok = await put(shared.id, [{ user_id: a.id, percent: '60' }, { user_id: b.id, percent: '40.0' }]);
    expect(ok.body.data.splits).toEqual([{ user_id: a.id, user_name: expect.any(String), percent: '60' }, { user_id: b.id, user_name: expect.any(String), percent: '40' }]);
    const patched = await t.api(t.adminToken, 'PATCH', `/opportunities/${shared.id}`, { stage_id: (await h.stageNamed('Won')).id });
    expect(patched.status).toBe(200);

    const sa = await h.generate(a.id);
    expect(sa).toMatchObject({ status: 'draft', basis_total: '110000.00', commission_total: '3500.00', period_kind: 'month' });
    expect((await h.lines(sa.id)).map((l) => [l.source_object, l.source_id, l.basis_amount, l.split_percent, l.credited_amount, l.rate, l.commission, l.rule_id]))
      .toEqual([['opportunities', solo.id, '80000.00', '100', '80000.00', '3', '2400.00', rule.id], ['opportunities', shared.id, '50000.00', '60', '30000.00', '3→5', '1100.00', rule.id]]);
    expect(await h.generate(b.id)).toMatchObject({ basis_total: '20000.00', commission_total: '600.00' });

    // Whole-amount tiers: the 5 % the total reaches, on all of it; regenerating replaces the draft's lines.
    await t.api(t.adminToken, 'PATCH', `/commission_rules/${rule.id}`, { tier_mode: 'whole' });
    const again = await h.generate(a.id);
    expect([again.id, again.commission_total]).toEqual([sa.id, '5500.00']);
    expect((await h.lines(sa.id)).map((l) => l.commission)).toEqual(['4000.00', '1500.00']);
    // Out of the rule's validity: nothing.
    await t.api(t.adminToken, 'PATCH', `/commission_rules/${rule.id}`, { valid_to: '2000-01-01' });
    expect((await h.generate(a.id)).commission_total).toBe('0.00');
  });
});

describe('invoiced and collected bases', () => {
  it('counts issued invoices, credit notes negative, drafts and voids not; payments by their allocations', async () => {
    const rep = await f.user('sales');
    await h.rule({ basis: 'invoiced', user_ids: [rep.id], tiers: [{ from: '0', rate: '10' }] });
    await h.rule({ basis: 'collected', user_ids: [rep.id], tiers: [{ from: '0', rate: '2' }] });
    const account = await f.account();
    const inv = await issuedInvoice(t, t.adminToken, account.id, '1000.00', { owner_id: rep.id });
    const credited = await issuedInvoice(t, t.adminToken, account.id, '200.00', { owner_id: rep.id });
    const cn = await t.api(t.adminToken, 'POST', `/invoices/${credited.id}/credit-note`, {});
    expect(cn.status, JSON.stringify(cn.body)).toBe(201);
    expect((await t.api(t.adminToken, 'POST', `/invoices/${cn.body.data.id}/issue`, {})).status).toBe(200);
    const voided = await issuedInvoice(t, t.adminToken, account.id, '700.00', { owner_id: rep.id });
    expect((await t.api(t.adminToken, 'POST', `/invoices/${voided.id}/void`, { reason: 'Wrong' })).status).toBe(200);
    await t.api(t.adminToken, 'POST', '/invoices', { account_id: account.id, owner_id: rep.id });
    const pay = await t.api(t.adminToken, 'POST', '/payments', { account_id: account.id, method: 'alipay', amount: '300.00', received_on: TODAY, owner_id: rep.id });
    expect((await t.api(t.adminToken, 'PUT', `/payments/${pay.body.data.id}/allocations`, { allocations: [{ target_kind: 'invoice', target_id: inv.id, amount: '300.00' }] })).status).toBe(200);

    const st = await h.generate(rep.id);
    const got = (await h.lines(st.id)).map((l) => [l.source_object, l.source_id, l.credited_amount, l.commission]);
    expect(got).toEqual(expect.arrayContaining([
      ['invoices', inv.id, '1000.00', '100.00'], ['invoices', credited.id, '200.00', '20.00'], ['invoices', cn.body.data.id, '-200.00', '-20.00'],
      ['payments', pay.body.data.id, '300.00', '6.00'],
    ]));
    expect(got).toHaveLength(4);
    expect(st.commission_total).toBe('106.00');
  });
});
