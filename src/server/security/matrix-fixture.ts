import { expect } from 'vitest';
import type { TestApp } from '../db/test-helpers.ts';

/**
 * The data of the permission matrix: a user of every built-in role in each of two teams, each
 * owning an account, a contact and an activity full of unique marker strings, and field rules
 * hiding or freezing fields for some roles. `leaksFor` says which markers a viewer must never
 * receive; the test serialises whole answers and searches them.
 */
export const ROLES = ['admin', 'manager', 'sales', 'service', 'marketing', 'readonly'] as const;
export const TEAMS = ['East', 'West'] as const;
export type Role = (typeof ROLES)[number];
export const WRITERS: Role[] = ['admin', 'manager', 'sales', 'service', 'marketing'];
export const EXPORTERS: Role[] = ['admin', 'manager', 'sales', 'marketing'];

type Rules = Record<string, Record<string, 'hidden' | 'read'>>;
export const FIELD_RULES: Partial<Record<Role, Rules>> = {
  sales: { contacts: { credit_limit: 'hidden', notes: 'hidden', cf_secret: 'hidden' }, accounts: { credit_limit: 'hidden', notes: 'hidden' }, activities: { body: 'hidden' } },
  service: { contacts: { credit_limit: 'read', notes: 'hidden', cf_secret: 'hidden' }, accounts: { credit_limit: 'read', notes: 'hidden' } },
  marketing: { contacts: { credit_limit: 'hidden', cf_secret: 'hidden' }, accounts: { credit_limit: 'hidden' }, activities: { body: 'hidden' } },
  readonly: { contacts: { notes: 'hidden' }, accounts: { notes: 'hidden' } },
};

export interface Viewer {
  role: Role;
  team: (typeof TEAMS)[number];
  label: string;
  id: number;
  token: string;
}

export interface Owned {
  owner: Viewer;
  object: 'accounts' | 'contacts' | 'activities';
  id: number;
  /** The record's title: shows exactly where the record may be seen. */
  name: string;
  /** Marker per field (a money value as its text). */
  fields: Record<string, string>;
}

export interface Matrix {
  viewers: Viewer[];
  records: Owned[];
  viewId: number;
}

/** The shared view's hidden parts, by the field they belong to. */
export const VIEW_MARKERS: Record<string, string> = { notes: 'SECRET-view-N', credit_limit: '9999991' };

/** Two teams, and a user of every built-in role in each (the admin makes them). */
export async function makeViewers(t: TestApp): Promise<Viewer[]> {
  const teamIds: Record<string, number> = {};
  for (const team of TEAMS) teamIds[team] = (await t.api(t.adminToken, 'POST', '/teams', { name: team })).body.data.id;
  const viewers: Viewer[] = [];
  for (const role of ROLES) {
    for (const team of TEAMS) {
      const u = await t.userToken(role, { team_id: teamIds[team] });
      viewers.push({ role, team, label: `${role}-${team}`, ...u });
    }
  }
  return viewers;
}

