// Global search: the kinds of query Chinese and international users type.
import type { RepeatOptions } from '../lib/measure.ts';
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';
import { latencyFigure } from '../lib/figure.ts';

export const SEARCHES: { id: string; label: string; q: string }[] = [
  { id: 'search_cn_2char', label: 'search 2-char Chinese name (张伟)', q: '张伟' },
  { id: 'search_traditional', label: 'search Traditional form (張偉)', q: '張偉' },
  { id: 'search_pinyin', label: 'search pinyin (zhangwei)', q: 'zhangwei' },
  { id: 'search_initials', label: 'search pinyin initials (zw)', q: 'zw' },
  { id: 'search_phone4', label: 'search 4-digit phone fragment (3927)', q: '3927' },
  { id: 'search_email_prefix', label: 'search email prefix (wei.zhang)', q: 'wei.zhang' },
];

export async function searchFigures(b: Bench, o: RepeatOptions): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const s of SEARCHES) {
    const url = `/search?q=${encodeURIComponent(s.q)}`;
    const hits = (await b.get(`/api/v1${url}`)).data.length as number;
    const f = await latencyFigure(b, o, {
      id: s.id, label: s.label, url,
      pickRaw: (qs) => qs.filter((q) => /search_tokens/.test(q.sql)),
      detail: { q: s.q, hits },
    });
    f.detail!.matching = await countMatches(b, s.q);
    out.push(f);
  }
  return out;
}

/** How many contacts match at all: the index and the LIKE recheck go through every one. */
async function countMatches(b: Bench, q: string): Promise<number> {
  const { buildSearchQuery } = await import('../../src/server/text/search-text.ts');
  const { tokenHashes } = await import('../../src/server/text/token-hash.ts');
  const query = buildSearchQuery(q)!;
  const rows = await b.raw.query(
    `SELECT count(*)::int AS n FROM contacts WHERE search_tokens @> $1::int4[] AND search_text LIKE ALL ($2::text[])`,
    [tokenHashes(query.grams), query.patterns],
  );
  return Number(rows[0]!.n);
}
