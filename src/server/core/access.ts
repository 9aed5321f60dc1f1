import { sql, type RawBuilder } from 'kysely';
import type { RolePermissions, Visibility, FieldRule } from '../db/schema.ts';
import { forbidden } from '../http/errors.ts';

/** Who is calling: resolved once per request by the auth layer. */
export interface Actor {
  id: number;
  email: string;
  name: string;
  role: string;
  team_id: number | null;
  locale: string;
  permissions: RolePermissions;
}

const ALL_OBJECTS = '*';

/** Built-in roles (editable by an admin through /roles). */
export const DEFAULT_ROLES: Record<string, { name: string; permissions: RolePermissions }> = {
  admin: { name: 'Administrator', permissions: { visibility: { [ALL_OBJECTS]: 'all' }, can: { admin: true, write: true, import: true, export: true, delete: true } } },
  manager: { name: 'Sales manager', permissions: { visibility: { [ALL_OBJECTS]: 'team' }, can: { write: true, import: true, export: true, delete: true } } },
  sales: { name: 'Sales rep', permissions: { visibility: { [ALL_OBJECTS]: 'own' }, can: { write: true, export: true } } },
  service: { name: 'Service agent', permissions: { visibility: { [ALL_OBJECTS]: 'own' }, can: { write: true } } },
  marketing: { name: 'Marketing', permissions: { visibility: { [ALL_OBJECTS]: 'all' }, can: { write: true, import: true, export: true } } },
  readonly: { name: 'Read-only', permissions: { visibility: { [ALL_OBJECTS]: 'all' }, can: {} } },
};

export function visibilityOf(actor: Actor, object: string): Visibility {
  const v = actor.permissions.visibility ?? {};
  return v[object] ?? v[ALL_OBJECTS] ?? 'own';
}

export function can(actor: Actor, capability: keyof NonNullable<RolePermissions['can']>): boolean {
  return Boolean(actor.permissions.can?.[capability]);
}

export function requireCan(actor: Actor, capability: keyof NonNullable<RolePermissions['can']>): void {
  if (!can(actor, capability)) throw forbidden(`Your role may not ${capability === 'admin' ? 'administer Guanxi' : capability}`);
}

export function fieldRule(actor: Actor, object: string, field: string): FieldRule | undefined {
  return actor.permissions.field_rules?.[object]?.[field];
}

export function canReadField(actor: Actor, object: string, field: string): boolean {
  return fieldRule(actor, object, field) !== 'hidden';
}

export function canWriteField(actor: Actor, object: string, field: string): boolean {
  return fieldRule(actor, object, field) === undefined && can(actor, 'write');
}

/**
 * The SQL condition restricting an object's rows to what the actor may see, given the
 * column holding the owner. Team visibility covers the members of the actor's team and of
 * every team the actor manages.
 */
export function visibilityCondition(actor: Actor, object: string, ownerColumn: RawBuilder<unknown> | undefined): RawBuilder<boolean> {
  if (!ownerColumn) return sql<boolean>`true`;
  const v = visibilityOf(actor, object);
  if (v === 'all') return sql<boolean>`true`;
  if (v === 'none') return sql<boolean>`false`;
  if (v === 'own') return sql<boolean>`${ownerColumn} = ${actor.id}`;
  return sql<boolean>`(${ownerColumn} = ${actor.id} OR ${ownerColumn} IN (
    SELECT u.id FROM users u WHERE u.team_id = ${actor.team_id ?? -1}
       OR u.team_id IN (SELECT t.id FROM teams t WHERE t.manager_id = ${actor.id})))`;
}

/** Removes the fields the actor may not read from a record answer. */
export function redact(actor: Actor, object: string, record: Record<string, unknown>): Record<string, unknown> {
  const rules = actor.permissions.field_rules?.[object];
  if (!rules) return record;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (rules[k] !== 'hidden') out[k] = v;
  if (out.refs && typeof out.refs === 'object') {
    out.refs = Object.fromEntries(Object.entries(out.refs as object).filter(([k]) => rules[k] !== 'hidden'));
  }
  return out;
}
