import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { visibilityCondition } from '../../core/access.ts';
import { normalizeText, phoneKey } from '../../text/search-text.ts';
import type { ObjectDef, Row, Tx } from '../../records/types.ts';

export interface DuplicateProbe {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
  account_id?: number | null;
  exclude_id?: number;
}

export interface DuplicateMatch {
  id: number;
  name: string;
  reasons: string[];
}

/**
 * Records that look like the probe: same email (case-insensitive), same phone after
 * normalisation, or the same name (Simplified/Traditional folded) at the same account.
 */
export async function findDuplicates(db: Tx, def: ObjectDef, actor: Actor | null, p: DuplicateProbe, limit = 20): Promise<DuplicateMatch[]> {
  const t = def.name;
  const ors = [];
  const email = p.email?.trim().toLowerCase();
  if (email) ors.push(sql`lower(${sql.ref(`${t}.email`)}) = ${email}`);
  const keys = [p.phone, p.mobile].map((x) => (x ? phoneKey(x) : '')).filter(Boolean);
  const keyCols = def.name === 'contacts' ? ['phone_key', 'mobile_key'] : ['phone_key'];
  for (const col of keyCols) if (keys.length) ors.push(sql`${sql.ref(`${t}.${col}`)} IN (${sql.join(keys)})`);
  if (p.name?.trim()) {
    if (def.name === 'contacts' && p.account_id) ors.push(sql`(${sql.ref(`${t}.account_id`)} = ${p.account_id} AND lower(${sql.ref(`${t}.name`)}) = ${p.name.trim().toLowerCase()})`);
    if (def.name === 'accounts') ors.push(sql`lower(${sql.ref(`${t}.name`)}) = ${p.name.trim().toLowerCase()}`);
  }
  if (!ors.length) return [];
  const vis = actor ? visibilityCondition(actor, def.name, def.ownerField ? sql.ref(`${t}.${def.ownerField}`) : undefined) : sql`true`;
  const { rows } = await sql<Row>`
    SELECT id, name, email, phone_key, ${def.name === 'contacts' ? sql`mobile_key, account_id` : sql`NULL AS mobile_key, NULL AS account_id`}
    FROM ${sql.table(t)} WHERE (${sql.join(ors, sql` OR `)}) AND ${vis} ${p.exclude_id ? sql`AND id <> ${p.exclude_id}` : sql``}
    ORDER BY id LIMIT ${limit}`.execute(db);
  const nameKey = p.name ? normalizeText(p.name) : '';
  return rows.map((r) => {
    const reasons: string[] = [];
    if (email && r.email?.toLowerCase() === email) reasons.push('email');
    if (keys.some((k) => k === r.phone_key || k === r.mobile_key)) reasons.push('phone');
    if (nameKey && normalizeText(r.name) === nameKey) reasons.push('name');
    return { id: r.id, name: r.name, reasons };
  });
}

export async function duplicatesOf(db: Kysely<DB>, def: ObjectDef, actor: Actor, row: Row): Promise<DuplicateMatch[]> {
  return findDuplicates(db, def, actor, { name: row.name, email: row.email, phone: row.phone, mobile: row.mobile, account_id: row.account_id, exclude_id: row.id });
}
