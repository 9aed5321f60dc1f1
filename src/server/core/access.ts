import { sql, type RawBuilder } from 'kysely';
import type { RolePermissions, Visibility, FieldRule } from '../db/schema.ts';
import { forbidden } from '../http/errors.ts';
import { RECORD_ACTIONS, type RecordAction } from '../../shared/objects.ts';
import { findObject } from '../records/registry.ts';

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

/**
 * Who stored rules run as (assignment rules, territory rules): the system, an administrator
 * without field rules, seeing every record and field. A rule is checked against its author's
 * rights when saved; when it runs no user is asking, so whoever writes the record must not
 * change which rule matches.
 */
export const SYSTEM_ACTOR: Actor = { id: 0, email: '', name: 'system', role: 'admin', team_id: null, locale: 'en', permissions: DEFAULT_ROLES.admin!.permissions };

export function visibilityOf(actor: Actor, object: string): Visibility {
  const v = actor.permissions.visibility ?? {};
  return v[object] ?? v[ALL_OBJECTS] ?? 'own';
}

export function can(actor: Actor, capability: keyof NonNullable<RolePermissions['can']>): boolean {
  return Boolean(actor.permissions.can?.[capability]);
}

export function requireCan(actor: Actor, capability: keyof NonNullable<RolePermissions['can']>): void {
  if (!can(actor, capability)) throw forbidden(`Your role may not ${capability === 'admin' ? 'administer Guanxi' : capability}`, { action: capability });
}

export function fieldRule(actor: Actor, object: string, field: string): FieldRule | undefined {
  return actor.permissions.field_rules?.[object]?.[field];
}

/** A role's rules on an object with each derived field (StandardField.ruleOf) given its source's rule, when the source has one. */
export function followSourceRules<R extends string>(object: string, rules: Record<string, R>): Record<string, R> {
  const out = { ...rules };
  for (const f of findObject(object)?.fields ?? []) if (f.ruleOf && rules[f.ruleOf] !== undefined) out[f.key] = rules[f.ruleOf]!;
  return out;
}

export function canReadField(actor: Actor, object: string, field: string): boolean {
  return fieldRule(actor, object, field) !== 'hidden';
}

/** A field is writable without a field rule and when the role may create or update the object's records. */
export function canWriteField(actor: Actor, object: string, field: string): boolean {
  if (fieldRule(actor, object, field) !== undefined) return false;
  const def = findObject(object) ?? { name: object };
  return canDo(actor, def, 'create') || canDo(actor, def, 'update');
}

/**
 * The SQL condition restricting an object's rows to what the actor may see, given the
 * column holding the owner. Team visibility covers the members of the actor's team and of
 * every team the actor manages. `inline` writes the actor's ids as literals (integers from
 * the database) so a select list using it can be compiled once per actor and cached.
 */
export function visibilityCondition(actor: Actor, object: string, ownerColumn: RawBuilder<unknown> | undefined, opts: { inline?: boolean } = {}): RawBuilder<boolean> {
  if (!ownerColumn) return sql<boolean>`true`;
  const v = visibilityOf(actor, object);
  if (v === 'all') return sql<boolean>`true`;
  if (v === 'none') return sql<boolean>`false`;
  const num = (n: number) => (opts.inline ? sql.lit(Math.trunc(n)) : sql`${n}`);
  if (v === 'own') return sql<boolean>`${ownerColumn} = ${num(actor.id)}`;
  return sql<boolean>`(${ownerColumn} = ${num(actor.id)} OR ${ownerColumn} IN (
    SELECT u.id FROM users u WHERE u.team_id = ${num(actor.team_id ?? -1)}
       OR u.team_id IN (SELECT t.id FROM teams t WHERE t.manager_id = ${num(actor.id)})))`;
}

/**
 * More rows an own/team actor sees of an object, beside its own and its team's: a module adds
 * an OR-condition (territory managers see their territories' accounts). It is given the actor,
 * the alias of the object's table in the query, and how to write the actor's numbers (inline
 * literals for cached select lists). Registered at import of the module's files; keyed by
 * module, so a second load replaces rather than doubles it.
 */
export type VisibilityExtension = (actor: Actor, alias: string, num: (n: number) => RawBuilder<unknown>) => RawBuilder<boolean>;

const visibilityExtensions = new Map<string, Map<string, VisibilityExtension>>();

