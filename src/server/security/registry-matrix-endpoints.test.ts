import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { getObject, objectNames } from '../records/registry.ts';
import { stageFields } from '../records/stages.ts';
import { ROLES, TEAMS, found, type Viewer } from './matrix-fixture.ts';
import type { ObjectDef } from '../records/types.ts';
import { resourcePath } from '../../shared/resource-path.ts';
import { allowed, buildRegistryMatrix, canSee, hiddenFor, leaksFor, type RegistryMatrix } from './registry-matrix.ts';
import { attachmentKey, buildEndpointFixture, hiddenAttachments, hidesMoney, moneyFields, upload, visibleSum, type EndpointFixture } from './registry-matrix-endpoints.ts';

// The generated permission matrix of the endpoints issue 12 added beside the record surface:
// totals of money fields, kanban boards (columns, cards, moves), stage history, attachments
// (list, upload, download, delete), for every registered object declaring them; every route on one
// record (`/{object}/{id}…`, module actions included) for hidden-vs-missing and leaks; and the
// administration routes (numbering, exchange rates, mail, calendars) found in the OpenAPI
// document, so a route added under those prefixes is covered without an edit here.
const TEST_MODULES = path.join(import.meta.dirname, '..', 'test-modules');
const t = useTestApp({ modules: fs.readdirSync(TEST_MODULES).map((d) => path.join(TEST_MODULES, d)).filter((d) => fs.existsSync(path.join(d, 'module.ts'))) });
let m: RegistryMatrix;
let fx: EndpointFixture;
beforeAll(async () => {
  m = await buildRegistryMatrix(t, objectNames().map(getObject));
  fx = await buildEndpointFixture(t, m);
  expect(m.defs.some((d) => selectBoard(d)) && m.defs.some((d) => d.attachments) && m.defs.some((d) => moneyFields(d).length)).toBe(true);
}, 300_000);

type Answer = { status: number; body: unknown };
const VIEWERS = ROLES.flatMap((role) => TEAMS.map((team) => `${role}-${team}`));
const viewer = (label: string) => m.viewers.find((v) => v.label === label)!;
const recordsOf = (object: string) => m.records.filter((r) => r.def.name === object);
const MISSING = 987_654_321;
/** Boards over a select field's options (modules/stages); a data-driven board (a pipeline's) has its module's own routes and tests. */
const selectBoard = (d: { board?: { dataColumns?: boolean } }) => Boolean(d.board && !d.board.dataColumns);
// Compared with the hidden field's answer, the name each echoes replaced by a placeholder.
const UNKNOWN = 'no_such_field';
const shape = (a: Answer, id: number | string) => ({ status: a.status, body: JSON.stringify(a.body ?? null).replaceAll(String(id), '<id>') });
const code = (a: Answer) => (a.body as { error?: { code: string } })?.error?.code;

/**
 * Every operation of the OpenAPI document on one record of a registered object (`/{object}/{id}`
 * and below: the generic surface, and each module's actions — submit, confirm, allocations, lines,
 * pdf…), so a route a module adds is probed without an edit here. Other path parameters get an id
 * that exists nowhere.
 */
