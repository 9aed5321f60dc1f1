import { describe, expect, it } from 'vitest';
import { canonicalApiPath, resourcePath } from './resource-path.ts';

describe('resource paths (hyphens between words)', () => {
  it('turns an object name into its path segment', () => {
    expect(resourcePath('price_books')).toBe('price-books');
    expect(resourcePath('commission_statements')).toBe('commission-statements');
    expect(resourcePath('accounts')).toBe('accounts');
  });

  it('canonicalises only the first segment of an API path (the web client sends every call through it)', () => {
    expect(canonicalApiPath('/price_books')).toBe('/price-books');
    expect(canonicalApiPath('/price_books/3/entries')).toBe('/price-books/3/entries');
    expect(canonicalApiPath('/commission_statements?limit=5')).toBe('/commission-statements?limit=5');
    expect(canonicalApiPath('/meta/objects/price_books')).toBe('/meta/objects/price_books');
    expect(canonicalApiPath('/views?object=price_books')).toBe('/views?object=price_books');
    expect(canonicalApiPath('/accounts/1')).toBe('/accounts/1');
  });
});
