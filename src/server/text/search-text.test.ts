import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import {
  NOTES_CAP,
  buildSearchDocument,
  buildSearchQuery,
  normalizePhone,
  normalizeText,
  phoneKey,
  rankMatch,
  type SearchParts,
} from './search-text.ts';

/** LIKE semantics (default escape '\') as a JS regular expression over the whole string. */
function likeToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u');
}

/** What the SQL does: search_tokens @> grams AND search_text LIKE ALL (patterns). */
function finds(parts: SearchParts, q: string): boolean {
  const doc = buildSearchDocument(parts);
  const query = buildSearchQuery(q);
  if (!query) throw new Error(`query ${q} is not searchable`);
  const tokens = new Set(doc.tokens);
  const indexed = query.grams.every((g) => tokens.has(g));
  const rechecked = query.patterns.every((p) => likeToRegExp(p).test(doc.text));
  return indexed && rechecked;
}

/** Both halves separately: the index alone must already find it (no LIKE-only matches). */
function indexFinds(parts: SearchParts, q: string): boolean {
  const tokens = new Set(buildSearchDocument(parts).tokens);
  return buildSearchQuery(q)!.grams.every((g) => tokens.has(g));
}

const zhangsan: SearchParts = {
  names: ['张三'],
  phones: ['+86 138-0013-8000', '010-6401-5678'],
  emails: ['zhangsan@example.com'],
  other: ['ACME Trading Ltd.', '北京'],
  notes: ['客户对我们的产品很感兴趣，希望下个月安排一次拜访。Prefers WeChat.'],
};

describe('likeToRegExp (test helper)', () => {
  it('follows LIKE: % any run, _ one character, backslash escapes', () => {
    expect(likeToRegExp('%a\\_b%').test('xxa_bxx')).toBe(true);
    expect(likeToRegExp('%a\\_b%').test('xxaxbxx')).toBe(false);
    expect(likeToRegExp('a_c').test('abc')).toBe(true);
    expect(likeToRegExp('%50\\%%').test('up to 50% off')).toBe(true);
    expect(likeToRegExp('%50\\%%').test('up to 50 off')).toBe(false);
  });
});

describe('Chinese words', () => {
  it('finds 2-character words through bigrams', () => {
    expect(buildSearchQuery('北京')!.grams).toEqual(['北京']);
    expect(finds(zhangsan, '北京')).toBe(true);
    expect(finds(zhangsan, '张三')).toBe(true);
    expect(finds({ names: ['北京精密机械有限公司'] }, '精密机械')).toBe(true);
  });
  it('finds a single character in names (a name being typed), not in the other parts', () => {
    expect(buildSearchQuery('张')!.grams).toEqual(['张']);
    expect(finds(zhangsan, '张')).toBe(true);
    expect(finds(zhangsan, '三')).toBe(true);
    expect(finds(zhangsan, '李')).toBe(false);
    // 北京 is zhangsan's city: found by 北京, not by 京 alone.
    expect(finds(zhangsan, '北京')).toBe(true);
    expect(finds(zhangsan, '京')).toBe(false);
    // A part that is one character long has no bigram: its unigram stays.
    expect(finds({ names: ['Li Wei'], other: ['京'] }, '京')).toBe(true);
    const doc = buildSearchDocument({ names: ['张三'], other: ['北京精密机械有限公司'] });
    expect(doc.tokens.filter((t) => /^\p{Script=Han}$/u.test(t)).sort()).toEqual(['三', '张']);
  });
  it('does not find a different name sharing a character', () => {
    expect(finds(zhangsan, '张四')).toBe(false);
    expect(finds({ names: ['张四'] }, '张三')).toBe(false);
  });
  it('matches Simplified and Traditional both ways', () => {
    expect(finds(zhangsan, '張三')).toBe(true);
    expect(finds({ names: ['張三'] }, '张三')).toBe(true);
    expect(finds({ names: ['張四'], other: ['台北'] }, '臺北')).toBe(true);
    expect(finds({ names: ['陳靜'] }, '陈静')).toBe(true);
    expect(finds({ names: ['陈静'], other: ['香港銅鑼灣'] }, '铜锣湾')).toBe(true);
  });
  it('normalises substrings the same way as the whole (character-level conversion)', () => {
    // Phrase conversion keeps 乾隆 but turns 乾 alone into 干; per character they agree.
    expect(normalizeText('乾隆')).toBe(normalizeText('乾') + normalizeText('隆'));
    expect(finds({ names: ['乾隆'] }, '乾')).toBe(true);
    expect(normalizeText('什么')).toBe('什么');
  });
});

