import { normalizeText } from './normalize.ts';
import { likeEscape } from '../db/like.ts';
import { normalizePhone, phoneKey, phoneSearchForms } from './phone.ts';
import { hanOf, namePinyin, type PinyinMode } from './pinyin.ts';
import { SEARCH_TEXT_SEPARATOR, fieldTag } from './search-sections.ts';
import { WORD_PREFIX, SHORT_WORD, addGrams, addShortWords, addTextTokens, codePoints, scanRuns, type TokenMode } from './tokens.ts';

export { normalizeText, normalizePhone, phoneKey };

// Global search without pg_trgm or zhparser, the same SQL on PostgreSQL and PGlite:
//
//   WHERE search_tokens @> $grams::text[] AND search_text LIKE ALL ($patterns::text[])
//
// search_tokens (GIN-indexed) holds the grams of the record (see tokens.ts); every gram of
// the query must be there, which the index answers. search_text holds the normalised text
// and each pattern ('%term%', one per query word) rechecks that the words really occur.

/** A value of the search document, optionally naming the field it came from (see search-sections.ts). */
export type SearchValue = string | { field: string; value: string };

export interface SearchParts {
  /** The record's names; the first is its title. They also give their pinyin. */
  names: SearchValue[];
  /** How names read in pinyin: a person's surname first, or a company's ordinary reading. */
  pinyin?: PinyinMode;
  phones?: SearchValue[];
  emails?: SearchValue[];
  other?: SearchValue[];
  notes?: SearchValue[];
}

export { SEARCH_TEXT_SEPARATOR };
/** Notes (all of a record's together) are searchable up to this many characters. */
export const NOTES_CAP = 1000;
/** Any other single part is searchable up to this many characters. */
export const PART_CAP = 300;

function cap(s: string, n: number): string {
  if (s.length <= n) return s;
  const c = s.charCodeAt(n - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n); // never cut a surrogate pair
}

const valueOf = (v: SearchValue): string => (typeof v === 'string' ? v : v.value);
const tagOf = (v: SearchValue): string => (typeof v === 'string' ? '' : fieldTag(v.field));

/**
 * The search document of a record: `text` (normalised sections, for the LIKE recheck) and
 * `tokens` (for the GIN index). The first name is the bare title; every other section is
 * tagged with its field (search-sections.ts). Names also give their pinyin (zhangsan, zs);
 * phones are digits only; notes are capped at NOTES_CAP characters, other parts at PART_CAP.
 */
export function buildSearchDocument(parts: SearchParts): { text: string; tokens: string[] } {
  const tokens = new Set<string>();
  const text: string[] = [];
  const seen = new Set<string>();
  const push = (tag: string, n: string): boolean => {
    const section = text.length === 0 ? n : tag + n;
    if (seen.has(section)) return false;
    seen.add(section);
    text.push(section);
    return true;
  };
  const add = (v: SearchValue, limit: number, mode: TokenMode): string => {
    const n = normalizeText(cap(valueOf(v), limit)).trim();
    if (!n || !push(tagOf(v), n)) return '';
    addTextTokens(tokens, n, mode);
    return n;
  };

  // The title is always the first section, even empty: a tagged section must never take its place.
  const title = parts.names[0];
  if (title === undefined || !normalizeText(cap(valueOf(title), PART_CAP)).trim()) text.push('');

  const pinyinDone = new Set<string>();
  for (const name of parts.names) {
    const n = add(name, PART_CAP, 'full');
    if (!n) continue;
    // "三 张" (given + family) spells the same characters as 张三: one pinyin is enough.
    const key = [...hanOf(n)].sort().join('');
    if (!key || pinyinDone.has(key)) continue;
    pinyinDone.add(key);
    const py = namePinyin(n, parts.pinyin);
    if (!py) continue;
    push(tagOf(name), py.full);
    push(tagOf(name), py.initials);
    addGrams(tokens, py.full, 3, false);
    addGrams(tokens, py.initials, 3, false);
    for (const s of py.syllables) if (s.length <= SHORT_WORD) tokens.add(WORD_PREFIX + s);
    // Initials of 1–2 letters as a word (zs), and the first two of longer ones (wx for wxm).
    tokens.add(WORD_PREFIX + py.initials.slice(0, SHORT_WORD));
  }

  for (const p of parts.phones ?? []) {
    for (const d of phoneSearchForms(cap(valueOf(p), 100))) {
      if (!push(tagOf(p), d)) continue;
      addGrams(tokens, d, 3, false);
      if (d.length <= SHORT_WORD) tokens.add(WORD_PREFIX + d);
    }
  }
  for (const e of parts.emails ?? []) add(e, PART_CAP, 'words');
  for (const o of parts.other ?? []) add(o, PART_CAP, 'words');
  let budget = NOTES_CAP;
  for (const note of parts.notes ?? []) {
    if (budget <= 0) break;
    const n = add(note, budget, 'notes');
    budget -= n.length;
  }
  return { text: text.join(SEARCH_TEXT_SEPARATOR), tokens: [...tokens] };
}


