// List pages of 50 with a filter and a sort (custom field included), first page and a deep
// page whose cursor sits after 90% of the matching rows, through HTTP and the service.
import { encodeCursor, parseFilters } from '../../src/server/records/query.ts';
import { listRecords } from '../../src/server/records/list.ts';
import { getObject } from '../../src/server/records/registry.ts';
import type { RepeatOptions } from '../lib/measure.ts';
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';
import { latencyFigure, mainSelect } from '../lib/figure.ts';

interface ListShape {
  id: string;
  label: string;
  query: Record<string, string>;
  /** The matching rows in the list's order, as SQL (for the count and the 90% cursor). */
  where: string;
  orderValue: string;
  order: string;
}

const SHAPES: ListShape[] = [
  {
    id: 'cf_filter', label: 'filter cf_member_level=gold, sort name',
    query: { 'filter[cf_member_level]': 'gold', sort: 'name' },
    where: `lower(custom ->> 'cf_member_level') = 'gold'`, orderValue: 'name', order: 'name ASC, id ASC',
  },
  {
    id: 'cf_sort', label: 'filter province=广东省, sort cf_member_level',
    query: { 'filter[province]': '广东省', sort: 'cf_member_level' },
    where: `lower(province) = lower('广东省')`, orderValue: `custom ->> 'cf_member_level'`, order: `custom ->> 'cf_member_level' ASC NULLS LAST, id ASC`,
  },
  {
    id: 'default', label: 'no filter, sort -created_at',
    query: { sort: '-created_at' },
    where: 'true', orderValue: 'created_at::text', order: 'created_at DESC, id DESC',
  },
];

/** Follows next_cursor through a whole list (small sizes): every row must come exactly once. */
async function walk(b: Bench, qs: string, expected: number) {
  const seen = new Set<number>();
  let pages = 0;
  let rows = 0;
  let cursor: string | null = null;
  do {
    const a = await b.get(`/api/v1/contacts?${qs}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    for (const r of a.data) seen.add(r.id);
    rows += a.data.length;
    cursor = a.next_cursor;
  } while (cursor && ++pages < 1000);
  return { pages: pages + 1, rows, distinct: seen.size, expected, ok: rows === expected && seen.size === expected };
}

const page = (n: number) => (a: any) => (Array.isArray(a?.data) && a.data.length === n ? null : `expected ${n} rows, got ${a?.data?.length}`);

export async function listFigures(b: Bench, o: RepeatOptions): Promise<Figure[]> {
  const contacts = getObject('contacts');
  const out: Figure[] = [];
  for (const s of SHAPES) {
    const qs = new URLSearchParams({ limit: '50', ...s.query }).toString();
    const matching = Number((await b.raw.query(`SELECT count(*)::int AS n FROM contacts WHERE ${s.where}`))[0]!.n);
    const expect = Math.min(50, matching);
    if (s.id !== 'default') {
      out.push(await latencyFigure(b, o, {
        id: `list_${s.id}_first`, label: `list first page: ${s.label}`, url: `/contacts?${qs}`,
        pickRaw: mainSelect('contacts'), check: page(expect), detail: { matching },
      }));
    }
    if (s.id === 'cf_filter') {
      const params = { limit: 50, sort: s.query.sort, filters: parseFilters(s.query) };
      out.push(await latencyFigure(b, o, {
        id: `list_${s.id}_first_service`, label: `list first page (service, no HTTP): ${s.label}`,
        call: () => listRecords(b.db, contacts, b.actor, params), pickRaw: mainSelect('contacts'),
      }));
    }
    // The cursor a user would hold after paging through 90% of the matching rows.
    const skip = Math.floor(matching * 0.9);
    const at = (await b.raw.query(`SELECT ${s.orderValue} AS v, id FROM contacts WHERE ${s.where} ORDER BY ${s.order} OFFSET ${skip} LIMIT 1`))[0];
    if (!at) continue;
    const cursor = encodeCursor(at.v, Number(at.id));
    const walked = matching <= 20_000 ? await walk(b, new URLSearchParams(s.query).toString(), matching) : null;
    const f = await latencyFigure(b, o, {
      id: `list_${s.id}_deep`, label: `list deep page (after ${skip.toLocaleString('en-US')} rows): ${s.label}`,
      url: `/contacts?${qs}&cursor=${cursor}`, pickRaw: mainSelect('contacts'),
      check: page(Math.min(50, matching - skip - 1)), detail: { matching, skipped: skip, walk: walked },
    });
    if (walked && !walked.ok) f.error = [f.error, `paging through next_cursor returned ${walked.rows} rows (${walked.distinct} distinct) of ${matching}`].filter(Boolean).join('; ');
    out.push(f);
  }
  return out;
}