export function registerVisibilityExtension(object: string, key: string, ext: VisibilityExtension): void {
  const byKey = visibilityExtensions.get(object) ?? new Map<string, VisibilityExtension>();
  byKey.set(key, ext);
  visibilityExtensions.set(object, byKey);
}

/**
 * The rows of an object (its table as `alias`) the actor may see: the owner rule of
 * visibilityCondition, OR any registered extension (for own and team visibility only: 'all'
 * sees everything already, 'none' nothing). Every read path of records uses this, so an
 * extension widens list, read, search, export, refs, timelines, boards and totals at once.
 */
export function recordVisibility(actor: Actor, def: { name: string; ownerField?: string }, alias: string, opts: { inline?: boolean } = {}): RawBuilder<boolean> {
  const base = visibilityCondition(actor, def.name, def.ownerField ? sql.ref(`${alias}.${def.ownerField}`) : undefined, opts);
  const v = visibilityOf(actor, def.name);
  const extra = visibilityExtensions.get(def.name);
  if (!def.ownerField || !extra?.size || (v !== 'own' && v !== 'team')) return base;
  const num = (n: number) => (opts.inline ? sql.lit(Math.trunc(n)) : sql`${n}`);
  return sql<boolean>`(${sql.join([base, ...[...extra.values()].map((e) => e(actor, alias, num))], sql` OR `)})`;
}

/** The part of an object definition the policy reads (records/types.ts ObjectDef). */
interface PolicySource {
  name: string;
  policy?: Partial<Record<RecordAction, readonly string[]>>;
}

const CAPABILITY: Partial<Record<RecordAction, keyof NonNullable<RolePermissions['can']>>> = {
  create: 'write', update: 'write', delete: 'delete', import: 'import', export: 'export',
};

/**
 * May the actor do `action` on the object's records? In order: the role's own setting for the
 * object (roles.permissions.objects, set by an administrator), the object's default policy
 * (built-in role keys), then the role's coarse capability (list/read: any visibility but none).
 * Record-level visibility and field rules still apply on top.
 */
export function canDo(actor: Actor, def: PolicySource, action: RecordAction): boolean {
  const own = actor.permissions.objects?.[def.name]?.[action];
  if (typeof own === 'boolean') return own;
  const roles = def.policy?.[action];
  if (roles) return roles.includes(actor.role);
  const cap = CAPABILITY[action];
  if (cap) return can(actor, cap);
  return visibilityOf(actor, def.name) !== 'none';
}

/** Every action at once, for the object's descriptor. */
export function actionsFor(actor: Actor, def: PolicySource): Record<RecordAction, boolean> {
  return Object.fromEntries(RECORD_ACTIONS.map((a) => [a, canDo(actor, def, a)])) as Record<RecordAction, boolean>;
}

/** canDo or 403 `forbidden`, before anything is read or written. */
export function requireDo(actor: Actor, def: PolicySource, action: RecordAction): void {
  if (!canDo(actor, def, action)) throw forbidden(`Your role may not ${action} ${def.name}`, { action, object: def.name });
}

/**
 * The delete right on one row: the `delete` action deletes any record the actor sees; without
 * it a role that may update deletes its own records only — unless delete is decided for the
 * role by name (an administrator's setting, or the object's policy listing the roles that delete).
 */
export function mayDeleteRow(actor: Actor, def: PolicySource & { ownerField?: string }, row: Record<string, unknown>): boolean {
  if (deleteDecided(actor, def)) return canDo(actor, def, 'delete');
  if (canDo(actor, def, 'delete')) return true;
  return canDo(actor, def, 'update') && (!def.ownerField || row[def.ownerField] === actor.id);
}

/** Whether the actor may delete any record of the object at all (checked before rows are read). */
export function requireSomeDelete(actor: Actor, def: PolicySource & { ownerField?: string }): void {
  const allowed = deleteDecided(actor, def) ? canDo(actor, def, 'delete') : canDo(actor, def, 'delete') || canDo(actor, def, 'update');
  if (!allowed) throw forbidden(`Your role may not delete ${def.name}`, { action: 'delete', object: def.name });
}

/** Delete is decided for this role by name (its own setting, or the object's policy listing roles): no own-records fallback. */
function deleteDecided(actor: Actor, def: PolicySource): boolean {
  return typeof actor.permissions.objects?.[def.name]?.delete === 'boolean' || Boolean(def.policy?.delete);
}
