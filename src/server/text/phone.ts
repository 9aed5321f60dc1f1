// Phone numbers: digits for search, and a key for duplicate detection.

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

/**
 * Key for duplicate detection: the national significant number, so every way of writing one
 * number meets: '+86 138 0013 8000', '008613800138000', '8613800138000' and '13800138000' all
 * give '13800138000'; '010-6401-8888' and '+86 10 6401 8888' both give '1064018888'.
 * Rules: an extension is dropped; '+' or '00' starts an international number whose calling
 * code (from a table of common ones) is removed; a national number loses its trunk '0';
 * a number with an unknown calling code keeps all its digits. Under 7 digits: '' (no key).
 * Known limit: a North American number written '1-415-555-0100' without '+' keeps its '1'.
 */
export function phoneKey(s: string): string {
  const p = parsePhone(s);
  if (!p || p.national.length < 7) return '';
  return p.national;
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
