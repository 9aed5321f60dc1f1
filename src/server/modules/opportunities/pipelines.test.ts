import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { opportunityHelpers } from './opportunities.test-support.ts';

// The pipeline admin API: the seeded default, administrators only for changes, stage lists
// replaced in order, a stage with opportunities kept (409, nothing changed), archiving.
const t = useTestApp();
const f = factories(t);
const h = opportunityHelpers(t);
const stage = (name: string, category = 'open', probability = 10) => ({ name, category, probability, forecast_category: 'pipeline' });
const stagesOf = async (id: number) => (await sql<{ name: string }>`SELECT name FROM pipeline_stages WHERE pipeline_id = ${id} ORDER BY position`.execute(t.database.db)).rows.map((r) => r.name);

describe('pipelines', () => {
  it('start with the default one and its six stages, categories and probabilities', async () => {
    const p = await h.defaultPipeline();
    expect(p.stages.map((s) => [s.name, s.category, s.probability])).toEqual([
      ['Qualification', 'open', 10], ['Needs analysis', 'open', 20], ['Proposal', 'open', 50], ['Negotiation', 'open', 80], ['Won', 'won', 100], ['Lost', 'lost', 0],
    ]);
  });

  it('are read by everyone and changed by administrators only', async () => {
    const rep = await f.user('sales');
    expect((await t.api(rep.token, 'GET', '/pipelines')).status).toBe(200);
    const r = await t.api(rep.token, 'POST', '/pipelines', { name: 'Mine', stages: [stage('A')] });
    expect(r.status).toBe(403);
    const p = await h.defaultPipeline();
    expect((await t.api(rep.token, 'PATCH', `/pipelines/${p.id}`, { name: 'Mine' })).status).toBe(403);
    expect((await h.defaultPipeline()).name).toBe(p.name);
  });

  it('refuse bad stages: an unknown required field, no open stage, another pipeline\'s stage', async () => {
    const bad = await t.api(t.adminToken, 'POST', '/pipelines', { name: 'Bad', stages: [{ ...stage('A'), required_fields: ['nope'] }, stage('W', 'won', 100)] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'stages.0.required_fields.0', code: 'unknown_field' });
    const closedOnly = await t.api(t.adminToken, 'POST', '/pipelines', { name: 'Bad', stages: [stage('W', 'won', 100)] });
    expect(closedOnly.body.error.details[0].code).toBe('no_open_stage');
    const p = await h.defaultPipeline();
    const other = await t.api(t.adminToken, 'POST', '/pipelines', { name: 'Other', stages: [stage('A')] });
    const stolen = await t.api(t.adminToken, 'PATCH', `/pipelines/${other.body.data.id}`, { stages: [{ ...stage('A'), id: p.stages[0]!.id }] });
    expect(stolen.body.error.details[0].code).toBe('invalid_stage');
    expect(await stagesOf(p.id)).toHaveLength(6);
  });

  it('reorder, rename, add and delete stages; a stage with opportunities cannot be deleted', async () => {
    const created = await t.api(t.adminToken, 'POST', '/pipelines', { name: 'Projects', stages: [stage('Lead'), stage('Scoping', 'open', 30), stage('Signed', 'won', 100)] });
    expect(created.status).toBe(201);
    const [lead, scoping, signed] = created.body.data.stages;
    const o = await h.opportunity({ pipeline_id: created.body.data.id, stage_id: scoping.id });
    const refused = await t.api(t.adminToken, 'PATCH', `/pipelines/${created.body.data.id}`, { stages: [{ ...stage('Lead'), id: lead.id }, { ...stage('Signed', 'won', 100), id: signed.id }] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ reason: 'stage_in_use', stages: [{ id: scoping.id, name: 'Scoping' }] });
    expect(await stagesOf(created.body.data.id)).toEqual(['Lead', 'Scoping', 'Signed']);
    const ok = await t.api(t.adminToken, 'PATCH', `/pipelines/${created.body.data.id}`, { stages: [
      { ...stage('Discovery', 'open', 40), id: scoping.id }, stage('Demo', 'open', 60), { ...stage('Signed', 'won', 100), id: signed.id },
    ] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await stagesOf(created.body.data.id)).toEqual(['Discovery', 'Demo', 'Signed']);
    // The opportunity's copy of its stage's name follows the rename.
    expect((await t.api(t.adminToken, 'GET', `/opportunities/${o.id}`)).body.data.stage_name).toBe('Discovery');
  });

  it('archive, except the default one', async () => {
    const p = await h.defaultPipeline();
    const r = await t.api(t.adminToken, 'PATCH', `/pipelines/${p.id}`, { archived: true });
    expect(r.status).toBe(409);
    expect(r.body.error.details.reason).toBe('pipeline_is_default');
    const other = await t.api(t.adminToken, 'POST', '/pipelines', { name: 'Old', stages: [stage('A')] });
    expect((await t.api(t.adminToken, 'PATCH', `/pipelines/${other.body.data.id}`, { archived: true })).body.data.archived).toBe(true);
    expect((await h.pipelines()).map((x) => x.id)).not.toContain(other.body.data.id);
    expect((await t.api(t.adminToken, 'GET', '/pipelines?archived=true')).body.data.map((x: any) => x.id)).toContain(other.body.data.id);
    const inArchived = await t.api(t.adminToken, 'POST', '/opportunities', { name: 'X', pipeline_id: other.body.data.id });
    expect(inArchived.body.error.details[0].code).toBe('invalid_pipeline');
  });
});
