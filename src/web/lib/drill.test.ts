import { describe, expect, it } from 'vitest';
import { recordsLink, urlFilters } from './drill.ts';

describe('drill-down links', () => {
  it('carry filters the list reads back unchanged', () => {
    const filters = [
      { field: 'stage_id', op: 'eq' as const, value: '3' },
      { field: 'close_date', op: 'between' as const, value: '2026-10-01,2026-12-31' },
      { field: 'owner_id', op: 'in' as const, value: '4,5' },
    ];
    const link = recordsLink('opportunities', filters);
    expect(link.startsWith('/opportunities/all?')).toBe(true);
    expect(urlFilters(new URLSearchParams(link.split('?')[1]))).toEqual(filters);
  });

  it('leave out parameters that are not filters or name an unknown operator', () => {
    const params = new URLSearchParams('view=all&q=x&filter[stage_id][drop]=1&filter[name][contains]=华');
    expect(urlFilters(params)).toEqual([{ field: 'name', op: 'contains', value: '华' }]);
  });

  it('links to the bare list without filters', () => {
    expect(recordsLink('invoices', [])).toBe('/invoices/all');
  });
});