describe('pinyin of names', () => {
  it('finds a Chinese name by full pinyin, initials, spaced and partial pinyin', () => {
    for (const q of ['zhangsan', 'ZhangSan', 'zs', 'zhang san', 'zhangs', 'zhang']) expect(finds(zhangsan, q), q).toBe(true);
    expect(buildSearchQuery('zs')!.grams).toEqual(['w:zs']);
  });
  it('does not find it by other initials or pinyin', () => {
    expect(finds(zhangsan, 'zx')).toBe(false);
    expect(finds(zhangsan, 'lisi')).toBe(false);
    expect(finds(zhangsan, 'zhangsi')).toBe(false);
  });
  it('reads surnames as surnames and writes ü as v', () => {
    expect(finds({ names: ['曾小明'] }, 'zengxiaoming')).toBe(true);
    expect(finds({ names: ['单田芳'] }, 'shantianfang')).toBe(true);
    expect(finds({ names: ['吕布'] }, 'lvbu')).toBe(true);
    expect(finds({ names: ['王小明'] }, 'wxm')).toBe(true);
    expect(finds({ names: ['王小明'] }, 'wx')).toBe(true);
    expect(finds({ names: ['李娜'] }, 'li')).toBe(true);
  });
  it('gives pinyin for names only, not for other fields', () => {
    expect(finds({ names: ['Emma Wilson'], other: ['北京'] }, 'beijing')).toBe(false);
    expect(finds({ names: ['Emma Wilson'], notes: ['张三'] }, 'zhangsan')).toBe(false);
  });
  it('finds Traditional names by pinyin', () => {
    expect(finds({ names: ['張學友'] }, 'zhangxueyou')).toBe(true);
    expect(finds({ names: ['張學友'] }, 'zxy')).toBe(true);
  });
});

describe('phones', () => {
  it('finds any 4+ consecutive digits of a formatted phone', () => {
    for (const q of ['1380', '0013', '8000', '13800138000', '8613800138000', '5678', '6401']) expect(finds(zhangsan, q), q).toBe(true);
  });
  it('finds phones typed with their punctuation', () => {
    for (const q of ['138-0013-8000', '+86 138 0013 8000', '(010) 6401-5678', '010 6401 5678']) expect(finds(zhangsan, q), q).toBe(true);
  });
  it('finds an international landline by its national form', () => {
    expect(finds({ names: ['x'], phones: ['+86 10 6401 8888'] }, '010-6401-8888')).toBe(true);
  });
  it('does not find other digits', () => {
    expect(finds(zhangsan, '1399')).toBe(false);
    expect(finds({ names: ['x'], phones: ['13800138000'] }, '1399')).toBe(false);
    expect(finds(zhangsan, '138-0013-8001')).toBe(false);
  });
  it('stores phones as digits only in the text', () => {
    const doc = buildSearchDocument({ names: ['x'], phones: ['+86 138-0013-8000'] });
    expect(doc.text.split('\u0001')).toContain('8613800138000');
    expect(doc.text).not.toContain('138-');
  });
});