// A word made only of digits and phone punctuation is a phone fragment: searched as digits,
// as phones are stored (138-0013 → 1380013). Dates and decimals are not phones.
const PHONE_CHARS = /^[0-9+().-]+$/;
const NOT_PHONE = /^(?:\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{4}|\d+\.\d+)$/;
const SPACED_PHONE = /^[0-9+().\- ]+$/;

function phoneWord(term: string): string | null {
  if (!PHONE_CHARS.test(term) || NOT_PHONE.test(term)) return null;
  const d = term.replace(/\D+/g, '');
  if (d === term) return null;
  return d.length >= 6 || (/^[+(]/.test(term) && d.length >= 3) ? d : null;
}

/** A whole query that is one spaced phone number: '+86 138 0013 8000', '010 6401 8888'. */
function spacedPhone(q: string): string | null {
  if (!q.includes(' ') || !SPACED_PHONE.test(q)) return null;
  const d = q.replace(/\D+/g, '');
  if (d.length < 4) return null;
  return /^[+(]/.test(q) || q.split(' ').length >= 3 ? d : null;
}

// Leading and trailing characters that are not letters, digits or marks are dropped from a
// query word ("ltd." → "ltd", "(vip)" → "vip"): a looser, never a stricter, match.
const EDGE_PUNCT = /^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu;

/**
 * A query as index grams (all required: `search_tokens @> grams`) and LIKE patterns (all
 * required: `search_text LIKE ALL (patterns)`), one pattern per word: every word must match.
 * Han → bigrams (a single character → itself); other words of 3+ characters → trigrams; a
 * word of 1–2 letters/digits → its "w:" whole-word token, used only when no other word of the
 * query gives grams (then it is rechecked by its pattern alone). Returns null when nothing
 * is searchable (empty, punctuation only, a single Latin letter or digit).
 */
export function buildSearchQuery(q: string): { grams: string[]; patterns: string[]; normalized: string } | null {
  const normalized = normalizeText(q).replace(/ {2,}/g, ' ').trim();
  if (!normalized) return null;
  const spaced = spacedPhone(normalized);
  const words = spaced ? [spaced] : normalized.split(' ');
  const strong = new Set<string>();
  const weak = new Set<string>();
  const patterns: string[] = [];
  for (const w of words) {
    let term = w.replace(EDGE_PUNCT, '');
    if (!term) continue;
    term = phoneWord(term) ?? term;
    let hasHan = false;
    scanRuns(term, (run) => {
      if (run.han) hasHan = true;
    });
    if (!hasHan && codePoints(term) <= SHORT_WORD) {
      weak.add(WORD_PREFIX + term);
    } else {
      scanRuns(term, (run) => {
        if (run.han) addGrams(strong, run.text, codePoints(run.text) === 1 ? 1 : 2, run.astral);
        else if (codePoints(run.text) >= 3) addGrams(strong, run.text, 3, run.astral);
        // A 1–2 character piece glued to Han ("3号") adds no gram: the Han grams narrow.
      });
    }
    const pattern = `%${likeEscape(term)}%`;
    if (!patterns.includes(pattern)) patterns.push(pattern);
  }
  const grams = strong.size ? strong : weak;
  if (!grams.size) return null;
  // A lone letter or digit would match every record with a one-letter word: too short.
  if (!strong.size && weak.size === 1 && patterns.length === 1 && codePoints([...weak][0]!) === WORD_PREFIX.length + 1) return null;
  return { grams: [...grams], patterns, normalized };
}

/**
 * Cheap ordering of candidates, over normalised forms: 0 the title is the query, 1 the title
 * starts with it (or the title's pinyin / initials are the query), 2 the title contains it
 * (or its pinyin / initials start with it), 3 it matched elsewhere (phone, email, notes...).
 */
export function rankMatch(q: string, title: string, mode: PinyinMode = 'person'): number {
  const nq = normalizeText(q).replace(/ {2,}/g, ' ').trim();
  const nt = normalizeText(title ?? '').replace(/ {2,}/g, ' ').trim();
  if (!nq || !nt) return 3;
  if (nt === nq) return 0;
  if (nt.startsWith(nq)) return 1;
  if (nt.includes(nq)) return 2;
  if (!/^[a-z ]+$/.test(nq)) return 3;
  const py = namePinyin(nt, mode);
  if (!py) return 3;
  const joined = nq.replace(/ /g, '');
  if (py.full === joined || py.initials === joined) return 1;
  if (py.full.startsWith(joined) || (joined.length >= 2 && py.initials.startsWith(joined))) return 2;
  return 3;
}
