import * as OpenCC from 'opencc-js/t2cn';
import type { DictLike } from 'opencc-js';

// Text normalisation shared by search documents, search queries, ranking and duplicate
// detection: NFKC (full-width → half-width, compatibility ideographs → unified), lower case,
// accents folded (é → e, ß → ss), control characters → space, zero-width characters removed,
// Traditional → Simplified.
//
// Traditional → Simplified is done CHARACTER BY CHARACTER with a table built from opencc-js
// (every single character the tw→cn, hk→cn and t→cn dictionaries know, converted by the
// official converters). Phrase-level conversion would be more literary, but it is not
// substring-stable: 乾隆 stays 乾隆 while 乾 alone becomes 干, so a query could normalise
// differently from the part of the document it should match. Character by character,
// normalize(substring) === substring of normalize(whole), which is what search needs.
// It is also ~10x faster than running the phrase converters.

// Simplified characters the variant dictionaries would rewrite (么 → 幺 in 什么).
const KEEP = new Set(['么']);

let table: Map<number, string> | null = null;

function dictKeys(d: DictLike, out: Set<string>): void {
  if (typeof d === 'string') {
    for (const entry of d.split('|')) {
      const sp = entry.indexOf(' ');
      const key = sp < 0 ? entry : entry.slice(0, sp);
      if (key && key.length <= 2 && [...key].length === 1) out.add(key);
    }
  } else {
    for (const [key] of d) if (key.length <= 2 && [...key].length === 1) out.add(key);
  }
}

function buildTable(): Map<number, string> {
  const fromTw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const fromHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const keys = new Set<string>();
  const groups = [...(OpenCC.Locale.from.tw ?? []), ...(OpenCC.Locale.from.hk ?? []), ...(OpenCC.Locale.to.cn ?? [])];
  for (const group of groups) for (const d of group) dictKeys(d, keys);
  const map = new Map<string, string>();
  for (const c of keys) {
    if (KEEP.has(c)) continue;
    const s = fromHk(fromTw(c));
    if (s !== c) map.set(c, s);
  }
  // Make the table idempotent: a result is never itself rewritten again.
  for (const [c, s] of map) {
    let r = s;
    for (let i = 0; i < 3 && map.has(r); i++) r = map.get(r)!;
    if (r !== s) map.set(c, r);
  }
  const byCode = new Map<number, string>();
  for (const [c, r] of map) byCode.set(c.codePointAt(0)!, r);
  return byCode;
}

function simplifiedTable(): Map<number, string> {
  return (table ??= buildTable());
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

// Letters with diacritics live in Latin-1 Supplement … Greek Extended (U+00C0–U+1FFF); Han,
// kana and Hangul are above, so Chinese text skips the folding entirely.
const MAY_HAVE_ACCENTS = /[\u00c0-\u1fff]/;
// Combining diacritical marks (U+0300–U+036F) only: kana voicing marks and Indic vowel signs
// are letters' parts, not accents, and stay.
const DIACRITICS = /[\u0300-\u036f]+/g;
// Letters that are not a base letter plus a mark, spelt as people type them without accents.
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h', ŧ: 't' };
const LIGATURE_RE = /[ßæœøđðłþıŀħŧ]/g;

/** é → e, ü → u, ß → ss, Æ → ae…: "Munchen" finds "München", "Mexico" finds "México". */
function foldAccents(n: string): string {
  if (!MAY_HAVE_ACCENTS.test(n)) return n;
  // NFD splits a letter from its marks; NFC afterwards rebuilds what must stay composed (Hangul).
  return n.normalize('NFD').replace(DIACRITICS, '').normalize('NFC').replace(LIGATURE_RE, (c) => LIGATURES[c]!);
}

/**
 * NFKC, lower case, accents folded, Traditional → Simplified (character by character), controls
 * and line separators → space, zero-width characters removed. After it, U+0020 is the only white
 * space that matters (NFKC already folds U+3000, U+00A0 and the other typographic spaces into it).
 */
export function normalizeText(s: string): string {
  const n = foldAccents(s.normalize('NFKC').toLowerCase());
  if (PLAIN_ASCII.test(n)) return n;
  const map = simplifiedTable();
  // Copy unchanged stretches whole; only rewritten characters are looked at one by one.
  let out = '';
  let from = 0;
  const len = n.length;
  for (let i = 0; i < len; i++) {
    const c = n.charCodeAt(i);
    let rep: string | undefined;
    let width = 1;
    if (c < 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029) rep = ' ';
    else if (c < 0x2e80) {
      if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060) rep = '';
    } else if (c === 0xfeff) rep = '';
    else if (c >= 0xd800 && c <= 0xdbff) {
      width = 2;
      rep = map.get(n.codePointAt(i)!);
    } else rep = map.get(c);
    if (rep !== undefined) {
      out += n.slice(from, i) + rep;
      from = i + width;
    }
    i += width - 1;
  }
  return from === 0 ? n : out + n.slice(from);
}

/** Warm the conversion table (≈50 ms) so the first import row or query does not pay for it. */
export function warmNormalizer(): void {
  simplifiedTable();
}

/**
 * Is this code point a Han (CJK ideograph) character? Used identically by documents and
 * queries, so the exact range matters less than the two agreeing.
 */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3007
  );
}
