import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { quoteKit, sha256 } from './quotes.test-support.ts';

// Quotes v2 through the API on PGlite and PostgreSQL: the status flow and its refusals, approval
// by the right people, the PDF frozen when sent, and versions. Every refusal changes nothing.
const t = useTestApp();
const k = quoteKit(t);

const countRows = async (table: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);

describe('quote status flow', () => {
  it('refuses a PATCH of status that needs an action, and any edit of a sent quote (fields or lines), changing nothing', async () => {
    await k.settings({ max_discount_percent: null, min_margin_percent: null });
    const q = await k.quote();
    const patch = await t.api(t.adminToken, 'PATCH', `/quotes/${q.id}`, { status: 'sent' });
    expect(patch.status).toBe(422);
    expect(patch.body.error).toMatchObject({ code: 'transition_not_allowed', details: { action: 'send' } });
    const created = await t.api(t.adminToken, 'POST', '/quotes', { subject: 'Born accepted', status: 'accepted' });
    expect(created.status).toBe(422);

    const sent = await k.act(q.id, 'send');
    expect(sent.status).toBe(200);
    const before = await k.get(q.id);
    const lines = await t.api(t.adminToken, 'GET', `/quotes/${q.id}/lines`);
    const audits = await countRows('audit_log');

    const edit = await t.api(t.adminToken, 'PATCH', `/quotes/${q.id}`, { subject: 'Changed after sending' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('quote_not_editable');
    const put = await t.api(t.adminToken, 'PUT', `/quotes/${q.id}/lines`, { version: before.version, lines: [{ description: 'Free extra', quantity: 1, unit_price: '0' }] });
    expect(put.status).toBe(409);
    expect(put.body.error.code).toBe('quote_not_editable');
    const discount = await t.api(t.adminToken, 'PATCH', `/quotes/${q.id}`, { discount_percent: 50 });
    expect(discount.body.error.code).toBe('quote_not_editable');

    expect(await k.get(q.id)).toEqual(before);
    expect((await t.api(t.adminToken, 'GET', `/quotes/${q.id}/lines`)).body).toEqual(lines.body);
    expect(await countRows('audit_log')).toBe(audits);
  });

  it('may still be withdrawn or expired by a PATCH, which then ends the public answer', async () => {
    const q = await k.quote();
    expect((await k.act(q.id, 'send')).status).toBe(200);
    const r = await t.api(t.adminToken, 'PATCH', `/quotes/${q.id}`, { status: 'expired' });
    expect(r.status).toBe(200);
    expect((await k.act(q.id, 'accept', { name: 'Too late' })).body.error).toMatchObject({ code: 'quote_not_open' });
  });
});

describe('quote approval', () => {
  it('send without approval is refused (approval_required, nothing stored); the manager of the owner\'s team approves; others cannot', async () => {
    const { managerA, managerB, rep, deputy } = await k.teams();
    await k.settings({ max_discount_percent: 10, min_margin_percent: null });
    const q = await k.quote({ token: rep.token, discount: 20 });
    const files = await countRows('files');

    const send = await k.act(q.id, 'send', {}, rep.token);
    expect(send.status).toBe(409);
    expect(send.body.error).toMatchObject({ code: 'approval_required', details: { reasons: [{ code: 'discount', value: '20', limit: '10', position: 1 }] } });
    expect(await k.get(q.id, rep.token)).toEqual(q);
    expect(await countRows('files')).toBe(files);

    const submitted = await k.act(q.id, 'submit', { version: q.version }, rep.token);
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.status).toBe('pending_approval');
    // The approver was told.
    const bell = await t.api(managerA.token, 'GET', '/notifications');
    expect(bell.body.data.map((n: { kind: string; record_id: number }) => [n.kind, n.record_id])).toContainEqual(['approval_requested', q.id]);

    // Not the owner, not a manager of another team (who cannot even see it), not a manager-role colleague who does not manage the team.
    expect((await k.act(q.id, 'approve', {}, rep.token)).body.error).toMatchObject({ code: 'forbidden', details: { reason: 'not_an_approver' } });
    const other = await k.act(q.id, 'approve', {}, managerB.token);
    expect(other.status).toBe(404);
    expect(other.body).toEqual((await k.act(999999999, 'approve', {}, managerB.token)).body);
    expect((await k.act(q.id, 'approve', {}, deputy.token)).status).toBe(403);
    expect((await k.get(q.id, rep.token)).status).toBe('pending_approval');
    // Rejecting needs a comment.
    expect((await k.act(q.id, 'reject-approval', {}, managerA.token)).status).toBe(400);

    const approved = await k.act(q.id, 'approve', { comment: 'Strategic customer' }, managerA.token);
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ status: 'approved', approved_by: managerA.id, approval_comment: 'Strategic customer' });
    const owner = await t.api(rep.token, 'GET', '/notifications');
    expect(owner.body.data.map((n: { kind: string }) => n.kind)).toContain('approved');
    const history = await t.api(rep.token, 'GET', `/quotes/${q.id}/approval`);
    expect(history.body.data.history.map((h: { step: string }) => h.step)).toEqual(['submitted', 'approved']);
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=quotes&filter[record_id]=${q.id}`);
    expect(audit.body.data.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['quote.submit', 'quote.approve']));
    expect((await k.act(q.id, 'send', {}, rep.token)).status).toBe(200);
  });

  it('asks approval below the minimum margin (products\' cost prices) and approves at once when nothing needs it', async () => {
    await k.settings({ max_discount_percent: null, min_margin_percent: 50 });
    // 100 list, 60 cost: a 40 % margin.
    const low = await k.quote();
    const a = await t.api(t.adminToken, 'GET', `/quotes/${low.id}/approval`);
    expect(a.body.data).toMatchObject({ required: true, reasons: [{ code: 'margin', value: '40', limit: '50' }] });
    await k.settings({ min_margin_percent: 30 });
    const ok = await k.act(low.id, 'submit');
    expect(ok.body.data.status).toBe('approved');
  });
});

describe('sending freezes the PDF', () => {
  it('stores the bytes sent with their SHA-256; GET sent-pdf answers exactly them, even after the settings change', async () => {
    await k.settings({ max_discount_percent: null, min_margin_percent: null, pdf_footer: 'Footer one' });
    const q = await k.quote();
    const sent = await k.act(q.id, 'send', { locale: 'zh-CN' });
    expect(sent.status).toBe(200);
    expect(sent.body.data).toMatchObject({ status: 'sent', sent_pdf_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(sent.body.link.path).toMatch(/^\/q\/[\w-]+\.[\w]+\.[\w-]+$/);
    expect(sent.body.mail).toBe('not_asked');
    const one = await k.raw(`/api/v1/quotes/${q.id}/sent-pdf`, t.adminToken);
    expect(one.status).toBe(200);
    expect(one.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(one.body)).toBe(sent.body.data.sent_pdf_hash);
    await k.settings({ pdf_footer: 'Footer two' });
    const two = await k.raw(`/api/v1/quotes/${q.id}/sent-pdf`, t.adminToken);
    expect(Buffer.compare(one.body, two.body)).toBe(0);
    // Sending twice is refused.
    expect((await k.act(q.id, 'send')).body.error.code).toBe('quote_not_open');
  });

  it('answers a hidden quote as a missing one and keeps hidden amounts out', async () => {
    const { rep, managerB } = await k.teams();
    const q = await k.quote({ token: rep.token });
    await k.act(q.id, 'send', {}, rep.token);
    for (const path of ['sent-pdf', 'versions', 'approval', 'public-link']) {
      const hidden = await t.api(managerB.token, 'GET', `/quotes/${q.id}/${path}`);
      const missing = await t.api(managerB.token, 'GET', `/quotes/999999999/${path}`);
      expect(hidden.status, path).toBe(404);
      expect(hidden.body, path).toEqual(missing.body);
    }
    await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: { quotes: { gross_total: 'hidden' } } });
    try {
      const pdf = await t.api(rep.token, 'GET', `/quotes/${q.id}/sent-pdf`);
      expect(pdf.status).toBe(403);
      expect(JSON.stringify((await t.api(rep.token, 'GET', `/quotes/${q.id}/versions`)).body)).not.toContain('gross');
    } finally {
      await t.api(t.adminToken, 'PATCH', '/roles/sales', { field_rules: {} });
    }
  });
});

describe('quote versions', () => {
  it('revise makes Q-…-2 with the fields and lines copied, supersedes the old one, and lists the chain; stale or repeated revisions are refused', async () => {
    await k.settings({ max_discount_percent: null, min_margin_percent: null });
    const q = await k.quote({ values: { notes: 'Delivery in May' } });
    await k.act(q.id, 'send');
    const sent = await k.get(q.id);
    const stale = await k.act(q.id, 'revise', { version: sent.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.reason).toBe('version_mismatch');
    expect((await k.get(q.id)).status).toBe('sent');

    const r = await k.act(q.id, 'revise', { version: sent.version });
    expect(r.status).toBe(201);
    const v2 = r.body.data;
    expect(v2).toMatchObject({ number: `${q.number}-2`, version_no: 2, root_id: q.id, previous_id: q.id, status: 'draft', notes: 'Delivery in May', gross_total: q.gross_total, subject: q.subject });
    expect((await t.api(t.adminToken, 'GET', `/quotes/${v2.id}/lines`)).body.data.lines).toHaveLength(1);
    expect((await k.get(q.id)).status).toBe('superseded');

    const again = await k.act(q.id, 'revise');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('quote_not_open');
    // The new version is editable; v3 continues the chain from the first number.
    expect((await t.api(t.adminToken, 'PATCH', `/quotes/${v2.id}`, { subject: 'Scanners, revised' })).status).toBe(200);
    await k.act(v2.id, 'send');
    const v3 = (await k.act(v2.id, 'revise')).body.data;
    expect(v3).toMatchObject({ number: `${q.number}-3`, version_no: 3, root_id: q.id, previous_id: v2.id });
    const chain = await t.api(t.adminToken, 'GET', `/quotes/${v2.id}/versions`);
    expect(chain.body.data.map((v: { number: string; status: string }) => [v.number, v.status])).toEqual([
      [q.number, 'superseded'], [`${q.number}-2`, 'superseded'], [`${q.number}-3`, 'draft'],
    ]);
  });
});
