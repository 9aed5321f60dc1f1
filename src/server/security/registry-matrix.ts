import { resourcePath } from '../../shared/resource-path.ts';
import { expect } from 'vitest';
import type { TestApp } from '../db/test-helpers.ts';
import { hiddenFieldOf, linkOrder, marker, sampleRecord } from '../db/record-samples.ts';
import { DEFAULT_ROLES, canDo, mayDeleteRow, type Actor } from '../core/access.ts';
import type { RecordAction } from '../../shared/objects.ts';
import type { ObjectDef } from '../records/types.ts';
import { makeViewers, sees, type Role, type Viewer } from './matrix-fixture.ts';

/**
 * The data of the generated permission matrix: for every registered object, one record owned
 * by each user of makeViewers() (every built-in role in two teams), generated from the
 * object's definition (db/record-samples.ts), its links pointing at the next user's records
 * so refs, related lists and timelines cross owners. One field per object (hiddenFieldOf) is
 * hidden from HIDING_ROLES, and a shared view filters on it.
 */
export const HIDING_ROLES: readonly Role[] = ['sales', 'marketing', 'readonly'];

export interface MadeRecord {
  def: ObjectDef;
  id: number;
  owner: Viewer;
  title: string;
  /** field → its value's text in answers. */
  markers: Record<string, string>;
}

export interface RegistryMatrix {
  defs: ObjectDef[];
  viewers: Viewer[];
  records: MadeRecord[];
  /** object → the marker its shared view filters the hidden field by. */
  viewMarkers: Record<string, string>;
}

export function hiddenFor(role: Role, def: ObjectDef): string | undefined {
  return HIDING_ROLES.includes(role) ? hiddenFieldOf(def)?.key : undefined;
}

/** Whether the viewer may see the record (objects without an owner field: everyone). */
export function canSee(v: Viewer, r: MadeRecord): boolean {
  return !r.def.ownerField || sees(v, r.owner);
}

/** The actor the access rules see for a viewer of a built-in role. */
export function actorOf(v: Viewer): Actor {
  return { id: v.id, email: '', name: v.label, role: v.role, team_id: null, locale: 'en', permissions: DEFAULT_ROLES[v.role]!.permissions };
}

/**
 * What the test expects of an action: the object's policy (core/access.ts canDo, the one
 * table), and for delete the row rule beside it (mayDeleteRow: without the delete action a writer
 * deletes its own records, unless delete is decided for the role by name): `own` says the probed
 * record is the viewer's.
 */
export function allowed(v: Viewer, def: ObjectDef, action: RecordAction, own = false): boolean {
  const actor = actorOf(v);
  if (action === 'delete') return mayDeleteRow(actor, def, own && def.ownerField ? { [def.ownerField]: actor.id } : {});
  return canDo(actor, def, action);
}

export async function buildRegistryMatrix(t: TestApp, defs: ObjectDef[]): Promise<RegistryMatrix> {
  const admin = (method: 'POST' | 'PATCH', url: string, body: unknown) => t.api(t.adminToken, method, url, body);
  for (const role of HIDING_ROLES) {
    const rules = Object.fromEntries(defs.flatMap((d) => (hiddenFieldOf(d) ? [[d.name, { [hiddenFieldOf(d)!.key]: 'hidden' }]] : [])));
    expect((await admin('PATCH', `/roles/${role}`, { field_rules: rules })).status).toBe(200);
  }
  const viewers = await makeViewers(t);
  const records: MadeRecord[] = [];
  let n = 0;
  for (const def of linkOrder(defs)) {
    for (const [i, owner] of viewers.entries()) {
      const next = viewers[(i + 1) % viewers.length]!;
      const link = (target: string) => records.find((r) => r.def.name === target && r.owner === (target === def.name ? viewers[i - 1] : next))?.id;
      const sample = sampleRecord(def, { n: ++n, ownerId: def.ownerField ? owner.id : undefined, link });
      const res = await admin('POST', `/${resourcePath(def.name)}`, sample.values);
      expect(res.status, `${def.name}: ${JSON.stringify(res.body)}`).toBe(201);
      records.push({ def, id: res.body.data.id, owner, title: sample.markers[def.titleField]!, markers: sample.markers });
    }
  }
  const viewMarkers: Record<string, string> = {};
  for (const [k, def] of defs.entries()) {
    const hidden = hiddenFieldOf(def);
    if (!hidden) continue;
    viewMarkers[def.name] = marker(9000 + k, 0);
    const view = await admin('POST', '/views', { object: def.name, name: `Matrix ${def.name}`, shared: true, filters: [{ field: hidden.key, op: 'contains', value: viewMarkers[def.name] }] });
    expect(view.status, JSON.stringify(view.body)).toBe(201);
  }
  return { defs, viewers, records, viewMarkers };
}

/** Everything the viewer must never receive: records it may not see whole, and hidden fields' values. */
export function leaksFor(v: Viewer, m: RegistryMatrix): string[] {
  const out: string[] = [];
  for (const r of m.records) {
    const hidden = hiddenFor(v.role, r.def);
    for (const [field, text] of Object.entries(r.markers)) if (!canSee(v, r) || field === hidden) out.push(text);
  }
  for (const def of m.defs) if (hiddenFor(v.role, def) && m.viewMarkers[def.name]) out.push(m.viewMarkers[def.name]!);
  return out;
}

/** The markers of the record's fields the viewer may read. */
export function readable(v: Viewer, r: MadeRecord): string[] {
  const hidden = hiddenFor(v.role, r.def);
  return Object.entries(r.markers).filter(([f]) => f !== hidden).map(([, x]) => x);
}
