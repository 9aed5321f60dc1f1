import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { pdfPages } from '../../core/pdf/pdf.test-support.ts';
import { quoteKit, sha256, tokenOf } from './quotes.test-support.ts';

// The customer's accept link (signed token, no login) and the PDF template, on both databases.
const t = useTestApp();
const k = quoteKit(t);

async function sentQuote(values: Record<string, unknown> = {}) {
  await k.settings({ max_discount_percent: null, min_margin_percent: null });
  const q = await k.quote({ values });
  const sent = await k.act(q.id, 'send');
  expect(sent.status).toBe(200);
  return { q: sent.body.data, token: tokenOf(sent.body.link.path), path: sent.body.link.path as string };
}

const post = (url: string, payload: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': '203.0.113.9', ...headers } });

describe('public accept link', () => {
  it('shows the quote as sent, records the typed name, time and address, notifies the owner and refuses a second answer', async () => {
    const account = (await t.api(t.adminToken, 'POST', '/accounts', { name: `Buyer ${Date.now()}` })).body.data;
    const { q, token, path } = await sentQuote({ account_id: account.id });
    const page = await k.raw(`${path}?lang=zh-CN`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(q.number);
    expect(page.text).toContain('接受此报价');
    expect((await k.raw(path)).text).toContain('Accept this quote');
    const summary = await t.api('', 'GET', `/public/quotes/${token}`);
    expect(summary.body.data).toMatchObject({ number: q.number, status: 'sent', sent_pdf_hash: q.sent_pdf_hash });
    const pdf = await k.raw(`/api/v1/public/quotes/${token}/pdf`);
    expect(sha256(pdf.body)).toBe(q.sent_pdf_hash);

    // A name is required; nothing is written without it.
    const nameless = await post(`/api/v1/public/quotes/${token}/accept`, { name: '  ' });
    expect(nameless.statusCode).toBe(400);
    expect((await k.get(q.id)).status).toBe('sent');

    const r = await post(`/api/v1/public/quotes/${token}/accept`, { name: '王芳' });
    expect(r.statusCode).toBe(200);
    const after = await k.get(q.id);
    expect(after).toMatchObject({ status: 'accepted', accepted_by_name: '王芳', accepted_ip: expect.any(String) });
    expect(Date.now() - new Date(after.accepted_at).getTime()).toBeLessThan(60_000);
    const timeline = await t.api(t.adminToken, 'GET', `/timeline/accounts/${q.account_id}`);
    expect(timeline.body.data.map((e: { kind: string; body: string }) => [e.kind, e.body])).toContainEqual(['quote_accepted', '王芳']);

    const bell = await t.api(t.adminToken, 'GET', '/notifications');
    expect(bell.body.data.map((n: { kind: string; record_id: number }) => [n.kind, n.record_id])).toContainEqual(['customer_accepted', q.id]);

    const twice = await post(`/api/v1/public/quotes/${token}/reject`, { reason: 'Changed my mind' });
    expect(twice.statusCode).toBe(409);
    expect(JSON.parse(twice.body).error).toMatchObject({ code: 'quote_not_open', details: { reason: 'already_decided' } });
    const again = await post(`/api/v1/public/quotes/${token}/accept`, { name: 'Someone else' });
    expect(again.statusCode).toBe(409);
    expect(await k.get(q.id)).toEqual(after);
    // The page now says who accepted.
    expect((await k.raw(path)).text).toContain('王芳');
  });

  it('answers the browser\'s form post with a page', async () => {
    const { q, token } = await sentQuote();
    const r = await t.app.inject({
      method: 'POST', url: `/api/v1/public/quotes/${token}/reject?locale=zh-TW`, payload: 'reason=Too+expensive',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('此報價已被拒絕');
    expect(await k.get(q.id)).toMatchObject({ status: 'rejected', rejection_reason: 'Too expensive' });
  });

  it('answers a tampered token 404 and a superseded or withdrawn quote 409, writing nothing', async () => {
    const { q, token, path } = await sentQuote();
    const [subject, exp, sig] = token.split('.');
    const tampered = `${subject}.${exp}.${sig!.slice(0, -2)}${sig!.endsWith('AA') ? 'BB' : 'AA'}`;
    const other = `${Buffer.from(String(q.id + 1)).toString('base64url')}.${exp}.${sig}`;
    for (const bad of [tampered, other, 'nonsense']) {
      expect((await t.api('', 'GET', `/public/quotes/${bad}`)).status).toBe(404);
      expect((await post(`/api/v1/public/quotes/${bad}/accept`, { name: 'Mallory' })).statusCode).toBe(404);
      expect((await k.raw(`/q/${bad}`)).status).toBe(404);
    }
    expect((await k.get(q.id)).status).toBe('sent');

    await k.act(q.id, 'revise');
    const superseded = await post(`/api/v1/public/quotes/${token}/accept`, { name: 'Late' });
    expect(superseded.statusCode).toBe(409);
    expect(JSON.parse(superseded.body).error.details.reason).toBe('superseded');
    expect((await k.raw(path)).text).toContain('replaced by a newer version');
    expect((await k.get(q.id)).status).toBe('superseded');

    const w = await sentQuote();
    await t.api(t.adminToken, 'PATCH', `/quotes/${w.q.id}`, { status: 'withdrawn' });
    expect((await t.api('', 'GET', `/public/quotes/${w.token}`)).body.error).toMatchObject({ code: 'quote_not_open', details: { reason: 'withdrawn' } });
  });
});

describe('quote PDF template', () => {
  it('prints the organisation\'s header and footer and the custom fields it chose', async () => {
    const cf = await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'quotes', key: 'delivery_terms', label: 'Delivery terms', labels: { 'zh-CN': '交货条款' }, type: 'text' });
    expect(cf.status).toBe(201);
    const terms = cf.body.data.key as string;
    const code = (await t.api(t.adminToken, 'POST', '/custom-fields', { object: 'quotes', key: 'internal_code', label: 'Internal code', type: 'text' })).body.data.key as string;
    expect((await t.api(t.adminToken, 'PATCH', '/settings/quotes', { print_fields: ['nonexistent'] })).status).toBe(400);
    await k.settings({ pdf_header: '感谢您的询价', pdf_footer: '开户行：招商银行', print_fields: [terms] });
    const q = await k.quote({ values: { [terms]: '上海仓库交货', [code]: 'SECRET-42' } });
    const pdf = await k.raw(`/api/v1/quotes/${q.id}/pdf?locale=zh-CN`, t.adminToken);
    const text = (await pdfPages(pdf.body)).join('\n');
    for (const s of ['感谢您的询价', '开户行：招商银行', '交货条款', '上海仓库交货']) expect(text).toContain(s);
    expect(text).not.toContain('SECRET-42');
    await k.settings({ pdf_header: '', pdf_footer: '', print_fields: [] });
  });
});
