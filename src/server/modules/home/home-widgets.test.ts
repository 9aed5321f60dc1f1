import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';

// The platform side: audiences and a failing widget's isolation, with the probe module's widgets.
const t = useTestApp({ modules: [path.join(import.meta.dirname, '..', '..', 'test-modules', 'widgets-probe')] });
const f = factories(t);

describe('home widgets from a module', () => {
  it('a widget that throws answers its own error; the others still load', async () => {
    const r = await t.api(t.adminToken, 'GET', '/home');
    expect(r.status).toBe(200);
    const byKey = Object.fromEntries(r.body.widgets.map((w: any) => [w.key, w]));
    expect(byKey['probe.crash']).toMatchObject({ module: 'widgets-probe', error: { code: 'internal' } });
    expect(byKey['probe.crash'].data).toBeUndefined();
    expect(JSON.stringify(r.body)).not.toContain('secret');
    expect(byKey['probe.refuse']).toMatchObject({ error: { code: 'validation_failed', message: 'Not today' } });
    expect(byKey['tasks.due'].data.kind).toBe('list');
    // Order: the probe's low `order` first, then the built-in ones.
    expect(r.body.widgets[0].key).toBe('probe.crash');
  });

  it('audiences: admins only, a predicate on the actor', async () => {
    const admin = (await t.api(t.adminToken, 'GET', '/home')).body.widgets.map((w: any) => w.key);
    expect(admin).toContain('probe.admins');
    expect(admin).toContain('activities.team_week');
    const rep = await f.user('sales');
    const keys = (await t.api(rep.token, 'GET', '/home')).body.widgets.map((w: any) => w.key);
    expect(keys).not.toContain('probe.admins');
    expect(keys).not.toContain('probe.named');
    const created = await t.api(t.adminToken, 'POST', '/users', { email: 'probe@home.test', name: 'Probe One', password: 'password-123', role: 'sales' });
    expect(created.status).toBe(201);
    const probe = await t.login('probe@home.test', 'password-123');
    expect((await t.api(probe, 'GET', '/home')).body.widgets.map((w: any) => w.key)).toContain('probe.named');
  });

  it('needs a session', async () => {
    expect((await t.api('', 'GET', '/home')).status).toBe(401);
  });
});