describe('emails', () => {
  it('finds emails by prefix and substring, punctuation included', () => {
    expect(finds(zhangsan, 'zhangsan@exa')).toBe(true);
    expect(finds(zhangsan, 'example.com')).toBe(true);
    expect(finds({ names: ['张三'], emails: ['zhang.san@example.com'] }, 'zhang.s')).toBe(true);
    expect(finds({ names: ['张三'], emails: ['zhang.san@example.com'] }, 'zhang.x')).toBe(false);
  });
  it('escapes LIKE wildcards in queries', () => {
    const q = buildSearchQuery('zhang_s')!;
    expect(q.patterns).toEqual(['%zhang\\_s%']);
    expect(finds({ names: ['x'], emails: ['zhang_san@example.com'] }, 'zhang_s')).toBe(true);
    // "_" must not act as a wildcard: neither the index nor the recheck lets zhangxs through.
    expect(finds({ names: ['x'], emails: ['zhangxsan@example.com'] }, 'zhang_s')).toBe(false);
    expect(likeToRegExp(q.patterns[0]!).test('zhangxsan')).toBe(false);
  });
});

describe('Latin names and companies', () => {
  it('finds words and word prefixes, any case and width', () => {
    for (const q of ['acme', 'ACME', 'acm', 'ＡＣＭＥ', 'trading', 'ltd', 'Ltd.', 'acme trading']) expect(finds(zhangsan, q), q).toBe(true);
  });
  it('matches 2-letter queries against whole short words only, through the index', () => {
    const liNa = { names: ['Li Na'] };
    expect(buildSearchQuery('li')!.grams).toEqual(['w:li']);
    expect(indexFinds(liNa, 'li')).toBe(true);
    expect(indexFinds(liNa, 'na')).toBe(true);
    expect(finds(zhangsan, 'ac')).toBe(false); // "acme" is not the word "ac"
  });
  it('requires every word of a multi-word query', () => {
    expect(finds(zhangsan, '张三 acme')).toBe(true);
    expect(finds(zhangsan, '张三 sony')).toBe(false);
    expect(finds({ names: ['Emma Wilson'] }, 'emma w')).toBe(true);
    expect(finds({ names: ['Emma Wilson'] }, 'emma x')).toBe(false);
  });
});

describe('notes', () => {
  it('finds words of the notes', () => {
    expect(finds(zhangsan, '拜访')).toBe(true);
    expect(finds(zhangsan, 'wechat')).toBe(true);
  });
  it('indexes only the first NOTES_CAP characters and keeps the token array small', () => {
    const filler = '的'.repeat(NOTES_CAP);
    const doc = buildSearchDocument({ names: ['x'], notes: [`开头${filler}结尾词`] });
    expect(finds({ names: ['x'], notes: [`开头${filler}结尾词`] }, '开头')).toBe(true);
    expect(finds({ names: ['x'], notes: [`开头${filler}结尾词`] }, '结尾')).toBe(false);
    const long = Array.from({ length: 20_000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20_000))).join('');
    const big = buildSearchDocument({ names: ['x'], notes: [long, long] });
    expect(big.tokens.length).toBeLessThanOrEqual(NOTES_CAP + 10);
    expect([...big.text].length).toBeLessThanOrEqual(NOTES_CAP + 10); // code points: some simplified forms are astral
  });
  it('keeps a typical contact under 200 tokens', () => {
    expect(buildSearchDocument(zhangsan).tokens.length).toBeLessThan(200);
  });
});

describe('buildSearchQuery', () => {
  it('returns null for nothing searchable', () => {
    for (const q of ['', '   ', 'a', '7', '...', '%', '  -  ']) expect(buildSearchQuery(q), JSON.stringify(q)).toBeNull();
  });
  it('returns the normalised query', () => {
    expect(buildSearchQuery('  張三   ＡＣＭＥ ')!.normalized).toBe('张三 acme');
  });
  it('lets no pattern span two parts of the document', () => {
    // names "ab" and other "cd" are separate parts: "b c" words match, "bc" does not.
    expect(finds({ names: ['xab'], other: ['cdx'] }, 'abcd')).toBe(false);
    expect(finds({ names: ['xab'], other: ['cdx'] }, 'xab cdx')).toBe(true);
  });
});

