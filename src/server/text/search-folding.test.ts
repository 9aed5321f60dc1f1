import { describe, expect, it } from 'vitest';
import { buildSearchDocument, buildSearchQuery, normalizeText, rankMatch, SEARCH_TEXT_SEPARATOR, type SearchParts } from './search-text.ts';
import { fieldTag, hiddenSectionsRegex } from './search-sections.ts';

/** The SQL search (tokens @> grams AND text LIKE ALL patterns) in JS, optionally on the text with hidden sections removed. */
function finds(parts: SearchParts, q: string, regex: string | null = null): boolean {
  const doc = buildSearchDocument(parts);
  const query = buildSearchQuery(q)!;
  const tokens = new Set(doc.tokens);
  const text = regex ? doc.text.replace(new RegExp(regex, 'g'), '') : doc.text;
  const words = query.patterns.map((p) => p.slice(1, -1).replace(/\\(.)/g, '$1'));
  return query.grams.every((g) => tokens.has(g)) && words.every((w) => text.includes(w));
}

describe('accent folding', () => {
  it('folds diacritics and ligatures for documents and queries alike', () => {
    expect(normalizeText('Bólido Comidas preparadas')).toBe('bolido comidas preparadas');
    expect(normalizeText('München')).toBe('munchen');
    expect(normalizeText('México D.F.')).toBe('mexico d.f.');
    expect(normalizeText('Straße')).toBe('strasse');
    expect(normalizeText('Ærøskøbing Œuvre')).toBe('aeroskobing oeuvre');
    // Chinese, kana and Hangul are left as they are.
    expect(normalizeText('張三 がぎ 한국어')).toBe('张三 がぎ 한국어');
  });
  it('finds accented names by plain letters and the reverse', () => {
    expect(finds({ names: ['Bólido Comidas preparadas'] }, 'Bolido')).toBe(true);
    expect(finds({ names: ['Lehmanns Marktstand'], other: ['Frankfurt a.M.', 'München'] }, 'Munchen')).toBe(true);
    expect(finds({ names: ['Ana Trujillo'], other: ['México'] }, 'Mexico')).toBe(true);
    expect(finds({ names: ['Ana Trujillo'], other: ['Mexico'] }, 'México')).toBe(true);
    expect(finds({ names: ['Königlich Essen'] }, 'KÖNIGLICH')).toBe(true);
  });
});

describe('company pinyin', () => {
  it('reads company names in their ordinary reading, person names with the surname reading', () => {
    const bank: SearchParts = { names: ['招商银行'], pinyin: 'company' };
    expect(finds(bank, 'zhaoshangyinhang')).toBe(true);
    expect(finds(bank, 'zsyh')).toBe(true);
    expect(finds(bank, 'zhaoshangyinxing')).toBe(false);
    expect(finds({ names: ['曾小明'] }, 'zengxiaoming')).toBe(true);
    expect(rankMatch('zsyh', '招商银行', 'company')).toBe(1);
    expect(rankMatch('zsyx', '招商银行', 'company')).toBe(3);
  });
});

describe('sections tagged by field', () => {
  const contact: SearchParts = {
    names: [{ field: 'name', value: '王芳' }],
    phones: [{ field: 'mobile', value: '+86 139 1234 5678' }],
    emails: [{ field: 'email', value: 'fang@example.com' }],
    other: [{ field: 'city', value: '杭州' }],
    notes: [{ field: 'notes', value: 'Interested in the platinum upgrade' }],
  };
  it('keeps the title bare and first, and tags every other section', () => {
    const sections = buildSearchDocument(contact).text.split(SEARCH_TEXT_SEPARATOR);
    expect(sections[0]).toBe('王芳');
    for (const s of sections.slice(1)) expect(s).toMatch(/^[A-Z]{3}[^A-Z]/);
    expect(sections).toContain(`${fieldTag('notes')}interested in the platinum upgrade`);
  });
  it('keeps the title first even when the record has no name', () => {
    expect(buildSearchDocument({ names: [], emails: [{ field: 'email', value: 'a@b.cn' }] }).text.split(SEARCH_TEXT_SEPARATOR)[0]).toBe('');
  });
  it('no query matches a tag', () => {
    expect(finds(contact, fieldTag('notes').toLowerCase())).toBe(false);
  });
  it('a hidden field is not matched once its sections are removed; the rest still is', () => {
    const noNotes = hiddenSectionsRegex(['notes'], false);
    expect(finds(contact, 'platinum')).toBe(true);
    expect(finds(contact, 'platinum', noNotes)).toBe(false);
    expect(finds(contact, 'fang@ex', noNotes)).toBe(true);
    expect(finds(contact, '1234', noNotes)).toBe(true);
    expect(finds(contact, '1234', hiddenSectionsRegex(['mobile'], false))).toBe(false);
    expect(finds(contact, 'wangfang', noNotes)).toBe(true);
    expect(finds(contact, 'wangfang', hiddenSectionsRegex(['name'], true))).toBe(false);
    expect(finds(contact, '王芳', hiddenSectionsRegex(['name'], true))).toBe(false);
  });
  it('untagged sections (documents older than tags) count as hidden for restricted actors', () => {
    const old = { names: ['王芳'], notes: ['platinum upgrade'] };
    expect(finds(old, 'platinum', hiddenSectionsRegex(['email'], false))).toBe(false);
    expect(finds(old, '王芳', hiddenSectionsRegex(['email'], false))).toBe(true);
  });
});

describe('field tags', () => {
  it('differ for every standard field of the searched objects', async () => {
    const { contactsObject } = await import('../modules/contacts/contacts.object.ts');
    const { accountsObject } = await import('../modules/accounts/accounts.object.ts');
    for (const def of [contactsObject, accountsObject]) {
      const tagsOf = def.fields.map((f) => fieldTag(f.key));
      expect(new Set(tagsOf).size, def.name).toBe(tagsOf.length);
    }
  });
});
