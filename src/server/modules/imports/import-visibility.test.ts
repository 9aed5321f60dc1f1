import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { counts, importAs, report } from './import-test-helpers.ts';

// An import matches only records its user may see (and so update): a record of another team,
// or an administrator's own, answers exactly as if it did not exist, stays as it was, and keeps
// its owner. A matched record keeps its owner too.
const t = useTestApp();

let runs = 0;

/** Two teams, their people, and a customer each for the rival, the administrator and team A (e-mails unique per call). */
async function setup() {
  const n = ++runs;
  const teamA = (await t.api(t.adminToken, 'POST', '/teams', { name: `Team A ${n}` })).body.data.id as number;
  const teamB = (await t.api(t.adminToken, 'POST', '/teams', { name: `Team B ${n}` })).body.data.id as number;
  const manager = await t.userToken('manager', { team_id: teamA });
  await t.api(t.adminToken, 'PATCH', `/teams/${teamA}`, { manager_id: manager.id });
  const colleague = await t.userToken('sales', { team_id: teamA });
  const rival = await t.userToken('sales', { team_id: teamB });
  const marketer = await t.userToken('marketing');
  const create = async (token: string, body: Record<string, unknown>) => {
    const r = await t.api(token, 'POST', '/contacts', body);
    expect(r.status).toBe(201);
    return r.body.data as { id: number; owner_id: number };
  };
  const rivals = await create(rival.token, { name: 'Rival Customer', email: `rival.customer${n}@example.com`, mobile: `1391111${n}001`, city: 'Chengdu' });
  const admins = await create(t.adminToken, { name: 'Admin Customer', email: `admin.customer${n}@example.com`, mobile: `1391111${n}002`, city: 'Xiamen' });
  const teams = await create(colleague.token, { name: 'Team Customer', email: `team.customer${n}@example.com`, city: 'Wuhan' });
  return { n, manager, colleague, rival, marketer, rivals, admins, teams };
}

describe('import against records the importer may not see', () => {
  it.each(['update', 'skip'] as const)('answers as if they did not exist (%s mode) and leaves them untouched', async (mode) => {
    const s = await setup();
    // Hidden records matched by e-mail and by mobile; the control file names records that exist nowhere.
    const hidden = ['name,email,mobile,city', `Overwritten,rival.customer${s.n}@example.com,,Lhasa`, `Overwritten Too,,1391111${s.n}002,Lhasa`].join('\n');
    const absent = ['name,email,mobile,city', `Overwritten,nobody${s.n}@example.com,,Lhasa`, `Overwritten Too,,1391111${s.n}999,Lhasa`].join('\n');
    const h = await importAs(t, s.manager.token, hidden, mode);
    const a = await importAs(t, s.manager.token, absent, mode);
    expect(counts(h)).toEqual(counts(a));
    expect(counts(h)).toEqual({ created: 2, updated: 0, skipped: 0, failed: 0 });
    expect(await report(t, s.manager.token, h.id, 'skipped')).toEqual([]);
    expect(await report(t, s.manager.token, h.id, 'errors')).toEqual(await report(t, s.manager.token, a.id, 'errors'));
    // The real owners still see their records as they were, and own them.
    const mine = await t.api(s.rival.token, 'GET', `/contacts/${s.rivals.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.data).toMatchObject({ name: 'Rival Customer', city: 'Chengdu', owner_id: s.rival.id });
    const admins = await t.api(t.adminToken, 'GET', `/contacts/${s.admins.id}`);
    expect(admins.body.data).toMatchObject({ name: 'Admin Customer', city: 'Xiamen', owner_id: s.admins.owner_id });
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contacts&filter[record_id]=${s.rivals.id}`);
    expect(audit.body.data.map((e: any) => e.action)).toEqual(['create']);
  });

  it('updates a record of the team but keeps its owner; the file may set the owner only by mapping it', async () => {
    const s = await setup();
    const done = await importAs(t, s.manager.token, ['name,email,city', `Team Customer,team.customer${s.n}@example.com,Nanjing`].join('\n'), 'update');
    expect(counts(done)).toEqual({ created: 0, updated: 1, skipped: 0, failed: 0 });
    const seen = await t.api(s.colleague.token, 'GET', `/contacts/${s.teams.id}`);
    expect(seen.body.data).toMatchObject({ city: 'Nanjing', owner_id: s.colleague.id });
    // Marketing sees every record: it may update the rival's, whose owner stays the rival.
    const m = await importAs(t, s.marketer.token, ['name,email,city', `Rival Customer,rival.customer${s.n}@example.com,Kunming`].join('\n'), 'update');
    expect(counts(m)).toEqual({ created: 0, updated: 1, skipped: 0, failed: 0 });
    expect((await t.api(s.rival.token, 'GET', `/contacts/${s.rivals.id}`)).body.data).toMatchObject({ city: 'Kunming', owner_id: s.rival.id });
    // An explicit owner column is written.
    const o = await importAs(t, t.adminToken, ['name,email,owner_id', `Team Customer,team.customer${s.n}@example.com,${s.manager.id}`].join('\n'), 'update');
    expect(o.updated).toBe(1);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${s.teams.id}`)).body.data.owner_id).toBe(s.manager.id);
  });

  it('refuses to map a field the role may only read, and a hidden field like one that does not exist', async () => {
    const s = await setup();
    const patched = await t.api(t.adminToken, 'PATCH', '/roles/manager', { field_rules: { contacts: { credit_limit: 'read', notes: 'hidden' } } });
    expect(patched.status).toBe(200);
    try {
      const csv = ['email,credit_limit,notes', `team.customer${s.n}@example.com,999999,secret`].join('\n');
      const up = (await import('./import-test-helpers.ts')).uploadAs;
      const file = await up(t, s.manager.token, 'rules.csv', csv);
      // Neither protected field is suggested.
      expect(file.suggested_mapping).toEqual({ email: 'email', credit_limit: null, notes: null });
      const readOnly = await t.api(s.manager.token, 'POST', `/imports/${file.id}/start`, { mapping: { email: 'email', credit_limit: 'credit_limit' }, duplicate_mode: 'update' });
      expect(readOnly.status).toBe(403);
      const hidden = await t.api(s.manager.token, 'POST', `/imports/${file.id}/start`, { mapping: { email: 'email', notes: 'notes' }, duplicate_mode: 'update' });
      const missing = await t.api(s.manager.token, 'POST', `/imports/${file.id}/start`, { mapping: { email: 'email', notes: 'no_such_field' }, duplicate_mode: 'update' });
      expect(hidden.status).toBe(400);
      expect(hidden.body.error.code).toBe(missing.body.error.code);
      expect(hidden.body.error.details[0].field).toBe(missing.body.error.details[0].field);
      expect((await t.api(t.adminToken, 'GET', `/imports/${file.id}`)).body.data.status).toBe('uploaded');
    } finally {
      await t.api(t.adminToken, 'PATCH', '/roles/manager', { field_rules: { contacts: { credit_limit: null, notes: null } } });
    }
  });
});