describe('normalizePhone and phoneKey', () => {
  it('keeps digits only', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('8613800138000');
    expect(normalizePhone('（０１０）６４０１－８８８８')).toBe('01064018888');
    expect(normalizePhone('n/a')).toBe('');
  });
  it('gives every spelling of one number the same key', () => {
    for (const p of ['+86 138 0013 8000', '008613800138000', '8613800138000', '13800138000', '138-0013-8000']) expect(phoneKey(p), p).toBe('+8613800138000');
    for (const p of ['010-6401-8888', '+86 10 6401 8888', '(010) 6401 8888 ext. 12', '010-64018888转12']) expect(phoneKey(p), p).toBe('+861064018888');
    // A number without its country code is read in the organisation's region.
    expect(phoneKey('+44 (0)20 7946 0000')).toBe(phoneKey('020 7946 0000', 'GB'));
    expect(phoneKey('+1 (415) 555-0100')).toBe(phoneKey('(415) 555-0100', 'US'));
    expect(phoneKey('+852 9123 4567')).toBe(phoneKey('9123 4567', 'HK'));
  });
  it('keys mainland mobiles exactly as libphonenumber-js does (fast path), in any region and repeated', () => {
    const spellings = (d: string) => [d, `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`, `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`, `+86 ${d}`, `+86${d}`, `(+86) ${d}`, `0086${d}`];
    for (let i = 0; i < 200; i++) {
      const d = `1${3 + (i % 7)}${String(100_000_000 + i * 4_999_981).slice(-9)}`;
      for (const s of spellings(d)) {
        const lib = parsePhoneNumberFromString(s.startsWith('00') ? `+${s.slice(2)}` : s, 'CN');
        expect(phoneKey(s), s).toBe(lib?.isPossible() ? lib.number : d);
        expect(phoneKey(s), `${s} again`).toBe(`+86${d}`);
      }
      // Outside China an 11-digit number without its code is not a mainland mobile.
      const gb = parsePhoneNumberFromString(d, 'GB');
      expect(phoneKey(d, 'GB')).toBe(gb?.isPossible() ? gb.number : d);
      expect(phoneKey(`+86 ${d}`, 'GB')).toBe(`+86${d}`);
    }
  });
  it('keeps the same national digits of two countries apart (E.164 keys)', () => {
    expect(phoneKey('+44 20 7946 0000')).toBe('+442079460000');
    expect(phoneKey('020 7946 0000')).toBe('+862079460000'); // Guangzhou, in the default region CN
    expect(phoneKey('+1 415 555 0100')).not.toBe(phoneKey('+86 415 555 0100'));
    expect(phoneKey('+886 912 345 678')).toBe('+886912345678');
  });
  it('tells different numbers apart and ignores short ones', () => {
    expect(phoneKey('13800138000')).not.toBe(phoneKey('13900138000'));
    expect(phoneKey('12345')).toBe('');
    expect(phoneKey('')).toBe('');
  });
});

describe('rankMatch', () => {
  it('orders exact, prefix, contains, elsewhere', () => {
    expect(rankMatch('张三', '张三')).toBe(0);
    expect(rankMatch('張三', '张三')).toBe(0);
    expect(rankMatch('张三', '张三丰')).toBe(1);
    expect(rankMatch('三丰', '张三丰')).toBe(2);
    expect(rankMatch('1380', '张三')).toBe(3);
    expect(rankMatch('acme', 'ACME Trading Ltd.')).toBe(1);
    expect(rankMatch('trading', 'ACME Trading Ltd.')).toBe(2);
  });
  it('ranks a pinyin match of the whole name above a pinyin prefix', () => {
    expect(rankMatch('zhangsan', '张三')).toBe(1);
    expect(rankMatch('zs', '张三')).toBe(1);
    expect(rankMatch('zhangsan', '张三丰')).toBe(2);
    expect(rankMatch('zhang san', '张三')).toBe(1);
    expect(rankMatch('lisi', '张三')).toBe(3);
  });
  it('sorts candidates best first', () => {
    const titles = ['张三丰', 'Zhang Consulting', '张三', '李四'];
    const sorted = [...titles].sort((a, b) => rankMatch('张三', a) - rankMatch('张三', b));
    expect(sorted.slice(0, 2)).toEqual(['张三', '张三丰']);
  });
});
