import { pinyin } from 'pinyin-pro';
import type { ObjectDef, Row } from './types.ts';

/** The column an object with `titleSort` keeps its title's sort key in (text COLLATE "C", indexed with id). */
export const SORT_KEY = 'sort_key';
const MAX = 200;
const HAN = /\p{Script=Han}/u;

/**
 * A title as a key that sorts the way a Chinese reader expects under plain byte order: each
 * Chinese character becomes its toneless pinyin syllable followed by a space, letters and digits
 * are lowercased, other characters become one space. So "阿里巴巴" → "a li ba ba ", "Acme" →
 * "acme", "北京" → "bei jing ": Acme sorts between them, as it would in a pinyin-ordered list.
 * `person`: the first character is read as a surname (单 shan, 曾 zeng).
 */
export function pinyinSortKey(title: unknown, person = false): string | null {
  if (title === null || title === undefined) return null;
  const text = String(title).normalize('NFKC').trim();
  if (!text) return null;
  if (!HAN.test(text)) return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().slice(0, MAX);
  const chars = [...text];
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', surname: person ? 'head' : 'off' });
  let out = '';
  let s = 0;
  for (const ch of chars) {
    if (HAN.test(ch)) out += `${(syllables[s++] ?? ch).toLowerCase()} `;
    else if (/[\p{L}\p{N}]/u.test(ch)) out += ch.toLowerCase();
    else if (!out.endsWith(' ')) out += ' ';
  }
  return out.replace(/^ +/, '').slice(0, MAX);
}

/** The derived sort-key column of a record (empty for objects without `titleSort`). */
export function titleSortColumns(def: ObjectDef, row: Row): Row {
  if (!def.titleSort || !(def.titleField in row)) return {};
  return { [SORT_KEY]: pinyinSortKey(row[def.titleField], def.titleSort === 'person') };
}