export async function buildMatrix(t: TestApp): Promise<Matrix> {
  const api = (method: 'POST' | 'PATCH', url: string, body: unknown) => t.api(t.adminToken, method, url, body);
  expect((await api('POST', '/custom-fields', { object: 'contacts', key: 'secret', label: 'Secret', type: 'text' })).status).toBe(201);
  for (const [role, rules] of Object.entries(FIELD_RULES)) expect((await api('PATCH', `/roles/${role}`, { field_rules: rules })).status).toBe(200);
  const viewers = await makeViewers(t);
  const records: Owned[] = [];
  let n = 0;
  for (const v of viewers) {
    const money = (k: number) => 9_000_000 + ++n * 10 + k;
    const acc = { name: `REC-${v.label}-account`, credit_limit: money(1), notes: `SECRET-${v.label}-AN`, owner_id: v.id };
    const a = await api('POST', '/accounts', acc);
    expect(a.status).toBe(201);
    records.push({ owner: v, object: 'accounts', id: a.body.data.id, name: acc.name, fields: { credit_limit: String(acc.credit_limit), notes: acc.notes } });
    const con = { name: `REC-${v.label}-contact`, account_id: a.body.data.id, credit_limit: money(2), notes: `SECRET-${v.label}-CN`, cf_secret: `SECRET-${v.label}-CF`, owner_id: v.id };
    const c = await api('POST', '/contacts', con);
    expect(c.status).toBe(201);
    // A second version of the hidden fields, so the audit log holds old → new of each.
    const changed = { credit_limit: money(3), notes: `SECRET-${v.label}-CN2`, cf_secret: `SECRET-${v.label}-CF2` };
    expect((await api('PATCH', `/contacts/${c.body.data.id}`, changed)).status).toBe(200);
    records.push({
      owner: v, object: 'contacts', id: c.body.data.id, name: con.name,
      fields: { credit_limit: String(changed.credit_limit), notes: changed.notes, cf_secret: changed.cf_secret, credit_limit_old: String(con.credit_limit), notes_old: con.notes, cf_secret_old: con.cf_secret },
    });
  }
  // Each activity is about its owner's contact and the next user's account, and a second
  // contact works at that account, so refs, timelines, related lists and search cross owners.
  const accounts = records.filter((r) => r.object === 'accounts');
  for (const [i, v] of viewers.entries()) {
    const contact = records.find((r) => r.object === 'contacts' && r.owner === v)!;
    const account = accounts[(i + 1) % accounts.length]!;
    const act = { kind: 'call', subject: `REC-${v.label}-activity`, body: `SECRET-${v.label}-B`, contact_id: contact.id, account_id: account.id, owner_id: v.id };
    const r = await api('POST', '/activities', act);
    expect(r.status).toBe(201);
    records.push({ owner: v, object: 'activities', id: r.body.data.id, name: act.subject, fields: { body: act.body } });
    const other = { name: `REC-${v.label}-contact2`, account_id: account.id, owner_id: v.id, email: `rec-${v.label.toLowerCase()}@example.com` };
    const c2 = await api('POST', '/contacts', other);
    expect(c2.status).toBe(201);
    records.push({ owner: v, object: 'contacts', id: c2.body.data.id, name: other.name, fields: {} });
  }
  const view = await api('POST', '/views', {
    object: 'contacts', name: 'Shared matrix view', shared: true, sort: '-credit_limit', columns: ['name', 'notes', 'credit_limit', 'cf_secret'],
    filters: [{ field: 'notes', op: 'contains', value: VIEW_MARKERS.notes }, { field: 'credit_limit', op: 'gt', value: VIEW_MARKERS.credit_limit }],
  });
  expect(view.status).toBe(201);
  return { viewers, records, viewId: view.body.data.id };
}

/** Whether the viewer may see records owned by `owner` (built-in roles: all, team or own). */
export function sees(viewer: Viewer, owner: Viewer): boolean {
  if (['admin', 'marketing', 'readonly'].includes(viewer.role)) return true;
  if (viewer.role === 'manager') return owner.team === viewer.team;
  return owner.id === viewer.id;
}

export function hidden(role: Role, object: string, field: string): boolean {
  return FIELD_RULES[role]?.[object]?.[field.replace(/_old$/, '')] === 'hidden';
}

/** Everything the viewer must never receive: unreadable records whole, and hidden fields' values and names. */
export function leaksFor(viewer: Viewer, m: Matrix): string[] {
  const out = new Set<string>();
  for (const r of m.records) {
    const visible = sees(viewer, r.owner);
    if (!visible) out.add(r.name);
    for (const [f, marker] of Object.entries(r.fields)) if (!visible || hidden(viewer.role, r.object, f)) out.add(marker);
  }
  for (const [f, marker] of Object.entries(VIEW_MARKERS)) if (hidden(viewer.role, 'contacts', f)) out.add(marker);
  if (hidden(viewer.role, 'contacts', 'cf_secret')) out.add('cf_secret');
  if (hidden(viewer.role, 'contacts', 'credit_limit') && hidden(viewer.role, 'accounts', 'credit_limit')) out.add('credit_limit');
  return [...out];
}

/** The markers found in an answer (its whole body serialised). */
export function found(body: unknown, markers: string[]): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return markers.filter((x) => text.includes(x));
}
