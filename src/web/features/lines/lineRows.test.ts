import { describe, expect, it } from 'vitest';
import { emptyRow, issueAt, liveTotals, toInput } from './lineRows.ts';

// The editor's rows: what it sends (blank values left for the server to fill from the product),
// where a server issue lands, and the live totals from the shared computation.
describe('line editor rows', () => {
  it('sends blank values as absent, so a product line is filled by the server', () => {
    const row = { ...emptyRow(), product_id: 7, quantity: ' 3 ', description: '' };
    expect(toInput([row])).toEqual([{ product_id: 7, sku: undefined, description: undefined, quantity: '3', unit: undefined, unit_price: undefined, discount_percent: undefined, tax_rate: undefined }]);
  });

  it('places a server issue on its row and column', () => {
    expect(issueAt('lines[12].unit_price')).toEqual({ row: 12, column: 'unit_price' });
    expect(issueAt('lines')).toBeNull();
  });

  it('computes live totals as the server does, counting a half-typed number as 0', () => {
    const s = { currency: 'CNY', rounding_mode: 'per_line' as const, prices_include_tax: false, overall_discount_percent: '0' };
    const rows = [{ ...emptyRow(), quantity: '3', unit_price: '19.99', tax_rate: '13' }, { ...emptyRow(), quantity: '2', unit_price: '1.', tax_rate: '' }];
    const r = liveTotals(rows, s);
    expect(r.lines[0]!.gross.toFixed(2)).toBe('67.77');
    expect(r.totals.gross.toFixed(2)).toBe('69.77');
    expect(liveTotals([{ ...emptyRow(), quantity: 'x', unit_price: '5' }], s).totals.gross.toFixed(2)).toBe('0.00');
  });
});
