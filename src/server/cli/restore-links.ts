import { sql, type Kysely } from 'kysely';

/**
 * After a restore has loaded every row (with foreign-key triggers off, since rows arrive table
 * by table), this finds the links that point at rows the backup did not contain: every
 * declared foreign key of the schema, so tables added by later migrations are covered too.
 */
interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  cols: string[];
  refcols: string[];
  nullable: boolean;
}

export interface BrokenLink {
  fk: ForeignKey;
  count: number;
  /** A few ids of the linking rows (or their link values when the table has no id). */
  sample: unknown[];
}

async function foreignKeys(db: Kysely<any>): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    SELECT c.conname AS name, cl.relname AS child, pl.relname AS parent,
      array_agg(ca.attname::text ORDER BY k.ord) AS cols, array_agg(pa.attname::text ORDER BY k.ord) AS refcols,
      bool_and(NOT ca.attnotnull) AS nullable
    FROM pg_constraint c
    JOIN pg_class cl ON cl.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    JOIN pg_class pl ON pl.oid = c.confrelid
    CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(child_att, parent_att, ord)
    JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.child_att
    JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.parent_att
    WHERE c.contype = 'f' AND n.nspname = current_schema()
    GROUP BY c.conname, cl.relname, pl.relname
    ORDER BY cl.relname, c.conname`.execute(db);
  return rows;
}

/** `child` rows whose link is set and finds no `parent` row. */
function orphaned(fk: ForeignKey) {
  const set = sql.join(fk.cols.map((c) => sql`c.${sql.ref(c)} IS NOT NULL`), sql` AND `);
  const match = sql.join(fk.cols.map((c, i) => sql`p.${sql.ref(fk.refcols[i]!)} = c.${sql.ref(c)}`), sql` AND `);
  return sql`${set} AND NOT EXISTS (SELECT 1 FROM ${sql.table(fk.parent)} p WHERE ${match})`;
}

export async function brokenLinks(db: Kysely<any>): Promise<BrokenLink[]> {
  const out: BrokenLink[] = [];
  for (const fk of await foreignKeys(db)) {
    const hasId = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${fk.child} AND column_name = 'id'`.execute(db)).rows[0]!.n > 0;
    const shown = hasId ? sql`c.id` : sql.ref(`c.${fk.cols[0]!}`);
    const { rows } = await sql<{ n: number; sample: unknown[] | null }>`
      SELECT count(*)::int AS n, (array_agg(${shown} ORDER BY ${shown}))[1:5] AS sample
      FROM ${sql.table(fk.child)} c WHERE ${orphaned(fk)}`.execute(db);
    const n = rows[0]?.n ?? 0;
    if (n > 0) out.push({ fk, count: n, sample: rows[0]!.sample ?? [] });
  }
  return out;
}

/** Clears broken optional links and drops rows whose required link is broken (like ON DELETE). */
export async function repairLinks(db: Kysely<any>, broken: BrokenLink[]): Promise<void> {
  for (const { fk } of broken) {
    if (fk.nullable) {
      await sql`UPDATE ${sql.table(fk.child)} c SET ${sql.join(fk.cols.map((col) => sql`${sql.ref(col)} = NULL`))} WHERE ${orphaned(fk)}`.execute(db);
    } else {
      await sql`DELETE FROM ${sql.table(fk.child)} c WHERE ${orphaned(fk)}`.execute(db);
    }
  }
}

export function describeLink(b: BrokenLink): string {
  const more = b.count > b.sample.length ? ', …' : '';
  return `${b.fk.child}.${b.fk.cols.join(',')} → ${b.fk.parent}: ${b.count} row(s) point at missing ${b.fk.parent} (${b.fk.child} ${b.sample.join(', ')}${more})`;
}
