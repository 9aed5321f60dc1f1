import { describe, expect, it } from 'vitest';
import { matchOf } from './bulk-scope.ts';

describe('matchOf', () => {
  it('keeps every filter of the list (they come as arrays) and drops only absent parameters', () => {
    expect(matchOf({ 'filter[city][eq]': ['杭州'], 'filter[tier][in]': ['gold,vip'], q: 'wang', where: undefined })).toEqual({ 'filter[city][eq]': '杭州', 'filter[tier][in]': 'gold,vip', q: 'wang' });
  });
  it('refuses a filter repeated on one field rather than dropping it', () => {
    expect(() => matchOf({ 'filter[name][contains]': ['a', 'b'] })).toThrow(/repeated/);
  });
});
