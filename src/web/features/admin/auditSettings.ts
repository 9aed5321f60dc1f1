import type { TFunction } from 'i18next';
import { roleLabel } from '../../fields/roleLabel.ts';

// The audit log's words for what is not a record object (users, teams, roles, settings, API keys,
// exchange rates, number sequences): those have no descriptor to take labels from, so their keys
// are labelled here (i18n `links.auditFields`) and their values read as people say them.

/** Names of people and teams, and the languages, the values refer to. */
export interface SettingsNames { users: Map<number, string>; teams: Map<number, string>; languages: Map<string, string> }

function humanize(key: string): string {
  const s = key.replace(/_id$/, '').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A key of a settings object's audit entry in the user's language. */
export function settingsFieldLabel(t: TFunction, key: string): string {
  return t(`links.auditFields.${key}`, { defaultValue: humanize(key) });
}

/** A stored value of a settings object as a person reads it (null when there is no special reading). */
export function settingsValue(t: TFunction, key: string, v: unknown, names: SettingsNames): string | null {
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (key === 'role' && typeof v === 'string') return roleLabel(t, v);
  if ((key === 'manager_id' || key === 'user_id') && typeof v === 'number') return names.users.get(v) ?? `#${v}`;
  if (key === 'team_id' && typeof v === 'number') return names.teams.get(v) ?? `#${v}`;
  if (key === 'locale' && typeof v === 'string') return names.languages.get(v) ?? v;
  if (key === 'fields' && Array.isArray(v)) return v.map((k) => settingsFieldLabel(t, String(k))).join(', ');
  if (key === 'via' && typeof v === 'string') return t(`links.auditValues.${v}`, { defaultValue: v });
  if (key === 'password') return t('links.auditValues.changed');
  return null;
}

/** One changed permission: its path (section, object, field or action) and old → new. */
export interface PermissionChange { path: string[]; before: unknown; after: unknown }

function leaves(v: unknown, path: string[], out: Map<string, { path: string[]; value: unknown }>): void {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) leaves(x, [...path, k], out);
  } else if (path.length) out.set(JSON.stringify(path), { path, value: v });
}

/** What a role update changed, leaf by leaf (a rule added, removed or changed), in a stable order. */
export function permissionChanges(before: unknown, after: unknown): PermissionChange[] {
  const a = new Map<string, { path: string[]; value: unknown }>();
  const b = new Map<string, { path: string[]; value: unknown }>();
  leaves(before, [], a);
  leaves(after, [], b);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys
    .filter((k) => JSON.stringify(a.get(k)?.value ?? null) !== JSON.stringify(b.get(k)?.value ?? null))
    .map((k) => ({ path: (a.get(k) ?? b.get(k))!.path, before: a.get(k)?.value ?? null, after: b.get(k)?.value ?? null }));
}

/** A permission value (visibility, field rule, allowed or not) in the user's language. */
export function permissionValue(t: TFunction, v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  return t(`links.auditValues.${String(v)}`, { defaultValue: String(v) });
}
