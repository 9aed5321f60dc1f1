import { expect } from 'vitest';
import type { TestApp } from '../../db/test-helpers.ts';
import { postUpload } from './import-test-helpers.ts';

/** Test support for import tests: upload a file, run it to the end, read its report. */
export function importKit(t: TestApp) {
  const upload = (name: string, data: Buffer | string, fields: Record<string, string> = {}) => postUpload(t, t.adminToken, name, data, fields);
  async function run(id: number, mapping: Record<string, string | null>, duplicate_mode = 'create') {
    const start = await t.api(t.adminToken, 'POST', `/imports/${id}/start`, { mapping, duplicate_mode });
    expect(start.status).toBe(202);
    await t.app.jobs.drain();
    const imp = (await t.api(t.adminToken, 'GET', `/imports/${id}`)).body.data;
    const report = (await t.api(t.adminToken, 'GET', `/imports/${id}/report`)).body.data;
    return { imp, ...report } as { imp: Record<string, any>; errors: { line: number; reason: string }[]; warnings: { line: number; field: string; reason: string }[] };
  }
  /** Uploads and imports with the suggested mapping. */
  async function importFile(name: string, data: Buffer | string, fields: Record<string, string> = {}) {
    const up = await upload(name, data, fields);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    return { upload: up.body.data, ...(await run(up.body.data.id, up.body.data.suggested_mapping)) };
  }
  async function contact(filter: string) {
    return (await t.api(t.adminToken, 'GET', `/contacts?${filter}`)).body.data[0];
  }
  async function stored() {
    const files = await t.database.db.selectFrom('files').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const imports = await t.database.db.selectFrom('imports').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return { files: Number(files.n), imports: Number(imports.n) };
  }
  return { upload, run, importFile, contact, stored };
}
