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

function addGrams(out: Set<string>, s: string, n: number): void {
  const chars = [...s];
  if (chars.length <= n) {
    if (chars.length === n) out.add(s);
    return;
  }
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
}

/** Tokens of one normalised chunk (no white space): Han uni/bigrams, Latin/digit trigrams, whole words. */
function chunkTokens(out: Set<string>, chunk: string, words: boolean): void {
  for (const m of chunk.matchAll(HAN_RUN)) {
    for (const ch of m[0]) out.add(ch);
    addGrams(out, m[0], 2);
  }
  const latin = chunk.replace(HAN_RUN, ' ').trim();
  for (const piece of latin.split(/\s+/)) if (piece) addGrams(out, piece, 3);
  if (words) for (const m of latin.matchAll(WORD)) out.add(`w:${m[0]}`);
}

function namePinyin(name: string): { full: string; spaced: string; initials: string } | null {
  if (!HAN.test(name)) return null;
  const han = [...name].filter((c) => HAN.test(c)).join('');
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
    for (const chunk of n.split(/\s+/)) chunkTokens(tokens, chunk, words);
  };
  for (const name of parts.names) {
    add(name);
    const py = namePinyin(normalizeText(name));
    if (py) {
      text.push(py.full, py.spaced, py.initials);
      addGrams(tokens, py.full, 3);
      for (const w of [py.full, py.initials, ...py.spaced.split(' ')]) tokens.add(`w:${w}`);
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
