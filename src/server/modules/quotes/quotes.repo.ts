// The SQL of quotes v2: the settings row, approval history, the version chain, the columns the
// actions write and the lines a revision copies. No rules here (quotes.actions.ts has them).
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../records/types.ts';
import type { ApprovalReason } from '../../../shared/contracts/quotes.ts';

export const QUOTE_SETTINGS_KEY = 'quotes.settings';

export async function readSettingsRow(db: Tx): Promise<Record<string, unknown> | null> {
  const { rows } = await sql<{ value: Record<string, unknown> }>`SELECT value FROM settings WHERE key = ${QUOTE_SETTINGS_KEY}`.execute(db);
  return rows[0]?.value ?? null;
}

export async function writeSettingsRow(db: Tx, value: object, actorId: number): Promise<void> {
  await sql`INSERT INTO settings (key, value, updated_by) VALUES (${QUOTE_SETTINGS_KEY}, ${JSON.stringify(value)}::jsonb, ${actorId})
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`.execute(db);
}

export async function insertApprovalStep(db: Tx, s: { quoteId: number; step: string; actorId: number | null; comment?: string | null; reasons?: ApprovalReason[] | null }): Promise<void> {
  await sql`INSERT INTO quote_approvals (quote_id, step, actor_id, comment, reasons)
    VALUES (${s.quoteId}, ${s.step}, ${s.actorId}, ${s.comment ?? null}, ${s.reasons ? JSON.stringify(s.reasons) : null}::jsonb)`.execute(db);
}

export async function approvalHistory(db: Tx, quoteId: number) {
  const { rows } = await sql<{ step: string; actor_id: number | null; actor_name: string | null; comment: string | null; reasons: ApprovalReason[] | null; created_at: Date }>`
    SELECT a.step, a.actor_id::int AS actor_id, u.name AS actor_name, a.comment, a.reasons, a.created_at
    FROM quote_approvals a LEFT JOIN users u ON u.id = a.actor_id WHERE a.quote_id = ${quoteId} ORDER BY a.id`.execute(db);
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at).toISOString() }));
}

/** The administrators and the manager of the owner's team: who may approve the owner's quotes. */
export async function approverIds(db: Tx, ownerId: number | null): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT u.id::int AS id FROM users u JOIN roles r ON r.key = u.role
    WHERE u.active AND COALESCE((r.permissions -> 'can' ->> 'admin')::boolean, false)
    UNION
    SELECT t.manager_id::int FROM users o JOIN teams t ON t.id = o.team_id
    WHERE o.id = ${ownerId ?? -1} AND t.manager_id IS NOT NULL`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** The team an owner belongs to and its manager. */
export async function ownerTeamManager(db: Tx, ownerId: number | null): Promise<number | null> {
  const { rows } = await sql<{ manager_id: number | null }>`
    SELECT t.manager_id::int AS manager_id FROM users o JOIN teams t ON t.id = o.team_id WHERE o.id = ${ownerId ?? -1}`.execute(db);
  return rows[0]?.manager_id ?? null;
}

/** Cost prices of products (catalogue, organisation currency), by id; null: not given. */
export async function productCosts(db: Tx, ids: number[]): Promise<Map<number, string | null>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: number; cost_price: string | null }>`
    SELECT id::int AS id, cost_price::text AS cost_price FROM products WHERE id IN (${sql.join(ids)})`.execute(db);
  return new Map(rows.map((r) => [Number(r.id), r.cost_price]));
}

/** The versions of a quote's chain the caller may see (`visible`: the caller's visibility condition). */
export async function versionChain(db: Tx, rootId: number, visible: RawBuilder<boolean>) {
  const { rows } = await sql<{ id: number; number: string; version_no: number; status: string; sent_at: Date | null; created_at: Date }>`
    SELECT id::int AS id, number, version_no, status, sent_at, created_at FROM quotes
    WHERE (id = ${rootId} OR root_id = ${rootId}) AND ${visible} ORDER BY version_no, id`.execute(db);
  return rows.map((r) => ({ ...r, sent_at: r.sent_at ? new Date(r.sent_at).toISOString() : null, created_at: new Date(r.created_at).toISOString() }));
}

/** The highest version number of a chain (locked rows are the caller's business). */
export async function lastVersionNo(db: Tx, rootId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT COALESCE(MAX(version_no), 1)::int AS n FROM quotes WHERE id = ${rootId} OR root_id = ${rootId}`.execute(db);
  return Number(rows[0]?.n ?? 1);
}

/** A revision's lines and totals: copied as they are (the amounts were computed when they were written). */
export async function copyLines(db: Tx, fromId: number, toId: number): Promise<void> {
  await sql`INSERT INTO quote_lines (parent_id, position, product_id, sku, description, quantity, unit, unit_price, discount_percent, tax_rate, net, tax, gross, price_source, price_book_id, price_book_name, price_tier_min)
    SELECT ${toId}, position, product_id, sku, description, quantity, unit, unit_price, discount_percent, tax_rate, net, tax, gross, price_source, price_book_id, price_book_name, price_tier_min
    FROM quote_lines WHERE parent_id = ${fromId} ORDER BY position`.execute(db);
  await sql`UPDATE quotes q SET net_total = o.net_total, discount_total = o.discount_total, tax_total = o.tax_total, gross_total = o.gross_total
    FROM quotes o WHERE o.id = ${fromId} AND q.id = ${toId}`.execute(db);
}

/** The frozen PDF's file. */
export async function sentFile(db: Tx, quoteId: number): Promise<{ file_id: number | null; hash: string | null }> {
  const { rows } = await sql<{ file_id: number | null; hash: string | null }>`
    SELECT sent_pdf_file_id::int AS file_id, sent_pdf_hash AS hash FROM quotes WHERE id = ${quoteId}`.execute(db);
  return rows[0] ?? { file_id: null, hash: null };
}

/** A quote by id with no visibility rule: only for the public link, whose signed token names it. */
export async function quoteById(db: Tx, id: number, lock = false) {
  const { rows } = await sql<Record<string, any>>`SELECT * FROM quotes WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows[0] ?? null;
}

/** Writes an action's columns (the version trigger raises `version`). */
export async function setQuoteColumns(db: Tx, id: number, set: Record<string, unknown>) {
  const cols = { ...set, updated_at: new Date() };
  const { rows } = await sql<Record<string, any>>`UPDATE quotes SET ${sql.join(Object.entries(cols).map(([k, v]) => sql`${sql.ref(k)} = ${v}`))}
    WHERE id = ${id} RETURNING *`.execute(db);
  return rows[0]!;
}
