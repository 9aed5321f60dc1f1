import { expect } from 'vitest';
import type { TestApp } from '../../db/test-helpers.ts';
import { multipartBody } from '../../db/multipart.ts';
import { parse as parseCsv } from 'csv-parse/sync';

// Shared by the import tests: upload a file as a user, run it to the end, read its reports.

/** Posts a file to /imports as a user (form fields beside it); answers status and body, whatever they are. */
export async function postUpload(t: TestApp, token: string, name: string, data: Buffer | string, fields: Record<string, string> = {}) {
  const body = await multipartBody({ object: 'contacts', ...fields }, { name, data });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...body.headers, authorization: `Bearer ${token}` }, payload: body.payload });
  return { status: res.statusCode, body: res.json() };
}

export async function uploadAs(t: TestApp, token: string, name: string, data: Buffer | string, object = 'contacts') {
  const res = await postUpload(t, token, name, data, { object });
  expect(res.status).toBe(201);
  return res.body.data as { id: number; headers: string[]; suggested_mapping: Record<string, string | null> };
}

/** Uploads and runs a file with its suggested mapping (or `mapping`); answers the finished import. */
export async function importAs(t: TestApp, token: string, csv: string, mode: 'skip' | 'update' | 'create', object = 'contacts', mapping?: Record<string, string | null>) {
  const up = await uploadAs(t, token, 'file.csv', csv, object);
  const start = await t.api(token, 'POST', `/imports/${up.id}/start`, { mapping: mapping ?? up.suggested_mapping, duplicate_mode: mode });
  expect(start.status).toBe(202);
  await t.app.jobs.drain();
  const done = (await t.api(token, 'GET', `/imports/${up.id}`)).body.data;
  expect(done.status).toBe('done');
  return done as { id: number; created: number; updated: number; skipped: number; failed: number; processed_rows: number };
}

/** A CSV report of an import (errors.csv as [line, reason], skipped.csv) as rows of cells, without its header. */
export async function report(t: TestApp, token: string, id: number, name: 'errors' | 'skipped'): Promise<string[][]> {
  const r = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}/${name}.csv`, headers: { authorization: `Bearer ${token}` } });
  expect(r.statusCode).toBe(200);
  const rows = csvRows(r.body).slice(1);
  // errors.csv holds the file's own columns, then the reason and the line: answered as [line, reason].
  return name === 'errors' ? rows.map((row) => [row.at(-1)!, row.at(-2)!]) : rows;
}

/** The counts of a finished import, which always add up to its data rows. */
export function counts(done: { created: number; updated: number; skipped: number; failed: number }) {
  return { created: done.created, updated: done.updated, skipped: done.skipped, failed: done.failed };
}

/** A CSV answer (BOM, quoted cells) as rows of cells, read by the same parser as the importer. */
export function csvRows(text: string): string[][] {
  return parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
}
