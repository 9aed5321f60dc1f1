import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ConditionGroup, FieldCondition, RelatedCondition } from '../../shared/contracts/conditions.ts';
import { OPS_BY_TYPE } from '../../shared/condition-ops.ts';
import { AppError, type FieldIssue } from '../http/errors.ts';
import { canDo, recordVisibility, type Actor } from '../core/access.ts';
import { ID_FIELD, visibleFields, type ResolvedField } from './fields.ts';
import { fieldExpr, filterCondition } from './query.ts';
import { findObject } from './registry.ts';
import { conditionError, parseConditionTree, relatedObjects } from './condition-shape.ts';
import type { ObjectDef } from './types.ts';

// The condition compiler (issue 12, piece 8): one tree (shared/contracts/conditions.ts) to one
// parameterised SQL condition, through the same clause compiler as flat `filter[...]`
// parameters (query.ts filterCondition). Saved views, segments, SLA policies, assignment and
// workflow rules store a tree and run it here.
//
// Security: a tree is compiled for an actor. A field the actor may not read is refused exactly
// like one that does not exist, an object the actor may not list like an unknown object, and a
// related condition only ever counts related rows the actor may see (their visibility is part of
// the subquery), so nobody learns a hidden value or record by filtering on it. The visibility of
// the tree's own object is the caller's query's (the list applies it); conditionSql adds none.

export interface ConditionOptions {
  /** The alias of the object's table in the caller's query (default: the table name). */
  alias?: string;
  /** The moment relative dates (`today-90d`) resolve against (default: now). */
  now?: Date;
}

const AGGREGATE_OPS = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
const INTEGER = /^\d{1,9}$/;
const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

interface Ctx {
  actor: Actor;
  now: Date;
  /** Readable fields of every object the tree may touch (objects the actor may list). */
  fields: Map<string, ResolvedField[]>;
  issues: FieldIssue[];
  /** Related subqueries get aliases cond_1, cond_2… in tree order: the same tree gives the same text. */
  seq: number;
}

const TRUE = sql<boolean>`true`;
const FALSE = sql<boolean>`false`;

function field(ctx: Ctx, object: string, key: string): ResolvedField | undefined {
  return key === 'id' ? ID_FIELD : ctx.fields.get(object)?.find((f) => f.key === key);
}

function fieldLeaf(ctx: Ctx, object: string, alias: string, c: FieldCondition, path: string): RawBuilder<boolean> {
  const f = field(ctx, object, c.field);
  const issue = (where: string, message: string, code: string) => (ctx.issues.push({ field: `${path}.${where}`, message, code }), FALSE);
  // Hidden and missing answer alike: the same words, the same code.
  if (!f) return issue('field', `Unknown field ${c.field}`, 'unknown_field');
  if (!f.filterable) return issue('field', `Cannot filter by ${c.field}`, 'not_filterable');
  if (!OPS_BY_TYPE[f.type].includes(c.op)) return issue('op', `Operator ${c.op} does not apply to ${c.field}`, 'operator_not_applicable');
  if (c.op === 'empty' && c.value !== 'true' && c.value !== 'false') return issue('value', 'empty takes true or false', 'invalid_filter_value');
  try {
    return filterCondition(alias, f, c, ctx.actor, ctx.now);
  } catch (e) {
    if (!(e instanceof AppError) || !Array.isArray(e.details)) throw e;
    for (const d of e.details) ctx.issues.push({ field: `${path}.value`, message: d.message, code: d.code });
    return FALSE;
  }
}

