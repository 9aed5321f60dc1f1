import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { factories } from '../db/factories.ts';

// Territory visibility (modules/territories, core/access.ts recordVisibility): a territory's
// managers see exactly the accounts of their territories and those below, through every read
// path, beside their own; a rep outside sees none of them; a plain member, an inactive
// territory and a sibling territory grant nothing. Every account here is owned by another rep.

const t = useTestApp();
const f = factories(t);
const admin = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) => t.api(t.adminToken, method, url, body);
const rule = (value: string) => ({ kind: 'group', match: 'all', conditions: [{ kind: 'field', field: 'region', op: 'eq', value }] });

type User = { id: number; token: string };
let owner: User, boss: User, deputy: User, member: User, outsider: User, teamManager: User;
const acc: Record<string, { id: number; name: string }> = {};
const MISSING = 987_654_321;

async function territory(name: string, body: Record<string, unknown>, region: string) {
  const r = await admin('POST', '/territories', { name, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect((await admin('PUT', `/territories/${r.body.data.id}/rule`, { condition: rule(region) })).status).toBe(200);
  return r.body.data.id as number;
}

beforeAll(async () => {
  const team = (await admin('POST', '/teams', { name: 'Territory team' })).body.data.id;
  owner = await f.user('sales');
  boss = await f.user('sales');
  deputy = await f.user('sales');
  member = await f.user('sales');
  outsider = await f.user('sales');
  teamManager = await f.user('manager', { team_id: team });
  const east = await territory('East', { manager_id: boss.id }, 'EAST');
  const shanghai = await territory('Shanghai', { parent_id: east }, 'SH');
  await territory('West', {}, 'WEST');
  const closed = await territory('Closed', { manager_id: outsider.id, active: false }, 'CLOSED');
  expect(closed).toBeGreaterThan(0);
  expect((await admin('PUT', `/territories/${shanghai}/members`, { members: [{ user_id: deputy.id, role: 'manager' }, { user_id: member.id, role: 'member' }] })).status).toBe(200);
  expect((await admin('PUT', `/territories/${east}/members`, { members: [{ user_id: teamManager.id, role: 'manager' }] })).status).toBe(200);
  for (const [key, region] of [['east', 'EAST'], ['sh', 'SH'], ['west', 'WEST'], ['closed', 'CLOSED']] as const) {
    const name = `TERRACC${key.toUpperCase()}Z`;
    acc[key] = { id: (await f.account({ name, region, owner_id: owner.id, annual_revenue: 1000 })).id, name };
  }
});

/** Which of the test's accounts each read path shows the user. */
async function seen(u: User): Promise<Record<string, string[]>> {
  const names = (body: unknown) => Object.entries(acc).filter(([, a]) => JSON.stringify(body).includes(a.name)).map(([k]) => k).sort();
  const get = async (url: string) => {
    const r = await t.api(u.token, 'GET', url);
    expect(r.status, url).toBeLessThan(500);
    return r.body;
  };
  const reads: string[] = [];
  for (const [k, a] of Object.entries(acc)) if ((await t.api(u.token, 'GET', `/accounts/${a.id}`)).status === 200) reads.push(k);
  const exp = await t.api(u.token, 'GET', '/accounts/export?format=csv');
  return {
    list: names(await get('/accounts?limit=200')),
    read: reads.sort(),
    search: names(await get('/accounts?q=TERRACC&limit=200')),
    global: names(await get('/search?q=TERRACC&limit=100')),
    export: names(exp.body),
    under: names(await get(`/accounts?filter[territory_id][under]=${(await admin('GET', `/accounts/${acc.east!.id}`)).body.data.territory_id}&limit=200`)),
  };
}

const expectSees = async (u: User, keys: string[]) => {
  const s = await seen(u);
  for (const [path, got] of Object.entries(s)) expect(got, path).toEqual(path === 'under' ? keys.filter((k) => k === 'east' || k === 'sh') : keys);
};

describe('territory visibility', () => {
  it('the manager of a territory sees its accounts and those of territories below it, on every path', async () => {
    await expectSees(boss, ['east', 'sh']);
    const count = (await t.api(boss.token, 'GET', '/accounts/count')).body.data.count;
    expect(count).toBe(2);
    const totals = (await t.api(boss.token, 'GET', '/accounts/totals?field=annual_revenue')).body.data;
    expect(totals).toMatchObject({ total: '2000.00', count: 2 });
  });

  it('a member with the manager role sees the accounts of its territory only; a plain member sees none', async () => {
    await expectSees(deputy, ['sh']);
    await expectSees(member, []);
  });

  it('a rep outside sees none, and an inactive territory grants nothing', async () => {
    await expectSees(outsider, []);
    await expectSees(owner, ['closed', 'east', 'sh', 'west']);
  });

  it('adds to team visibility for a team manager', async () => {
    await expectSees(teamManager, ['east', 'sh']);
  });

  it('an account outside the territories answers exactly as a missing one', async () => {
    const shape = (a: { status: number; body: unknown }, id: number) => ({ status: a.status, body: JSON.stringify(a.body ?? null).replaceAll(String(id), '<id>') });
    for (const probe of [(id: number) => t.api(boss.token, 'GET', `/accounts/${id}`), (id: number) => t.api(boss.token, 'PATCH', `/accounts/${id}`, {}), (id: number) => t.api(boss.token, 'GET', `/accounts?filter[id]=${id}`)]) {
      expect(shape(await probe(acc.west!.id), acc.west!.id)).toEqual(shape(await probe(MISSING), MISSING));
    }
  });

  it('a role hiding the territory field learns nothing of it', async () => {
    expect((await admin('PATCH', '/roles/marketing', { field_rules: { accounts: { territory_id: 'hidden', territory_locked: 'hidden' } } })).status).toBe(200);
    const ro = await f.user('marketing');
    const one = (await t.api(ro.token, 'GET', `/accounts/${acc.east!.id}`)).body.data;
    expect(one).not.toHaveProperty('territory_id');
    expect(one).not.toHaveProperty('territory_locked');
    expect(JSON.stringify(one.refs ?? {})).not.toContain('East');
    const filtered = await t.api(ro.token, 'GET', `/accounts?filter[territory_id][under]=1`);
    expect(filtered.status).toBe(400);
    expect(filtered.body.error.details[0].code).toBe('not_filterable');
    const exp = await t.api(ro.token, 'GET', '/accounts/export?format=csv');
    expect(exp.status).toBe(200);
    expect(String(exp.body).split('\n')[0]).not.toMatch(/territory/i);
    const meta = (await t.api(ro.token, 'GET', '/meta/objects/accounts')).body.data;
    expect(JSON.stringify(meta.fields ?? meta)).not.toContain('territory_id');
  });
});
