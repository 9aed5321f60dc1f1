import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { orderKit } from '../orders/orders.test-support.ts';
import { issuedInvoice } from '../invoices/billing.test-support.ts';

// GET /{object}/{id}/lines says why the lines are locked (the refusal a PUT would get), so the
// web app shows sent quotes, confirmed orders, issued invoices and fapiao read-only.
const t = useTestApp();
const f = factories(t);
const o = orderKit(t);
const lines = async (object: string, id: number) => (await t.api(t.adminToken, 'GET', `/${object}/${id}/lines`)).body.data;
const put = async (object: string, id: number) => {
  const cur = await lines(object, id);
  return t.api(t.adminToken, 'PUT', `/${object}/${id}/lines`, { version: cur.version, lines: [{ description: 'x', quantity: 1, unit_price: 1 }] });
};

describe('locked lines', () => {
  it('answers null for drafts and the refusal reason for locked documents, the same a PUT gets', async () => {
    const account = await f.account();
    const draftOrder = await o.order({ account_id: account.id });
    expect((await lines('orders', draftOrder.id)).locked).toBeNull();
    const draftInvoice = (await t.api(t.adminToken, 'POST', '/invoices', { account_id: account.id })).body.data;
    expect((await lines('invoices', draftInvoice.id)).locked).toBeNull();

    const sent = await o.acceptedQuote({}, undefined, 'sent');
    const accepted = await o.acceptedQuote();
    const confirmed = await o.order({ account_id: account.id });
    expect((await o.act(confirmed.id, 'confirm', {})).status).toBe(200);
    const invoice = await issuedInvoice(t, t.adminToken, account.id, '50.00');
    const fapiao = (await t.api(t.adminToken, 'POST', '/fapiao/from-invoices', { invoice_ids: [invoice.id] })).body.data;

    const cases: [string, number, string, string][] = [
      ['quotes', sent.id, 'quote_not_editable', 'sent'],
      ['quotes', accepted.id, 'quote_not_editable', 'accepted'],
      ['orders', confirmed.id, 'order_not_editable', 'confirmed'],
      ['invoices', invoice.id, 'invoice_not_editable', 'issued'],
      ['fapiao', fapiao.id, 'fapiao_not_editable', 'draft'],
    ];
    for (const [object, id, reason, status] of cases) {
      expect([object, (await lines(object, id)).locked]).toEqual([object, { reason, status }]);
      const r = await put(object, id);
      expect([object, r.status, r.body.error.details?.reason ?? r.body.error.reason ?? r.body.error.code]).toEqual([object, 409, reason]);
    }
  });
});
