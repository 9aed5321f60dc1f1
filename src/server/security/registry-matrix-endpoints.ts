import { resourcePath } from '../../shared/resource-path.ts';
import { expect } from 'vitest';
import { Decimal } from 'decimal.js';
import type { TestApp } from '../db/test-helpers.ts';
import { hiddenFieldOf } from '../db/record-samples.ts';
import { multipartBody } from '../db/multipart.ts';
import type { ObjectDef } from '../records/types.ts';
import { HIDING_ROLES, canSee, type MadeRecord, type RegistryMatrix } from './registry-matrix.ts';
import type { Viewer } from './matrix-fixture.ts';

/**
 * The data the generated matrix of issue 12's endpoints adds to the registry matrix: a distinct
 * amount in every money field of every record, the last money field of each object hidden from
 * HIDING_ROLES (besides the free-text field the matrix hides), and one attachment, named with a
 * marker, on every record of an object declaring `attachments`.
 */
export interface EndpointFixture {
  /** `${object}:${recordId}:${field}` → the amount written. */
  amounts: Map<string, string>;
  /** `${object}:${recordId}` → its attachment (id and name). */
  attachments: Map<string, { id: number; name: string }>;
}

export const attachmentKey = (r: MadeRecord) => `${r.def.name}:${r.id}`;
export const moneyFields = (def: ObjectDef) => def.fields.filter((f) => f.type === 'money' && !f.system).map((f) => f.key);
export const hiddenMoneyOf = (def: ObjectDef) => moneyFields(def).at(-1);
export const hidesMoney = (v: Viewer, def: ObjectDef, field: string) => HIDING_ROLES.includes(v.role) && hiddenMoneyOf(def) === field;

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 7)]);

export async function upload(t: TestApp, token: string, object: string, id: number, name: string) {
  const body = await multipartBody({}, { name, data: PDF });
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/${resourcePath(object)}/${id}/attachments`, headers: { ...body.headers, authorization: `Bearer ${token}` }, payload: body.payload });
  return { status: res.statusCode, body: res.json() as any };
}

export async function buildEndpointFixture(t: TestApp, m: RegistryMatrix): Promise<EndpointFixture> {
  for (const role of HIDING_ROLES) {
    const rules: Record<string, Record<string, 'hidden'>> = {};
    for (const d of m.defs) {
      const hide = [hiddenFieldOf(d)?.key, hiddenMoneyOf(d)].filter((k): k is string => !!k);
      if (hide.length) rules[d.name] = Object.fromEntries(hide.map((k) => [k, 'hidden']));
    }
    expect((await t.api(t.adminToken, 'PATCH', `/roles/${role}`, { field_rules: rules })).status).toBe(200);
  }
  const amounts = new Map<string, string>();
  const attachments = new Map<string, { id: number; name: string }>();
  for (const [k, r] of m.records.entries()) {
    const money = Object.fromEntries(moneyFields(r.def).map((f, j) => [f, `${1000 + k * 10 + j}.${String((k * 7 + j) % 100).padStart(2, '0')}`]));
    if (Object.keys(money).length) {
      const res = await t.api(t.adminToken, 'PATCH', `/${resourcePath(r.def.name)}/${r.id}`, money);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      for (const [f, v] of Object.entries(money)) amounts.set(`${r.def.name}:${r.id}:${f}`, v);
    }
    if (r.def.attachments) {
      const name = `ATT${String(k).padStart(4, '0')}X.pdf`;
      const res = await upload(t, t.adminToken, r.def.name, r.id, name);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      attachments.set(attachmentKey(r), { id: res.body.data.id, name });
    }
  }
  return { amounts, attachments };
}

/** The exact sum of a money field over the records the viewer may see (what totals and board sums must say). */
export function visibleSum(v: Viewer, records: MadeRecord[], fx: EndpointFixture, field: string): string {
  return records.filter((r) => canSee(v, r)).reduce((s, r) => s.plus(fx.amounts.get(`${r.def.name}:${r.id}:${field}`) ?? 0), new Decimal(0)).toFixed(2);
}

/** Attachment names the viewer must never receive. */
export function hiddenAttachments(v: Viewer, m: RegistryMatrix, fx: EndpointFixture): string[] {
  return m.records.filter((r) => !canSee(v, r) && fx.attachments.has(attachmentKey(r))).map((r) => fx.attachments.get(attachmentKey(r))!.name);
}
