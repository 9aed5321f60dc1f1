// search_text is made of sections separated by U+0001. The first section is the record's
// title, bare (migration 004/011 index it). Every other section starts with a TAG: three
// upper-case letters naming the field its text came from. Normalised text is lower case, and
// query words never contain U+0001, so a query can never match a tag or span two sections.
//
// An actor whose role hides fields gets its LIKE recheck run on the text with the sections of
// those fields removed (hiddenSectionsRegex); everyone else's search is the plain LIKE. A
// section without a tag (a document written before tags existed) counts as hidden for such an
// actor until the reindex rewrites it, so nothing hidden leaks meanwhile.

/** Separates the sections of search_text. Query words never contain it (nor any white space). */
export const SEARCH_TEXT_SEPARATOR = '\u0001';

const TAG_LETTERS = 3;
const tags = new Map<string, string>();

/**
 * The tag of a field's sections: 3 letters from a hash of the field key (17,576 values). Two
 * keys sharing a tag only make a restricted actor unable to search the other one's text too
 * (never the reverse); a test keeps the standard fields of every object apart.
 */
export function fieldTag(field: string): string {
  let tag = tags.get(field);
  if (tag) return tag;
  let h = 0x811c9dc5;
  for (let i = 0; i < field.length; i++) h = Math.imul(h ^ field.charCodeAt(i), 0x01000193) >>> 0;
  tag = '';
  for (let i = 0; i < TAG_LETTERS; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26);
  }
  tags.set(field, tag);
  return tag;
}

/**
 * A POSIX regular expression (PostgreSQL ARE) that, replaced by '' globally, removes from
 * search_text every section of these fields and every untagged section after the title
 * (and the title itself when titleHidden). null when nothing needs removing.
 */
export function hiddenSectionsRegex(hiddenFields: string[], titleHidden: boolean): string | null {
  if (!hiddenFields.length && !titleHidden) return null;
  const alternatives = [...new Set(hiddenFields.map(fieldTag))];
  alternatives.push('(?![A-Z])');
  const sections = `${SEARCH_TEXT_SEPARATOR}(?:${alternatives.join('|')})[^${SEARCH_TEXT_SEPARATOR}]*`;
  return titleHidden ? `^[^${SEARCH_TEXT_SEPARATOR}]*|${sections}` : sections;
}
