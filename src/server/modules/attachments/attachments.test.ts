import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { multipartBody } from '../../db/multipart.ts';
import { runRetention } from '../../jobs/retention.ts';

const t = useTestApp();
const f = factories(t);

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256))]);

async function upload(token: string, path: string, name: string, data: Buffer) {
  const body = await multipartBody({}, { name, data });
  const res = await t.app.inject({ method: 'POST', url: `/api/v1${path}`, headers: { ...body.headers, authorization: `Bearer ${token}` }, payload: body.payload });
  return { status: res.statusCode, body: res.json() };
}

async function stored() {
  const count = async (table: 'files' | 'file_chunks') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const a = await t.database.db.withTables<{ attachments: { id: number } }>().selectFrom('attachments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { files: await count('files'), chunks: await count('file_chunks'), attachments: Number(a.n) };
}

describe('attachments', () => {
  it('uploads, lists with size and uploader, downloads the same bytes, and puts "file attached" on the timeline', async () => {
    const c = await f.contact();
    const up = await upload(t.adminToken, `/contacts/${c.id}/attachments`, '合同 2024.pdf', PDF);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.data).toMatchObject({ name: '合同 2024.pdf', content_type: 'application/pdf', size: PDF.length, created_by: { name: expect.any(String) } });
    const list = await t.api(t.adminToken, 'GET', `/contacts/${c.id}/attachments`);
    expect(list.body.data).toEqual([expect.objectContaining({ id: up.body.data.id, size: PDF.length })]);
    const dl = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${up.body.data.id}/download`, headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('合同 2024.pdf')}`);
    const tl = await t.api(t.adminToken, 'GET', `/timeline/contacts/${c.id}?kind=file_attached`);
    expect(tl.body.data).toEqual([expect.objectContaining({ kind: 'file_attached', title: '合同 2024.pdf' })]);
    const audit = await t.api(t.adminToken, 'GET', `/audit-log?filter[object]=contacts&filter[record_id]=${c.id}&filter[action]=attach`);
    expect(audit.body.data).toHaveLength(1);
    // The descriptor tells the web app which objects take files.
    const meta = await t.api(t.adminToken, 'GET', '/meta/objects');
    const features = Object.fromEntries(meta.body.data.map((o: any) => [o.name, o.features.attachments]));
    expect(features).toMatchObject({ contacts: true, accounts: true, activities: true, tasks: true });
  });

  it('refuses files over the size limit, of types not allowed and programs, storing nothing', async () => {
    const c = await f.contact();
    const before = await stored();
    const limit = t.app.config.attachments.maxBytes;
    expect(limit).toBe(25 * 1024 * 1024);
    t.app.config.attachments.maxBytes = 64 * 1024;
    try {
      const big = await upload(t.adminToken, `/contacts/${c.id}/attachments`, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(70 * 1024)]));
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('payload_too_large');
    } finally {
      t.app.config.attachments.maxBytes = limit;
    }
    const refusals: [string, Buffer, string][] = [
      ['setup.exe', Buffer.from('MZ\x90\x00 program'), 'unsupported_file'],
      ['run.sh', Buffer.from('#!/bin/sh\necho hi\n'), 'unsupported_file'],
      ['invoice.pdf', Buffer.from('MZ\x90\x00 a program named like a document'), 'executable_file'],
      ['notes.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'executable_file'],
      ['photo.png', Buffer.from('not a png at all'), 'content_mismatch'],
      ['empty.txt', Buffer.alloc(0), 'empty_file'],
    ];
    for (const [name, data, code] of refusals) {
      const r = await upload(t.adminToken, `/contacts/${c.id}/attachments`, name, data);
      expect(r.status, name).toBe(400);
      expect(r.body.error.details[0].code, name).toBe(code);
    }
    expect(await stored()).toEqual(before);
    expect((await t.api(t.adminToken, 'GET', `/contacts/${c.id}/attachments`)).body.data).toEqual([]);
  });

  it('answers another rep\'s record and its attachments exactly as missing ones; a read-only role cannot upload or delete', async () => {
    const owner = await f.user('sales');
    const other = await f.user('sales');
    const readonly = await f.user('readonly');
    const c = await f.as(owner.token).contact();
    const up = await upload(owner.token, `/contacts/${c.id}/attachments`, 'notes.txt', Buffer.from('secret plan'));
    expect(up.status).toBe(201);
    const id = up.body.data.id;
    const missing = 99_999_999;
    const hidden = [
      await t.api(other.token, 'GET', `/contacts/${c.id}/attachments`),
      await t.api(other.token, 'GET', `/attachments/${id}/download`),
      await t.api(other.token, 'DELETE', `/attachments/${id}`),
    ];
    const absent = [
      await t.api(other.token, 'GET', `/contacts/${missing}/attachments`),
      await t.api(other.token, 'GET', `/attachments/${missing}/download`),
      await t.api(other.token, 'DELETE', `/attachments/${missing}`),
    ];
    expect(hidden.map((r) => [r.status, r.body])).toEqual(absent.map((r) => [r.status, r.body]));
    expect(hidden[0].status).toBe(404);
    const intoHidden = await upload(other.token, `/contacts/${c.id}/attachments`, 'x.txt', Buffer.from('x'));
    const intoMissing = await upload(other.token, `/contacts/${missing}/attachments`, 'x.txt', Buffer.from('x'));
    expect([intoHidden.status, intoHidden.body]).toEqual([intoMissing.status, intoMissing.body]);
    expect(JSON.stringify(hidden.map((r) => r.body))).not.toContain('secret plan');

    const before = await stored();
    const ro = await upload(readonly.token, `/contacts/${c.id}/attachments`, 'x.txt', Buffer.from('x'));
    expect(ro.status).toBe(403);
    expect(await stored()).toEqual(before);
    // The read-only role sees the record (visibility all), so it may list and download, not delete.
    expect((await t.api(readonly.token, 'GET', `/contacts/${c.id}/attachments`)).body.data).toHaveLength(1);
    expect((await t.api(readonly.token, 'DELETE', `/attachments/${id}`)).status).toBe(403);
    expect((await t.api(owner.token, 'DELETE', `/attachments/${id}`)).status).toBe(204);
    expect((await t.api(owner.token, 'GET', `/attachments/${id}/download`)).status).toBe(404);
  });

  it('deletes a record\'s attachments with it; retention then removes files no attachment uses', async () => {
    const kept = await f.account();
    const gone = await f.account();
    const detached = await f.account();
    const k = await upload(t.adminToken, `/accounts/${kept.id}/attachments`, 'kept.txt', Buffer.from('kept'));
    const g = await upload(t.adminToken, `/accounts/${gone.id}/attachments`, 'gone.txt', Buffer.from('gone'));
    const d = await upload(t.adminToken, `/accounts/${detached.id}/attachments`, 'detached.txt', Buffer.from('detached'));
    expect((await t.api(t.adminToken, 'DELETE', `/accounts/${gone.id}`)).status).toBe(204);
    expect((await t.api(t.adminToken, 'DELETE', `/attachments/${d.body.data.id}`)).status).toBe(204);
    expect((await t.api(t.adminToken, 'GET', `/attachments/${g.body.data.id}/download`)).status).toBe(404);
    const fileOf = async (name: string) => (await t.database.db.selectFrom('files').select('id').where('name', '=', name).executeTakeFirst())?.id;
    expect(await fileOf('gone.txt')).toBeDefined();
    // Files older than a day that nothing uses go; the file of a live attachment stays however old.
    await t.database.db.updateTable('files').set({ created_at: new Date(Date.now() - 3 * 86400_000) }).where('name', 'in', ['kept.txt', 'gone.txt', 'detached.txt']).execute();
    await runRetention(t.database.db, { jobsDays: 30, eventsDays: 30, filesDays: 30 });
    expect(await fileOf('gone.txt')).toBeUndefined();
    expect(await fileOf('detached.txt')).toBeUndefined();
    expect(await fileOf('kept.txt')).toBeDefined();
    const dl = await t.api(t.adminToken, 'GET', `/attachments/${k.body.data.id}/download`);
    expect(dl.body).toBe('kept');
  });

  it('moves the attachments of merged duplicates to the surviving record', async () => {
    const p = await f.contact({ name: 'Merge Keeper', email: 'keep@attach.test' });
    const d = await f.contact({ name: 'Merge Keeper', email: 'keep2@attach.test' });
    const up = await upload(t.adminToken, `/contacts/${d.id}/attachments`, 'moved.txt', Buffer.from('moved'));
    const m = await t.api(t.adminToken, 'POST', '/contacts/merge', { primary_id: p.id, duplicate_ids: [d.id] });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    const list = await t.api(t.adminToken, 'GET', `/contacts/${p.id}/attachments`);
    expect(list.body.data.map((a: any) => a.id)).toEqual([up.body.data.id]);
  });
});
