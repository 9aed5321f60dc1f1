import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { orderKit } from './orders.test-support.ts';

// Orders through the API on PGlite and PostgreSQL: numbering, from a quote, the actions and
// their refusals (which change nothing), visibility.
const t = useTestApp();
const f = factories(t);
const k = orderKit(t);

describe('orders', () => {
  it('are numbered SO-{YYYY}-{00000}, start as drafts and show on the account and contact timelines', async () => {
    const a = await f.account({ currency: 'USD' });
    const c = await f.contact();
    const o = await k.order({ account_id: a.id, contact_id: c.id });
    expect(o.number).toMatch(new RegExp(`^SO-${new Date().getFullYear()}-\\d{5}$`));
    expect(o).toMatchObject({ status: 'draft', currency: 'USD', gross_total: '1130.00', order_date: expect.any(String) });
    for (const [object, id] of [['accounts', a.id], ['contacts', c.id]] as const) {
      const tl = await t.api(t.adminToken, 'GET', `/timeline/${object}/${id}`);
      expect(tl.body.data.map((e: { title: string }) => e.title)).toContain(o.number);
    }
    // Status, credit status and the quote link are the actions' to set.
    const bad = await t.api(t.adminToken, 'POST', '/orders', { subject: 'x', status: 'confirmed' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'status', code: 'system_field' });
  });

  it('from an accepted quote: pricing and lines copied, once; a quote not accepted is refused and nothing is made', async () => {
    const a = await f.account();
    const q = await k.acceptedQuote({ account_id: a.id, discount_percent: 10, prices_include_tax: true });
    const r = await t.api(t.adminToken, 'POST', `/orders/from-quote/${q.id}`);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({ quote_id: q.id, account_id: a.id, subject: 'Printers', status: 'draft', discount_percent: 10, prices_include_tax: true, gross_total: '53.97' });
    const lines = (await t.api(t.adminToken, 'GET', `/orders/${r.body.data.id}/lines`)).body.data.lines;
    expect(lines).toEqual([expect.objectContaining({ description: 'Label printer', quantity: '3', unit_price: '19.99', tax_rate: '13', gross: '53.97' })]);
    const again = await t.api(t.adminToken, 'POST', `/orders/from-quote/${q.id}`);
    expect(again.status).toBe(409);
    expect(again.body.error.details.reason).toBe('quote_already_ordered');

    const sent = await k.acceptedQuote({ account_id: a.id }, undefined, 'sent');
    const refused = await t.api(t.adminToken, 'POST', `/orders/from-quote/${sent.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ reason: 'quote_not_accepted' });
    const made = await t.api(t.adminToken, 'GET', `/orders?filter[account_id]=${a.id}`);
    expect(made.body.data.map((o: { id: number }) => o.id)).toEqual([r.body.data.id]);
    // Cancelling the order frees the quote for a new one.
    expect((await k.act(r.body.data.id, 'cancel', { reason: 'Wrong address' })).status).toBe(200);
    expect((await t.api(t.adminToken, 'POST', `/orders/from-quote/${q.id}`)).status).toBe(201);
  });

  it('confirm, fulfil in parts, return: refusals change nothing', async () => {
    const o = await k.order({}, [{ description: 'A', quantity: 5, unit_price: 10 }, { description: 'B', quantity: 1, unit_price: 100 }]);
    const [a, b] = o.lines;
    // Not yet confirmed: no delivery.
    expect((await k.act(o.id, 'fulfil', { lines: [{ line_id: a!.id, quantity: 1 }] })).body.error.details).toMatchObject({ reason: 'order_status' });
    const c = await k.act(o.id, 'confirm');
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body.data.order).toMatchObject({ status: 'confirmed', credit_status: 'ok' });

    // Lines and amounts are fixed once confirmed.
    const put = await t.api(t.adminToken, 'PUT', `/orders/${o.id}/lines`, { version: c.body.data.order.version, lines: [] });
    expect(put.status).toBe(409);
    expect(put.body.error.details).toMatchObject({ reason: 'order_not_editable' });
    expect((await t.api(t.adminToken, 'PATCH', `/orders/${o.id}`, { currency: 'USD' })).body.error.details).toMatchObject({ reason: 'order_not_editable' });
    // Resending the fixed values unchanged is no change.
    const same = await t.api(t.adminToken, 'PATCH', `/orders/${o.id}`, { notes: 'Leave at the gate', currency: 'CNY', order_date: o.order_date, discount_percent: 0 });
    expect(same.status, JSON.stringify(same.body)).toBe(200);

    const before = await k.get(o.id);
    const over = await k.act(o.id, 'fulfil', { lines: [{ line_id: a!.id, quantity: 2 }, { line_id: b!.id, quantity: '1.5' }] });
    expect(over.status).toBe(400);
    expect(over.body.error.details).toEqual([expect.objectContaining({ field: 'lines[1].quantity', code: 'over_fulfilment' })]);
    const stranger = await k.order();
    expect((await k.act(o.id, 'fulfil', { lines: [{ line_id: stranger.lines[0]!.id, quantity: 1 }] })).body.error.details[0].code).toBe('unknown_line');
    expect((await k.act(o.id, 'fulfil', { lines: [{ line_id: a!.id, quantity: -1 }] })).body.error.details[0].code).toBe('invalid_quantity');
    expect(await k.get(o.id)).toMatchObject({ status: 'confirmed', version: before.version });
    expect((await k.progress(o.id)).lines.map((l: { quantity_fulfilled: string }) => l.quantity_fulfilled)).toEqual(['0', '0']);

    const part = await k.act(o.id, 'fulfil', { lines: [{ line_id: a!.id, quantity: 2 }] });
    expect(part.body.data.order.status).toBe('partially_fulfilled');
    expect((await k.act(o.id, 'cancel')).body.error.details).toMatchObject({ reason: 'order_status' });
    const full = await k.act(o.id, 'fulfil', { lines: [{ line_id: a!.id, quantity: 3 }, { line_id: b!.id, quantity: 1 }] });
    expect(full.body.data.order.status).toBe('fulfilled');

    const overReturn = await k.act(o.id, 'return', { reason: 'Damaged', lines: [{ line_id: a!.id, quantity: 6 }] });
    expect(overReturn.status).toBe(400);
    expect(overReturn.body.error.details[0]).toMatchObject({ field: 'lines[0].quantity', code: 'over_return' });
    expect((await k.act(o.id, 'return', { reason: ' ', lines: [{ line_id: a!.id, quantity: 1 }] })).status).toBe(400);
    expect((await k.progress(o.id)).returns).toEqual([]);
    const ret = await k.act(o.id, 'return', { reason: 'Damaged in transit', lines: [{ line_id: a!.id, quantity: 2 }] });
    expect(ret.status, JSON.stringify(ret.body)).toBe(200);
    const p = await k.progress(o.id);
    expect(p.lines[0]).toMatchObject({ quantity: '5', quantity_fulfilled: '5', quantity_returned: '2', quantity_invoiced: '0' });
    expect(p.returns).toEqual([expect.objectContaining({ reason: 'Damaged in transit', lines: [{ line_id: a!.id, quantity: '2' }] })]);
    // Returned 2 of 5: at most 3 more may come back.
    expect((await k.act(o.id, 'return', { reason: 'More', lines: [{ line_id: a!.id, quantity: 4 }] })).body.error.details[0].code).toBe('over_return');
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=orders&filter[record_id]=${o.id}`);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['confirm', 'fulfil', 'return']));
    expect(JSON.stringify(audit.body)).toContain('Damaged in transit');
  });

  it('an empty order is not confirmed; a delivered one is not deleted', async () => {
    const r = await t.api(t.adminToken, 'POST', '/orders', { subject: 'Nothing' });
    expect((await k.act(r.body.data.id, 'confirm')).body.error.details).toMatchObject({ reason: 'order_has_no_lines' });
    expect((await k.get(r.body.data.id)).status).toBe('draft');
    const o = await k.order();
    await k.act(o.id, 'confirm');
    expect((await t.api(t.adminToken, 'DELETE', `/orders/${o.id}`)).body.error.details).toMatchObject({ reason: 'order_not_editable' });
  });

  it('an order the user may not see answers every action, its credit and progress as a missing one', async () => {
    const owner = await f.user('sales');
    const other = await f.user('sales');
    const o = await k.order({}, undefined, owner.token);
    const line = o.lines[0]!.id;
    const calls: [string, string, unknown][] = [
      ['POST', 'confirm', undefined], ['POST', 'fulfil', { lines: [{ line_id: line, quantity: 1 }] }], ['POST', 'cancel', undefined],
      ['POST', 'return', { reason: 'x', lines: [{ line_id: line, quantity: 1 }] }], ['GET', 'credit', undefined], ['GET', 'progress', undefined],
    ];
    for (const [method, action, body] of calls) {
      const hidden = await t.api(other.token, method, `/orders/${o.id}/${action}`, body);
      const missing = await t.api(other.token, method, `/orders/99999999/${action}`, body);
      expect(hidden.status, action).toBe(404);
      expect(hidden.body, action).toEqual(missing.body);
    }
    const mgr = await f.user('manager');
    expect((await t.api(mgr.token, 'POST', `/orders/${o.id}/release`, { reason: 'ok' })).body).toEqual((await t.api(mgr.token, 'POST', '/orders/99999999/release', { reason: 'ok' })).body);
    expect((await k.get(o.id, owner.token)).status).toBe('draft');
    const ro = await f.user('readonly');
    expect((await k.act(o.id, 'confirm', undefined, ro.token)).status).toBe(403);
  });
});
