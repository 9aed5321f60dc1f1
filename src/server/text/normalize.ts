import * as OpenCC from 'opencc-js';

// Traditional (Taiwan, Hong Kong and generic) folded to Simplified: documents and queries
// go through the same function, so 張三 and 张三 meet.
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const HK = OpenCC.Converter({ from: 'hk', to: 'cn' });
const NON_ASCII = /[^\x00-\x7f]/;

/** NFKC (full-width → half-width), lower case, Traditional → Simplified. */
export function normalizeText(s: string): string {
  const n = s.normalize('NFKC').toLowerCase();
  return NON_ASCII.test(n) ? HK(toSimplified(n)) : n;
}

/** Digits only ('+86 138-0013-8000' → '8613800138000'); '' when there are none. */
export function normalizePhone(s: string): string {
  return s.normalize('NFKC').replace(/\D+/g, '');
}

/**
 * Key for duplicate detection: the last 11 digits (a mainland mobile or a landline with
 * its area code), so '+86 138 0013 8000' and '13800138000' match. Under 7 digits: no key.
 */
export function phoneKey(s: string): string {
  let d = normalizePhone(s);
  if (d.startsWith('00')) d = d.slice(2);
  if (d.length < 7) return '';
  return d.length > 11 ? d.slice(-11) : d;
}
