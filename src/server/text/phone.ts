// Phone numbers: digits for search, and a key for duplicate detection.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

const NON_DIGITS = /\D+/g;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Digits only ('+86 138-0013-8000' → '8613800138000', full-width digits too); '' when there are none. */
export function normalizePhone(s: string): string {
  const n = PLAIN_ASCII.test(s) ? s : s.normalize('NFKC');
  return n.replace(NON_DIGITS, '');
}

// Country calling codes this key understands, with whether national numbers of that country
// are written with a trunk '0' (010-6401-8888 in China is +86 10 6401 8888). Calling codes
// are prefix-free, so the first match is the only one.
const TRUNK_ZERO: Record<string, boolean> = {
  '1': false, '7': false, '20': true, '27': true, '30': false, '31': true, '32': true, '33': true, '34': false,
  '36': false, '39': false, '41': true, '43': true, '44': true, '45': false, '46': true, '47': false, '48': false,
  '49': true, '52': false, '55': true, '60': true, '61': true, '62': true, '63': true, '64': true, '65': false,
  '66': true, '81': true, '82': true, '84': true, '86': true, '90': true, '91': true, '852': false, '853': false,
  '855': true, '880': true, '886': true, '966': true, '971': true, '972': true,
};

// An extension is not part of the number: "010-6401-8888 ext. 12", "转 12", "x12", "#12".
const EXTENSION = /\s*(?:ext\.?|extn\.?|x|转|分机|#|;|,)\s*\d+\s*$/i;

interface ParsedPhone { cc: string | null; national: string }

/** Country code (when written internationally and known) and the national significant number. */
function parsePhone(s: string): ParsedPhone | null {
  const raw = (PLAIN_ASCII.test(s) ? s : s.normalize('NFKC')).replace(EXTENSION, '').trim();
  let d = raw.replace(NON_DIGITS, '');
  if (!d) return null;
  let international = raw.startsWith('+');
  if (d.startsWith('00')) {
    d = d.slice(2);
    international = true;
  } else if (!international && d.length >= 12 && d.startsWith('86')) {
    international = true; // 8613800138000: mainland number written with its code but no '+'
  }
  if (international) {
    for (let len = 1; len <= 3; len++) {
      const cc = d.slice(0, len);
      if (cc in TRUNK_ZERO) return { cc, national: d.slice(len).replace(/^0/, '') };
    }
    return { cc: null, national: d };
  }
  // National format: a single trunk '0' is dropped (0755-1234-5678 → 75512345678).
  return { cc: null, national: d.startsWith('0') && !d.startsWith('00') ? d.slice(1) : d };
}

// The organisation's default region (settings `phone_region`): numbers written without a
// country code are read as numbers of this country. Set at start and when the setting changes.
let region: CountryCode = 'CN';

export function setPhoneRegion(r: string): void {
  if (isSupportedCountry(r)) region = r;
  memoIn.fill('');
}

export function phoneRegion(): CountryCode {
  return region;
}

/** Is this an ISO 3166 country code libphonenumber knows ('CN', 'TW', 'DE'…)? */
export function isPhoneRegion(r: string): boolean {
  return isSupportedCountry(r);
}

/**
 * Key for duplicate detection: the number in E.164 ('+8613800138000'), so every way of writing
 * one number meets — '+86 138 0013 8000', '008613800138000', '8613800138000', '138-0013-8000' —
 * and the same national digits in two countries do not ('+44 20 7946 0000' vs Guangzhou's
 * '020 7946 0000'). A number without a country code is read in the organisation's region
 * (setPhoneRegion); an extension is dropped. A number libphonenumber-js cannot place keeps all
 * its digits (never equal to an E.164 key, which starts with '+'). Under 7 digits: '' (no key).
 */
export function phoneKey(s: string, inRegion: CountryCode = region): string {
  if (inRegion !== region) return computePhoneKey(s, inRegion);
  // A record's phones are keyed twice per write (duplicate keys, then derived columns): a
  // few remembered answers spare libphonenumber-js's parse (~10 µs) the second time.
  for (let i = 0; i < MEMO; i++) if (memoIn[i] === s) return memoOut[i]!;
  const key = computePhoneKey(s, inRegion);
  memoIn[memoAt] = s;
  memoOut[memoAt] = key;
  memoAt = (memoAt + 1) % MEMO;
  return key;
}

const MEMO = 4;
const memoIn: string[] = new Array(MEMO).fill('');
const memoOut: string[] = new Array(MEMO).fill('');
let memoAt = 0;

// Mainland mobile numbers (11 digits, 1[3-9]…) are most of what a Chinese CRM stores: their
// E.164 form is '+86' and the digits, which libphonenumber-js answers too, ten times slower
// (phone.test.ts checks the two agree).
const CN_MOBILE = /^1[3-9]\d{9}$/;
const CN_MOBILE_INTL = /^861[3-9]\d{9}$/;

function computePhoneKey(s: string, inRegion: CountryCode): string {
  const raw = (PLAIN_ASCII.test(s) ? s : s.normalize('NFKC')).replace(EXTENSION, '').trim();
  const digits = raw.replace(NON_DIGITS, '');
  if (digits.length < 7) return '';
  if (raw.startsWith('+') ? CN_MOBILE_INTL.test(digits) && raw.startsWith('+86') : inRegion === 'CN' && CN_MOBILE.test(digits) && /^[\d\s-]+$/.test(raw)) {
    return digits.length === 11 ? `+86${digits}` : `+${digits}`;
  }
  const international = raw.startsWith('+') ? raw : digits.startsWith('00') ? `+${digits.slice(2)}` : raw;
  const parsed = parsePhoneNumberFromString(international, inRegion);
  return parsed?.isPossible() ? parsed.number : digits;
}

/**
 * The digit strings a stored phone is searchable by: all its digits, plus the national form
 * with its trunk '0' when the number was written internationally ('+86 10 6401 8888' is also
 * found by '010-6401-8888').
 */
export function phoneSearchForms(s: string): string[] {
  const digits = normalizePhone(s);
  if (!digits) return [];
  const p = parsePhone(s);
  if (p?.cc && TRUNK_ZERO[p.cc] && p.national.length >= 6 && !(p.cc === '86' && /^1\d{10}$/.test(p.national))) {
    const national = `0${p.national}`;
    if (!digits.includes(national)) return [digits, national];
  }
  return [digits];
}
