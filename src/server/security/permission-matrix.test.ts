import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { EXPORTERS, ROLES, TEAMS, WRITERS, buildMatrix, found, hidden, leaksFor, sees, type Matrix, type Owned, type Viewer } from './matrix-fixture.ts';

// Every (role × path): nothing a viewer may not read — records, their titles, hidden fields'
// values and names — appears anywhere in an answer, and a hidden record answers exactly as a
// missing one. Generated from the tables below; see matrix-fixture.ts for the data.
const t = useTestApp();
let m: Matrix;
beforeAll(async () => {
  m = await buildMatrix(t);
}, 120_000);

type Answer = { status: number; body: unknown };
const get = (v: Viewer, url: string) => t.api(v.token, 'GET', url);
const recordsOf = (object: Owned['object']) => m.records.filter((r) => r.object === object);
const TIMELINES = ['contacts', 'accounts'] as const;

/** Each path answers a list of (what, answer); the viewer-independent leak check runs on all. */
const PATHS: { name: string; run: (v: Viewer) => Promise<[string, Answer][]> }[] = [
  { name: 'list', run: async (v) => Promise.all(['contacts', 'accounts', 'activities'].map(async (o) => [o, await get(v, `/${o}?limit=200`)] as [string, Answer])) },
  { name: 'list with q', run: async (v) => [['contacts?q', await get(v, '/contacts?q=REC&limit=200')]] },
  { name: 'get', run: async (v) => Promise.all(m.records.map(async (r) => [`${r.object}/${r.id}`, await get(v, `/${r.object}/${r.id}`)] as [string, Answer])) },
  { name: 'count', run: async (v) => [['contacts/count', await get(v, '/contacts/count')]] },
  { name: 'export', run: async (v) => [['contacts/export', await get(v, '/contacts/export?format=csv')], ['accounts/export', await get(v, '/accounts/export?format=csv')]] },
  { name: 'search', run: async (v) => [['search', await get(v, '/search?q=REC&limit=100')]] },
  {
    name: 'audit',
    run: async (v) => {
      const out: [string, Answer][] = [];
      for (const r of [...recordsOf('contacts'), ...recordsOf('accounts')]) out.push([`audit ${r.object}/${r.id}`, await get(v, `/audit-log?filter[object]=${r.object}&filter[record_id]=${r.id}`)]);
      out.push(['audit-log', await get(v, '/audit-log?limit=200')]);
      return out;
    },
  },
  {
    name: 'timeline',
    run: async (v) => {
      const out: [string, Answer][] = [];
      for (const o of TIMELINES) for (const r of recordsOf(o)) {
        out.push([`${o}/${r.id}/timeline`, await get(v, `/${o}/${r.id}/timeline`)]);
        out.push([`timeline/${o}/${r.id}`, await get(v, `/timeline/${o}/${r.id}`)]);
      }
      return out;
    },
  },
  { name: 'related lists', run: async (v) => Promise.all(recordsOf('accounts').map(async (r) => [`accounts/${r.id}/contacts`, await get(v, `/accounts/${r.id}/contacts`)] as [string, Answer])) },
  { name: 'views', run: async (v) => [['views', await get(v, '/views?object=contacts')]] },
  {
    name: 'field metadata',
    run: async (v) => Promise.all(['/custom-fields', '/custom-fields?object=contacts', '/meta/objects/contacts', '/meta/objects/accounts'].map(async (u) => [u, await get(v, u)] as [string, Answer])),
  },
  {
    name: 'link writes',
    run: async (v) => {
      const out: [string, Answer][] = [];
      for (const r of recordsOf('contacts')) {
        const res = await t.api(v.token, 'POST', '/activities', { kind: 'note', subject: 'probe', contact_id: r.id });
        out.push([`link contact ${r.id}`, res]);
        if (res.status === 201) await t.api(v.token, 'DELETE', `/activities/${res.body.data.id}`);
      }
      return out;
    },
  },
];

const VIEWERS = ROLES.flatMap((role) => TEAMS.map((team) => `${role}-${team}`));
const viewer = (label: string) => m.viewers.find((v) => v.label === label)!;