function relatedLeaf(ctx: Ctx, object: string, alias: string, c: RelatedCondition, path: string): RawBuilder<boolean> {
  const issue = (where: string, message: string, code: string) => (ctx.issues.push({ field: `${path}.${where}`, message, code }), FALSE);
  const rel = findObject(c.object);
  // An object the actor may not list answers like one that does not exist.
  if (!rel || !ctx.fields.has(rel.name)) return issue('object', `Unknown object ${c.object}`, 'unknown_object');
  const via = field(ctx, rel.name, c.via);
  if (!via || via.type !== 'link' || via.link !== object) return issue('via', `${c.object} has no link field ${c.via} to ${object}`, 'unknown_link');
  const quantifier = c.quantifier ?? 'exists';
  const a = `cond_${++ctx.seq}`;
  const where = groupSql(ctx, rel.name, a, c.where, `${path}.where`);
  const vis = recordVisibility(ctx.actor, rel, a);
  const from = sql`FROM ${sql.table(rel.name)} AS ${sql.ref(a)} WHERE ${fieldExpr(a, via)} = ${sql.ref(`${alias}.id`)} AND ${vis} AND ${where}`;
  if (quantifier === 'exists' || quantifier === 'none') {
    if (c.op !== undefined || c.value !== undefined || c.field !== undefined) return issue('quantifier', `${quantifier} takes no field, op or value`, 'invalid_aggregate');
    return quantifier === 'exists' ? sql<boolean>`EXISTS (SELECT 1 ${from})` : sql<boolean>`NOT EXISTS (SELECT 1 ${from})`;
  }
  if (!c.op || c.value === undefined) return issue('op', `${quantifier} needs op and value`, 'invalid_aggregate');
  const op = sql.raw(AGGREGATE_OPS[c.op]);
  if (quantifier === 'count') {
    if (c.field !== undefined) return issue('field', 'count takes no field', 'invalid_aggregate');
    if (!INTEGER.test(c.value)) return issue('value', 'count compares with a whole number', 'invalid_filter_value');
    return sql<boolean>`(SELECT count(*) ${from}) ${op} ${Number(c.value)}`;
  }
  const summed = c.field ? field(ctx, rel.name, c.field) : undefined;
  if (!summed) return issue('field', `Unknown field ${c.field ?? ''}`, 'unknown_field');
  if (summed.type !== 'number' && summed.type !== 'money') return issue('field', `${c.field} is not a number or amount`, 'invalid_aggregate');
  if (!DECIMAL.test(c.value)) return issue('value', 'sum compares with a number', 'invalid_filter_value');
  // Amounts are summed as stored (no currency conversion): compare like with like.
  return sql<boolean>`(SELECT coalesce(sum(${fieldExpr(a, summed)}), 0) ${from}) ${op} CAST(${c.value} AS numeric)`;
}

function groupSql(ctx: Ctx, object: string, alias: string, g: ConditionGroup, path: string): RawBuilder<boolean> {
  const parts = g.conditions.map((c, i) => {
    const p = path ? `${path}.conditions[${i}]` : `conditions[${i}]`;
    if (c.kind === 'group') return groupSql(ctx, object, alias, c, p);
    if (c.kind === 'related') return relatedLeaf(ctx, object, alias, c, p);
    return fieldLeaf(ctx, object, alias, c, p);
  });
  // An empty group matches every row, whatever its match: "no conditions yet" filters nothing.
  const body = parts.length === 0 ? TRUE : sql<boolean>`(${sql.join(parts, sql.raw(g.match === 'all' ? ' AND ' : ' OR '))})`;
  // NULL (an unknown comparison) counts as not matching, so NOT of a group is exactly its complement.
  return g.negate ? sql<boolean>`NOT coalesce(${body}, false)` : body;
}

/** The readable fields of the object and of each related object the actor may list. */
async function readableFields(db: Kysely<DB>, def: ObjectDef, tree: ConditionGroup, actor: Actor): Promise<Map<string, ResolvedField[]>> {
  const out = new Map<string, ResolvedField[]>([[def.name, await visibleFields(db, def, actor)]]);
  for (const name of relatedObjects(tree)) {
    const rel = findObject(name);
    if (rel && !out.has(name) && canDo(actor, rel, 'list')) out.set(name, await visibleFields(db, rel, actor));
  }
  return out;
}

async function compile(db: Kysely<DB>, def: ObjectDef, tree: unknown, actor: Actor, opts: ConditionOptions) {
  const parsed = parseConditionTree(tree);
  const ctx: Ctx = { actor, now: opts.now ?? new Date(), fields: await readableFields(db, def, parsed, actor), issues: [], seq: 0 };
  const cond = groupSql(ctx, def.name, opts.alias ?? def.name, parsed, '');
  if (ctx.issues.length) throw conditionError(ctx.issues);
  return { parsed, cond };
}

/** The tree, checked for the actor; throws invalid_condition (400) with one detail per problem. */
export async function validateCondition(db: Kysely<DB>, def: ObjectDef, tree: unknown, actor: Actor): Promise<ConditionGroup> {
  return (await compile(db, def, tree, actor, {})).parsed;
}

/** The tree as one parameterised SQL condition on `alias` (default the table), for `.where(...)` or a `sql` template. */
export async function conditionSql(db: Kysely<DB>, def: ObjectDef, tree: unknown, actor: Actor, opts: ConditionOptions = {}): Promise<RawBuilder<boolean>> {
  return (await compile(db, def, tree, actor, opts)).cond;
}

/** What an administrator is shown: the statement selecting the matching ids, and its parameters. */
export async function explainConditionSql(db: Kysely<DB>, def: ObjectDef, tree: unknown, actor: Actor, opts: ConditionOptions = {}): Promise<{ sql: string; parameters: unknown[] }> {
  const alias = opts.alias ?? def.name;
  const cond = await conditionSql(db, def, tree, actor, { ...opts, alias });
  const q = sql`SELECT ${sql.ref(`${alias}.id`)} FROM ${sql.table(def.name)} AS ${sql.ref(alias)} WHERE ${cond}`.compile(db);
  return { sql: q.sql, parameters: [...q.parameters] };
}
