import { pinyin } from 'pinyin-pro';
import { normalizeText, normalizePhone, phoneKey } from './normalize.ts';

export { normalizeText, normalizePhone, phoneKey };

export interface SearchParts {
  names: string[];
  phones?: string[];
  emails?: string[];
  other?: string[];
  notes?: string[];
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const NOTES_CAP = 1000;
const SEP = ' \u0001 ';

const SURROGATE = /[\uD800-\uDFFF]/;
const RUN = /\p{Script=Han}+|[^\p{Script=Han}\s]+/gu;
const HAN_START = /^\p{Script=Han}/u;
// Whole-word tokens are only needed for words too short to have a trigram (queries like "li", "zs").
const SHORT_WORD = 2;

function addGrams(out: Set<string>, s: string, n: number): void {
  if (SURROGATE.test(s)) {
    const chars = [...s];
    for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
    return;
  }
  for (let i = 0; i + n <= s.length; i++) out.add(s.substr(i, n));
}

function addShortWords(out: Set<string>, s: string): void {
  for (const m of s.matchAll(WORD)) if (m[0].length <= SHORT_WORD) out.add(`w:${m[0]}`);
}

/** Tokens of one normalised text: Han uni/bigrams; other runs' trigrams (punctuation kept, for emails); short words. */
function textTokens(out: Set<string>, text: string, words: boolean): void {
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (HAN_START.test(run)) {
      addGrams(out, run, 1);
      addGrams(out, run, 2);
    } else {
      addGrams(out, run, 3);
      if (words) addShortWords(out, run);
    }
  }
}

function namePinyin(name: string): { full: string; spaced: string; initials: string } | null {
  if (!HAN.test(name)) return null;
  const han = name.match(HAN_RUN)?.join('') ?? '';
  const syllables = pinyin(han, { toneType: 'none', type: 'array', mode: 'surname', surname: 'head' }) as string[];
  const clean = syllables.map((s) => s.replace(/[^a-z]/g, '')).filter(Boolean);
  if (!clean.length) return null;
  return { full: clean.join(''), spaced: clean.join(' '), initials: clean.map((s) => s[0]).join('') };
}

/**
 * The search document of a record: `text` (normalised, for the LIKE recheck) and `tokens`
 * (for the GIN index). Han text gives unigrams and bigrams, so 2-character words are
 * found through the index; Latin text and digits give trigrams; names also give their pinyin.
 */
export function buildSearchDocument(parts: SearchParts): { text: string; tokens: string[] } {
  const tokens = new Set<string>();
  const text: string[] = [];
  const add = (raw: string, words = true) => {
    const n = normalizeText(raw).trim();
    if (!n) return;
    text.push(n);
    textTokens(tokens, n, words);
  };
  for (const name of parts.names) {
    add(name);
    const py = namePinyin(normalizeText(name));
    if (py) {
      text.push(py.full, py.spaced, py.initials);
      addGrams(tokens, py.full, 3);
      addGrams(tokens, py.initials, 3);
      addShortWords(tokens, `${py.spaced} ${py.initials}`);
    }
  }
  for (const p of parts.phones ?? []) {
    const d = normalizePhone(p);
    if (!d) continue;
    text.push(d);
    addGrams(tokens, d, 3);
    const k = phoneKey(p);
    if (k && k !== d) {
      text.push(k);
    }
  }
  for (const e of parts.emails ?? []) add(e);
  for (const o of parts.other ?? []) add(o);
  for (const note of parts.notes ?? []) add(note.slice(0, NOTES_CAP), false);
  return { text: text.join(SEP), tokens: [...tokens] };
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const PHONE_TERM = /^[\d\s\-+().]+$/;

/**
 * A query as index grams (all must be present: `search_tokens @> grams`) and LIKE patterns
 * (all must match `search_text`). Terms separated by white space must all match.
 * Returns null for a query too short to search.
 */
export function buildSearchQuery(q: string): { grams: string[]; patterns: string[]; normalized: string } | null {
  const normalized = normalizeText(q).trim().replace(/\s+/g, ' ');
  if (!normalized) return null;
  const grams = new Set<string>();
  const patterns: string[] = [];
  for (let term of normalized.split(' ')) {
    if (PHONE_TERM.test(term) && normalizePhone(term).length >= 3) term = normalizePhone(term);
    const before = grams.size;
    for (const m of term.matchAll(HAN_RUN)) {
      if ([...m[0]].length === 1) grams.add(m[0]);
      else addGrams(grams, m[0], 2);
    }
    const latin = term.replace(HAN_RUN, ' ').trim();
    for (const piece of latin.split(/\s+/)) {
      if (!piece) continue;
      if ([...piece].length >= 3) addGrams(grams, piece, 3);
      else for (const m of piece.matchAll(WORD)) grams.add(`w:${m[0]}`);
    }
    if (grams.size === before && !term) continue;
    patterns.push(`%${likeEscape(term)}%`);
  }
  if (!patterns.length) return null;
  return { grams: [...grams], patterns, normalized };
}

/** 0 exact title, 1 title prefix, 2 title contains, 3 matched elsewhere (e.g. phone, email, pinyin). */
export function rankMatch(q: string, title: string): number {
  const nq = normalizeText(q).trim();
  const nt = normalizeText(title).trim();
  if (!nq) return 3;
  if (nt === nq) return 0;
  if (nt.startsWith(nq)) return 1;
  if (nt.includes(nq)) return 2;
  const py = namePinyin(nt);
  if (py && (py.full === nq.replace(/\s+/g, '') || py.initials === nq)) return 1;
  return 3;
}
