import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { billingSource, billingSources } from '../../core/billing.ts';
import { loadActor } from '../auth/auth.service.ts';
import { orderKit } from './orders.test-support.ts';

// Orders as a billing source (core/billing.ts), called directly as the invoices module will:
// billable = delivered − returned − invoiced per line; invoiced() moves quantity_invoiced and the
// status, refuses more than is open (in the invoice's transaction, so the invoice fails too).
const t = useTestApp();
const f = factories(t);
const k = orderKit(t);
const source = () => billingSource('orders')!;

describe('orders as a billing source', () => {
  it('bills what was delivered and not returned; invoicing all of it makes the order invoiced', async () => {
    expect(billingSources()).toContain('orders');
    const admin = (await loadActor(t.database.db, 1))!;
    const a = await f.account();
    const o = await k.order({ account_id: a.id, discount_percent: 10 }, [{ description: 'A', quantity: 5, unit_price: 10, tax_rate: 13 }, { description: 'B', quantity: 2, unit_price: 100, tax_rate: 0 }]);
    const [la, lb] = o.lines;
    expect((await source().billable(t.database.db, admin, o.id)).lines).toEqual([]);
    await k.act(o.id, 'confirm');
    await k.act(o.id, 'fulfil', { lines: [{ line_id: la!.id, quantity: 4 }, { line_id: lb!.id, quantity: 2 }] });
    await k.act(o.id, 'return', { reason: 'Broken', lines: [{ line_id: la!.id, quantity: 1 }] });
    const b = await source().billable(t.database.db, admin, o.id);
    expect(b).toMatchObject({ account_id: a.id, currency: 'CNY', rounding_mode: 'per_line', prices_include_tax: false });
    expect(b.lines).toEqual([
      expect.objectContaining({ source_line_id: la!.id, description: 'A', quantity: '3', unit_price: '10', discount_percent: '10', tax_rate: '13' }),
      expect.objectContaining({ source_line_id: lb!.id, quantity: '2', unit_price: '100' }),
    ]);

    // More than is open: refused, nothing taken.
    await expect(t.database.db.transaction().execute((trx) => source().invoiced(trx, o.id, [{ source_line_id: la!.id, quantity: '4' }])))
      .rejects.toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ code: 'over_invoicing' })] });
    expect((await k.progress(o.id)).lines[0].quantity_invoiced).toBe('0');

    await t.database.db.transaction().execute((trx) => source().invoiced(trx, o.id, [{ source_line_id: lb!.id, quantity: '2' }]));
    expect((await source().billable(t.database.db, admin, o.id)).lines.map((l) => l.source_line_id)).toEqual([la!.id]);
    expect((await k.get(o.id)).status).toBe('partially_fulfilled');
    // The last delivery, then everything invoiced: invoiced. A credit note gives some back.
    await k.act(o.id, 'fulfil', { lines: [{ line_id: la!.id, quantity: 1 }] });
    await t.database.db.transaction().execute((trx) => source().invoiced(trx, o.id, [{ source_line_id: la!.id, quantity: '4' }]));
    expect(await k.get(o.id)).toMatchObject({ status: 'invoiced' });
    expect((await source().billable(t.database.db, admin, o.id)).lines).toEqual([]);
    await t.database.db.transaction().execute((trx) => source().invoiced(trx, o.id, [{ source_line_id: la!.id, quantity: '-1' }]));
    expect(await k.get(o.id)).toMatchObject({ status: 'fulfilled' });
    expect((await k.progress(o.id)).lines[0]).toMatchObject({ quantity_invoiced: '3' });
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=orders&filter[record_id]=${o.id}`);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toContain('invoiced');
  });

  it('invoiced orders leave the open-orders exposure', async () => {
    const a = await f.account({ credit_limit: 10000 });
    const o = await k.order({ account_id: a.id }, [{ description: 'A', quantity: 2, unit_price: 100, tax_rate: 0 }]);
    await k.act(o.id, 'confirm');
    await k.act(o.id, 'fulfil', { lines: [{ line_id: o.lines[0]!.id, quantity: 2 }] });
    const credit = async () => (await t.api(t.adminToken, 'GET', `/orders/${o.id}/credit`)).body.data.parts.orders;
    expect(await credit()).toBe('200.00');
    await t.database.db.transaction().execute((trx) => source().invoiced(trx, o.id, [{ source_line_id: o.lines[0]!.id, quantity: '1' }]));
    expect(await credit()).toBe('100.00');
  });

  it('a hidden order is not found; a role hiding the order total may not bill it', async () => {
    const owner = await f.user('sales');
    const other = await f.user('sales');
    const o = await k.order({}, undefined, owner.token);
    const actor = (await loadActor(t.database.db, other.id))!;
    await expect(source().billable(t.database.db, actor, o.id)).rejects.toMatchObject({ code: 'not_found' });
    await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { orders: { gross_total: 'hidden' } } });
    const ro = await f.user('readonly');
    await expect(source().billable(t.database.db, (await loadActor(t.database.db, ro.id))!, o.id)).rejects.toMatchObject({ code: 'forbidden' });
    await t.api(t.adminToken, 'PATCH', '/roles/readonly', { field_rules: { orders: { gross_total: null } } });
  });
});
