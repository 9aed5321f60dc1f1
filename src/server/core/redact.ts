import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { canReadField, visibilityCondition, visibilityOf, type Actor } from './access.ts';

/**
 * The one redaction step for outgoing payloads that carry a record's fields: record answers,
 * audit changes and before-images, timeline bodies, saved views and field metadata all pass
 * what they show through here, so a field hidden from a role is hidden everywhere at once.
 */

type Payload = Record<string, unknown>;

/** Whether the actor may read this field of this object (the rule every helper below applies). */
export function readable(actor: Actor, object: string, field: string): boolean {
  return canReadField(actor, object, field);
}

/**
 * A payload keyed by field (a record answer, a database row, an audit diff `{field: [old, new]}`)
 * without the fields the actor may not read. A nested `custom` (a row's custom jsonb) and
 * `refs` (titles of linked records) are keyed by field too and are redacted the same way.
 */
export function redactPayload<T extends Payload>(actor: Actor, object: string, payload: T): T {
  const rules = actor.permissions.field_rules?.[object];
  if (!rules || !Object.values(rules).includes('hidden')) return payload;
  const out: Payload = {};
  for (const [k, v] of Object.entries(payload)) {
    if (rules[k] === 'hidden') continue;
    out[k] = (k === 'custom' || k === 'refs') && v && typeof v === 'object' && !Array.isArray(v) ? redactPayload(actor, object, v as Payload) : v;
  }
  return out as T;
}

/** Field keys the actor may read, in their order (e.g. the fields an import touched). */
export function readableKeys(actor: Actor, object: string, keys: readonly string[]): string[] {
  return keys.filter((k) => readable(actor, object, k));
}

/**
 * Of these owner ids, the ones whose records of `object` the actor may see: a record that no
 * longer exists (a merged duplicate in the audit log) is judged by the owner it had.
 */
export async function visibleOwners(db: Kysely<DB>, actor: Actor, object: string, ownerIds: (number | null)[]): Promise<Set<number | null>> {
  const v = visibilityOf(actor, object);
  if (v === 'all') return new Set(ownerIds);
  const ids = [...new Set(ownerIds.filter((x): x is number => typeof x === 'number'))];
  if (!ids.length || v === 'none') return new Set();
  const { rows } = await sql<{ o: number }>`
    SELECT o::int AS o FROM unnest(${sql.val(ids)}::bigint[]) AS o WHERE ${visibilityCondition(actor, object, sql.ref('o'))}`.execute(db);
  return new Set(rows.map((r) => Number(r.o)));
}
