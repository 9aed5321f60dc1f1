import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { SYSTEM_ACTOR } from '../../core/access.ts';
import { conditionSql } from '../../records/conditions.ts';
import { allFields } from '../../records/fields.ts';
import type { WriteExtension } from '../../records/hooks.ts';
import { getObject } from '../../records/registry.ts';
import type { Row, Tx } from '../../records/types.ts';
import { pickForRows, ruleTerritories } from './territories.repo.ts';

// Which territory an account belongs to: the most specific active territory whose rule matches
// it — the deepest, then the highest priority, then the oldest — unless an administrator locked
// a manual choice (territory_locked). Rules compile as the system (every field counts).

export const ACCOUNTS = 'accounts';

/**
 * One SQL expression over the accounts table (alias `accounts`) giving the territory of a row:
 * a CASE over the rule territories in order of specificity, the first match winning; null when
 * no territory has a rule. A rule that no longer compiles (a custom field it named is gone)
 * never matches and never fails a write.
 */
export async function territoryPick(db: Tx): Promise<RawBuilder<unknown> | null> {
  const def = getObject(ACCOUNTS);
  const whens: RawBuilder<unknown>[] = [];
  for (const t of await ruleTerritories(db)) {
    try {
      const cond = await conditionSql(db as Kysely<DB>, def, t.rule, SYSTEM_ACTOR, { alias: ACCOUNTS });
      whens.push(sql`WHEN ${cond} THEN ${sql.lit(t.id)}`);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
    }
  }
  return whens.length ? sql`CASE ${sql.join(whens, sql` `)} ELSE NULL END` : null;
}

/** Rows as the accounts table holds them (custom fields inside `custom`), without the search columns. */
async function tableRows(db: Tx, rows: Row[]): Promise<Row[]> {
  const custom = new Set((await allFields(db as Kysely<DB>, getObject(ACCOUNTS))).filter((f) => f.custom).map((f) => f.key));
  return rows.map((values) => {
    const out: Row = { custom: { ...(values.custom ?? {}) } };
    for (const [k, v] of Object.entries(values)) {
      if (k === 'custom' || k === 'search_text' || k === 'search_tokens') continue;
      if (custom.has(k)) out.custom[k] = v;
      else out[k] = v;
    }
    return out;
  });
}

/** The rule territory of each of these (merged, not yet written) account values. */
export async function territoriesFor(db: Tx, rows: Row[]): Promise<(number | null)[]> {
  const pick = await territoryPick(db);
  if (!pick || !rows.length) return rows.map(() => null);
  return pickForRows(db, await tableRows(db, rows), pick);
}

/**
 * The record engine's part (records/hooks.ts): every account write (API, form, import, another
 * module's createRecord) sets territory_id from the rules in its transaction, unless the account
 * is locked to an administrator's choice. The change is an ordinary value of the write, so it is
 * in the audit diff and the record's event.
 */
export const territoryExtension: WriteExtension = {
  appliesTo: (def) => def.name === ACCOUNTS,
  async before(ctx, rows) {
    if (ctx.def.name !== ACCOUNTS) return;
    const todo = rows.filter((r) => !(r.values.territory_locked ?? r.existing?.territory_locked));
    if (!todo.length) return;
    const merged = todo.map((r) => {
      const existingCustom = (r.existing?.custom ?? {}) as Row;
      return { ...(r.existing ?? {}), custom: existingCustom, ...r.values };
    });
    const picked = await territoriesFor(ctx.trx, merged);
    todo.forEach((r, i) => {
      const now = picked[i] ?? null;
      const before = r.existing ? ((r.existing.territory_id as number | null) ?? null) : null;
      if (r.existing ? (before === null ? null : Number(before)) === now : now === null) return;
      r.values.territory_id = now;
    });
  },
};