let routesCache: [string, string, ObjectDef][] | undefined;
async function recordRoutes(): Promise<[string, string, ObjectDef][]> {
  if (routesCache) return routesCache;
  const doc = (await t.api(t.adminToken, 'GET', '/api/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
  const out: [string, string, ObjectDef][] = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    const match = /^\/api\/v1\/([a-z0-9-]+)\/\{id\}(\/.*)?$/.exec(p);
    const def = match && m.defs.find((d) => resourcePath(d.name) === match[1]);
    if (!def) continue;
    const rel = p.replace(/^\/api\/v1/, '');
    // A multi-word object's released underscore path (http/legacy-paths.ts) is probed as well.
    const paths = def.name === resourcePath(def.name) ? [rel] : [rel, rel.replace(resourcePath(def.name), def.name)];
    for (const method of Object.keys(ops).filter((x) => ['get', 'put', 'post', 'patch', 'delete'].includes(x))) for (const q of paths) out.push([method.toUpperCase(), q, def]);
  }
  expect(out.length).toBeGreaterThan(m.defs.length);
  expect(out.some(([, p]) => p.startsWith('/price_books/')) && out.some(([, p]) => p.startsWith('/price-books/'))).toBe(true);
  return (routesCache = out);
}
const fill = (template: string, id: number) => template.replace('{id}', String(id)).replace(/\{\w+\}/g, String(MISSING));

/** Routes only administrators may call: every operation of the OpenAPI document under these prefixes. */
const ADMIN_PREFIXES = ['/settings/', '/mail/', '/calendars'];
/** Computing with a calendar reveals no record: every signed-in user may (calendars.routes.ts). */
const FOR_EVERYONE = [/^\/calendars\/\{id\}\/(add|business-minutes)$/];
const PARAMS: Record<string, string> = { id: '1', day: '2024-01-01', key: 'task_reminder', locale: 'en', type: 'x' };

describe.each(VIEWERS)('%s', (label) => {
  it('totals and board sums add up exactly what it may see, and a hidden money field answers as an unknown one', async () => {
    const v = viewer(label);
    for (const def of m.defs) {
      const o = resourcePath(def.name);
      const mayList = allowed(v, def, 'list');
      for (const field of moneyFields(def)) {
        const res = await t.api(v.token, 'GET', `/${o}/totals?field=${field}`);
        if (!mayList) expect(res.status, `${o} totals`).toBe(403);
        else if (hidesMoney(v, def, field)) expect(shape(res, field), `${o} totals ${field}`).toEqual(shape(await t.api(v.token, 'GET', `/${o}/totals?field=${UNKNOWN}`), UNKNOWN));
        else expect(res.body.data, `${o} totals ${field}`).toMatchObject({ total: visibleSum(v, recordsOf(def.name), fx, field), count: recordsOf(def.name).filter((r) => canSee(v, r)).length });
        if (!selectBoard(def)) continue;
        const board = await t.api(v.token, 'GET', `/${o}/board?sum=${field}`);
        if (!mayList) expect(board.status).toBe(403);
        else if (hidesMoney(v, def, field)) expect(shape(board, field), `${o} board sum ${field}`).toEqual(shape(await t.api(v.token, 'GET', `/${o}/board?sum=${UNKNOWN}`), UNKNOWN));
        else expect(board.body.data.columns.reduce((s: number, c: { sum: string }) => s + Math.round(Number(c.sum) * 100), 0), `${o} board ${field}`).toBe(Math.round(Number(visibleSum(v, recordsOf(def.name), fx, field)) * 100));
      }
    }
  });

  it('cannot filter totals, board columns or cards by a field it may not see (answered as an unknown field)', async () => {
    const v = viewer(label);
    for (const def of m.defs) {
      const hidden = [hiddenFor(v.role, def), ...moneyFields(def).filter((f) => hidesMoney(v, def, f))].filter((f): f is string => !!f);
      const money = moneyFields(def).find((f) => !hidesMoney(v, def, f));
      const urls = [...(money ? [`/${resourcePath(def.name)}/totals?field=${money}&`] : []), ...(selectBoard(def) ? [`/${resourcePath(def.name)}/board?`, `/${resourcePath(def.name)}/board/cards?value=${def.fields.find((f) => f.key === def.board!.field)!.options![0]!.value}&`] : [])];
      for (const url of urls) {
        for (const f of hidden) {
          const op = moneyFields(def).includes(f) ? 'gt' : 'contains';
          const value = op === 'gt' ? '0' : 'MXR';
          expect(shape(await t.api(v.token, 'GET', `${url}filter[${f}][${op}]=${value}`), f), `${label} ${url} by ${f}`).toEqual(shape(await t.api(v.token, 'GET', `${url}filter[${UNKNOWN}][${op}]=${value}`), UNKNOWN));
        }
      }
    }
  });

  it('sees on board columns and cards only the records it may see, and all of them', async () => {
    const v = viewer(label);
    const markers = [...leaksFor(v, m), ...hiddenAttachments(v, m, fx)];
    for (const def of m.defs.filter((d) => selectBoard(d))) {
      const o = resourcePath(def.name);
      const board = await t.api(v.token, 'GET', `/${o}/board`);
      if (!allowed(v, def, 'list')) {
        expect(board.status).toBe(403);
        continue;
      }
      const mine = recordsOf(def.name).filter((r) => canSee(v, r));
      expect(board.body.data.columns.reduce((s: number, c: { count: number }) => s + c.count, 0), `${o} board count`).toBe(mine.length);
      const seen: string[] = [];
      for (const c of board.body.data.columns as { value: string }[]) {
        const cards = await t.api(v.token, 'GET', `/${o}/board/cards?value=${c.value}&limit=200`);
        expect(cards.status).toBe(200);
        expect(found(cards.body, markers), `${label}: ${o} cards ${c.value}`).toEqual([]);
        seen.push(...found(cards.body, mine.map((r) => r.title)));
      }
      expect(seen.sort()).toEqual(mine.map((r) => r.title).sort());
    }
  });

  it('learns nothing of a record it may not see through moves, stage history or attachments', async () => {
    const v = viewer(label);
    for (const def of m.defs) {
      const o = resourcePath(def.name);
      const unseen = recordsOf(def.name).find((r) => !canSee(v, r));
      if (!unseen) continue;
      const probes: [string, (id: number) => Promise<Answer>][] = [];
      if (selectBoard(def)) {
        const to = def.fields.find((f) => f.key === def.board!.field)!.options![0]!.value;
        const mine = recordsOf(def.name).find((r) => canSee(v, r))!;
        probes.push(['move', (id) => t.api(v.token, 'POST', `/${o}/${id}/move`, { to })]);
        // A hidden card as the neighbour of a visible one's move: refused as a missing card is.
        for (const side of ['before_id', 'after_id']) probes.push([`move ${side}`, (id) => t.api(v.token, 'POST', `/${o}/${mine.id}/move`, { to, [side]: id })]);
      }
      for (const f of stageFields(def)) probes.push([`stage-history ${f.key}`, (id) => t.api(v.token, 'GET', `/${o}/${id}/stage-history?field=${f.key}`)]);
      if (def.attachments) {
        probes.push(['attachments', (id) => t.api(v.token, 'GET', `/${o}/${id}/attachments`)]);
        probes.push(['upload', (id) => upload(t, v.token, o, id, 'probe.pdf')]);
        // By attachment id: the unseen record's attachment against one that does not exist.
        const att = (id: number) => (id === unseen.id ? fx.attachments.get(attachmentKey(unseen))!.id : MISSING);
        probes.push(['download', async (id) => ({ ...(await t.api(v.token, 'GET', `/attachments/${att(id)}/download`)), body: null })]);
        probes.push(['delete attachment', (id) => t.api(v.token, 'DELETE', `/attachments/${att(id)}`)]);
      }
      for (const [what, probe] of probes) {
        const [hidden, missing] = [await probe(unseen.id), await probe(MISSING)];
        expect(shape(hidden, unseen.id), `${label} ${what} ${o}/${unseen.id}`).toEqual(shape(missing, MISSING));
      }
      if (def.attachments) expect((await t.api(t.adminToken, 'GET', `/attachments/${fx.attachments.get(attachmentKey(unseen))!.id}/download`)).status).toBe(200);
    }
  });

  it('reads what it may of a visible record, and moves, uploads and deletes exactly when it may update', async () => {
    const v = viewer(label);
    for (const def of m.defs) {
      const o = resourcePath(def.name);
      const r = recordsOf(def.name).find((x) => canSee(v, x) && x.owner !== v) ?? recordsOf(def.name).find((x) => canSee(v, x))!;
      const [read, update] = [allowed(v, def, 'read'), allowed(v, def, 'update')];
      for (const f of stageFields(def)) expect((await t.api(v.token, 'GET', `/${o}/${r.id}/stage-history?field=${f.key}`)).status, `${o} history`).toBe(read ? 200 : 403);
      if (selectBoard(def)) {
        const res = await t.api(v.token, 'POST', `/${o}/${r.id}/move`, { to: def.fields.find((f) => f.key === def.board!.field)!.options![0]!.value });
        expect(res.status, `${label} move ${o}: ${JSON.stringify(res.body)}`).toBe(update ? 200 : 403);
        if (update) expect(found(res.body, leaksFor(v, m)), `${o} move answer`).toEqual([]);
      }
      if (!def.attachments) continue;
      const list = await t.api(v.token, 'GET', `/${o}/${r.id}/attachments`);
      expect(list.status).toBe(read ? 200 : 403);
      if (read) expect(found(list.body, [fx.attachments.get(attachmentKey(r))!.name]), `${o}/${r.id} attachments: ${JSON.stringify(list.body)}`).toHaveLength(1);
      expect((await t.api(v.token, 'GET', `/attachments/${fx.attachments.get(attachmentKey(r))!.id}/download`)).status).toBe(read ? 200 : 404);
      const up = await upload(t, v.token, o, r.id, `by ${label}.pdf`);
      expect(up.status, `${label} upload ${o}: ${JSON.stringify(up.body)}`).toBe(update ? 201 : 403);
      // A file the administrator attached for the probe, so the fixture stays whole.
      const made = up.status === 201 ? up.body.data.id : (await upload(t, t.adminToken, o, r.id, 'probe.pdf')).body.data.id;
      const del = await t.api(v.token, 'DELETE', `/attachments/${made}`);
      expect(del.status, `${label} delete attachment ${o}`).toBe(update ? 204 : read ? 403 : 404);
      if (del.status !== 204) expect((await t.api(t.adminToken, 'DELETE', `/attachments/${made}`)).status).toBe(204);
    }
  });

  it('learns nothing of a record it may not see through any route under /{object}/{id} (module actions included)', async () => {
    const v = viewer(label);
    for (const [method, template, def] of await recordRoutes()) {
      const unseen = recordsOf(def.name).find((r) => !canSee(v, r));
      if (!unseen) continue;
      const probe = (id: number) => t.api(v.token, method, fill(template, id), method === 'GET' || method === 'DELETE' ? undefined : {});
      const [hidden, missing] = [await probe(unseen.id), await probe(MISSING)];
      expect(shape(hidden, unseen.id), `${label} ${method} ${fill(template, unseen.id)}`).toEqual(shape(missing, MISSING));
    }
  });

  it('receives no hidden field or unseen record from what hangs off a record it may read', async () => {
    const v = viewer(label);
    const markers = leaksFor(v, m);
    for (const [method, template, def] of await recordRoutes()) {
      if (method !== 'GET' || !/\{id\}\/[a-z]/.test(template) || !allowed(v, def, 'read')) continue;
      for (const r of recordsOf(def.name).filter((x) => canSee(v, x))) {
        const res = await t.api(v.token, 'GET', fill(template, r.id));
        expect(found(res.body, markers), `${label} GET ${fill(template, r.id)}`).toEqual([]);
      }
    }
  });

  it('may call the administration routes (numbering, exchange rates, mail, calendars) only as an administrator', async () => {
    const v = viewer(label);
    const doc = (await t.api(t.adminToken, 'GET', '/api/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) => {
      const rel = p.replace(/^\/api\/v1/, '');
      if (!ADMIN_PREFIXES.some((x) => rel.startsWith(x)) || FOR_EVERYONE.some((x) => x.test(rel))) return [];
      return Object.keys(ops).filter((x) => ['get', 'put', 'post', 'patch', 'delete'].includes(x)).map((method) => [method.toUpperCase(), rel.replace(/\{(\w+)\}/g, (_, k: string) => PARAMS[k] ?? '1')] as const);
    });
    expect(routes.map(([, p]) => p)).toEqual(expect.arrayContaining(['/settings/numbering', '/settings/exchange-rates', '/mail/settings', '/mail/test', '/mail/templates', '/calendars']));
    for (const [method, url] of routes) {
      const res = await t.api(v.token, method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
      if (v.role === 'admin') expect([401, 403], `${label} ${method} ${url}`).not.toContain(res.status);
      else expect([res.status, code(res)], `${label} ${method} ${url}`).toEqual([403, 'forbidden']);
    }
  });
});
