import { isHan } from './normalize.ts';

// Index tokens of normalised text. Documents and queries are cut by the same scanner, so a
// query's grams are always among the tokens of any document text that contains the query.
//
//   Han runs          unigrams (张) and bigrams (张三)
//   other runs        trigrams, punctuation included ("zhang.san@ex" → "g.s", "n@e"...);
//                     a run is everything between spaces and Han characters
//   short words       "w:" + a letter/digit word of 1–2 characters ("w:li", "w:zs"), for
//                     queries too short to have a trigram

/** Prefix of whole-word tokens; no trigram of a query term can be confused with one. */
export const WORD_PREFIX = 'w:';
export const SHORT_WORD = 2;

const ALNUM_ASCII = /^[a-z0-9]+$/;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Every n-gram of s (by code point) into out. */
export function addGrams(out: Set<string>, s: string, n: number, astral: boolean): void {
  if (!astral) {
    for (let i = 0; i + n <= s.length; i++) out.add(s.slice(i, i + n));
    return;
  }
  const cs = Array.from(s);
  for (let i = 0; i + n <= cs.length; i++) out.add(n === 1 ? cs[i]! : cs.slice(i, i + n).join(''));
}

/** "w:" tokens for the letter/digit words of 1–2 characters inside a non-Han run. */
export function addShortWords(out: Set<string>, run: string): void {
  if (ALNUM_ASCII.test(run)) {
    if (run.length <= SHORT_WORD) out.add(WORD_PREFIX + run);
    return;
  }
  for (const m of run.matchAll(WORD)) if (codePoints(m[0]) <= SHORT_WORD) out.add(WORD_PREFIX + m[0]);
}

export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export interface Run {
  text: string;
  han: boolean;
  /** Contains characters outside the BMP (slower gram path). */
  astral: boolean;
}

/** Split normalised text into Han runs and other runs; spaces separate runs and are dropped. */
export function scanRuns(s: string, visit: (run: Run) => void): void {
  const len = s.length;
  let start = -1;
  let han = false;
  let astral = false;
  for (let i = 0; i < len; ) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp === 0x20) {
      if (start >= 0) visit({ text: s.slice(start, i), han, astral });
      start = -1;
    } else {
      const h = isHan(cp);
      if (start >= 0 && h !== han) {
        visit({ text: s.slice(start, i), han, astral });
        start = -1;
      }
      if (start < 0) {
        start = i;
        han = h;
        astral = false;
      }
      if (width === 2) astral = true;
    }
    i += width;
  }
  if (start >= 0) visit({ text: s.slice(start), han, astral });
}

export type TokenMode = 'full' | 'words' | 'notes';

/**
 * Tokens of one normalised text.
 *   'full' (names): Han unigrams + bigrams, trigrams, short words.
 *   'words' (company, title, city, email...): the same without Han unigrams, except for a lone
 *     Han character (no bigram to find it by). A one-character query is a name being typed
 *     (张…): it looks into names only, which spares a contact a token for every character of
 *     its company, title and place (a fifth of a Chinese contact's tokens).
 *   'notes' (long free text): Han bigrams and trigrams only — single-character and 2-letter
 *     queries do not look into notes, which keeps the token array of a long note small.
 */
export function addTextTokens(out: Set<string>, s: string, mode: TokenMode): void {
  scanRuns(s, (run) => {
    if (run.han) {
      if (mode === 'full' || (mode === 'words' && codePoints(run.text) === 1)) addGrams(out, run.text, 1, run.astral);
      addGrams(out, run.text, 2, run.astral);
    } else {
      addGrams(out, run.text, 3, run.astral);
      if (mode !== 'notes') addShortWords(out, run.text);
    }
  });
}
