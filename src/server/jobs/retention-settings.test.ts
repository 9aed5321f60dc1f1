import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { runRetention } from './retention.ts';

const t = useTestApp();

const auditIds = async () => (await t.database.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => Number(r.id));

describe('retention settings', () => {
  it('admins read and change the periods; bad values are refused with a clear error and change nothing; changes are audited', async () => {
    const got = await t.api(t.adminToken, 'GET', '/settings/retention');
    const fixed = { login_history_days: 365, imports_days: 90, mail_days: 365, form_submissions_days: 365, notifications_days: 90 };
    expect(got.body.data).toEqual({ audit_months: null, jobs_days: 30, events_days: 30, files_days: 30, ...fixed });
    for (const bad of [{ audit_months: 0 }, { jobs_days: 1.5 }, { files_days: 'ten' }, { sessions_days: 3 }, { events_days: 99999 }, { login_history_days: 0 }, { mail_days: null }]) {
      const res = await t.api(t.adminToken, 'PUT', '/settings/retention', bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const rep = await t.userToken('sales');
    expect((await t.api(rep.token, 'GET', '/settings/retention')).status).toBe(403);
    expect((await t.api(rep.token, 'PUT', '/settings/retention', { audit_months: 12 })).status).toBe(403);
    expect((await t.api(t.adminToken, 'GET', '/settings/retention')).body.data.audit_months).toBeNull();

    const put = await t.api(t.adminToken, 'PUT', '/settings/retention', { audit_months: 24, files_days: 7 });
    expect(put.status).toBe(200);
    expect(put.body.data).toEqual({ audit_months: 24, jobs_days: 30, events_days: 30, files_days: 7, ...fixed });
    expect((await t.api(t.adminToken, 'GET', '/settings/retention')).body.data).toEqual(put.body.data);
    const audit = await t.database.db.selectFrom('audit_log').select('changes').where('object', '=', 'settings').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.changes).toEqual({ 'retention.audit_months': [null, 24], 'retention.files_days': [30, 7] });
    // Back to "kept forever".
    expect((await t.api(t.adminToken, 'PUT', '/settings/retention', { audit_months: null })).body.data.audit_months).toBeNull();
  });

  it('the audit log stays append-only for everyone but the retention job', async () => {
    await expect(sql`DELETE FROM audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(t.database.db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('guanxi.audit_retention', 'on', true)`.execute(trx);
      await sql`UPDATE audit_log SET action = 'x'`.execute(trx);
    })).rejects.toThrow(/append-only/);
  });

  it('keeps the audit log by default; with "keep N months" archives older entries to a file, then deletes them', async () => {
    const archiveDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'guanxi-audit-')), 'archive');
    const env = { jobsDays: 30, eventsDays: 30, filesDays: 30, archiveDir };
    await t.api(t.adminToken, 'POST', '/contacts', { name: 'Audited old' });
    await t.api(t.adminToken, 'POST', '/contacts', { name: 'Audited recent' });
    const ids = await auditIds();
    const [oldId, recentId] = ids.slice(-2) as [number, number];
    // Back-dating is no change the app may make: the test lifts the trigger for it.
    await t.database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(trx);
      await sql`UPDATE audit_log SET at = now() - interval '13 months' WHERE id <= ${oldId}`.execute(trx);
      await sql`UPDATE audit_log SET at = now() - interval '11 months' WHERE id = ${recentId}`.execute(trx);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(trx);
    });

    expect((await runRetention(t.database.db, env)).audit_log).toBeUndefined();
    expect(await auditIds()).toEqual(ids);

    await t.api(t.adminToken, 'PUT', '/settings/retention', { audit_months: 12 });
    const counts = await runRetention(t.database.db, env);
    expect(counts.audit_log).toBe(ids.length - 1);
    expect((await auditIds()).filter((id) => id <= recentId)).toEqual([recentId]);
    const [file] = (await import('node:fs')).readdirSync(archiveDir);
    const lines = (await readFile(path.join(archiveDir, file!), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => Number(l.id))).toEqual(ids.slice(0, -1));
    expect(lines.find((l) => Number(l.id) === oldId).changes).toBeTruthy();
    expect((await stat(path.join(archiveDir, file!))).mode & 0o077).toBe(0);
  });
});