describe.each(PATHS)('$name', ({ name, run }) => {
  it.each(VIEWERS)('shows %s nothing it may not read', async (label) => {
    const v = viewer(label);
    const markers = leaksFor(v, m);
    const answers = await run(v);
    expect(answers.length).toBeGreaterThan(0);
    for (const [what, a] of answers) {
      expect(a.status, `${name} ${what}`).toBeLessThan(500);
      expect(found(a.body, markers), `${label}: ${what}`).toEqual([]);
    }
  });
});

// The matrix could pass by showing nothing at all: what a viewer may read must be there.
describe.each(VIEWERS)('%s', (label) => {
  it('lists, counts and opens exactly the records it may see, with the fields it may read', async () => {
    const v = viewer(label);
    const list = JSON.stringify((await get(v, '/contacts?limit=200')).body);
    const mine = recordsOf('contacts').filter((r) => sees(v, r.owner));
    for (const r of mine) expect(list).toContain(r.name);
    expect((await get(v, '/contacts/count')).body.data.count).toBe(mine.length);
    for (const r of m.records.filter((x) => sees(v, x.owner))) {
      const one = await get(v, `/${r.object}/${r.id}`);
      expect(one.status).toBe(200);
      const readableMarkers = Object.entries(r.fields).filter(([f]) => !f.endsWith('_old') && !hidden(v.role, r.object, f)).map(([, x]) => x);
      expect(found(one.body, readableMarkers)).toEqual(readableMarkers);
    }
    const exp = await get(v, '/contacts/export?format=csv');
    expect(exp.status).toBe(EXPORTERS.includes(v.role) ? 200 : 403);
    for (const r of mine) if (exp.status === 200) expect(String(exp.body)).toContain(r.name);
  });

  it('answers a hidden record exactly as a missing one, and links visible ones with their title', async () => {
    const v = viewer(label);
    const MISSING = 987_654_321;
    const probes: [string, (id: number, object: string) => Promise<Answer>][] = [
      ['get', (id, o) => get(v, `/${o}/${id}`)],
      ['patch', (id, o) => t.api(v.token, 'PATCH', `/${o}/${id}`, {})],
      ['delete', (id, o) => t.api(v.token, 'DELETE', `/${o}/${id}`)],
      ['timeline', (id, o) => get(v, `/${o}/${id}/timeline`)],
      ['timeline of any object', (id, o) => get(v, `/timeline/${o}/${id}`)],
      ['audit', (id, o) => get(v, `/audit-log?filter[object]=${o}&filter[record_id]=${id}`)],
      ['link', (id, o) => t.api(v.token, 'POST', '/activities', { kind: 'note', subject: 'probe', [o === 'accounts' ? 'account_id' : 'contact_id']: id })],
    ];
    const shape = (a: Answer, id: number) => ({ status: a.status, body: JSON.stringify(a.body ?? null).replaceAll(String(id), '<id>') });
    for (const r of m.records.filter((x) => !sees(v, x.owner))) {
      for (const [what, probe] of probes) {
        // Activities have no timeline and are not link targets.
        if (r.object === 'activities' && (what === 'timeline' || what === 'link')) continue;
        const [h, miss] = [await probe(r.id, r.object), await probe(MISSING, r.object)];
        expect(shape(h, r.id), `${what} ${r.object}/${r.id}`).toEqual(shape(miss, MISSING));
        expect(h.status).toBeGreaterThanOrEqual(400);
      }
    }
    if (!WRITERS.includes(v.role)) return;
    for (const r of recordsOf('contacts').filter((x) => sees(v, x.owner))) {
      const ok = await t.api(v.token, 'POST', '/activities', { kind: 'note', subject: 'probe', contact_id: r.id });
      expect(ok.status).toBe(201);
      expect(ok.body.data.refs.contact_id).toEqual({ id: r.id, title: r.name });
      await t.api(v.token, 'DELETE', `/activities/${ok.body.data.id}`);
    }
  });
});
