import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { canReadField, requireDo, type Actor } from '../core/access.ts';
import { diff, writeAudit } from '../core/audit.ts';
import { deliverSoon, writeEvents } from '../core/events.ts';
import { AppError, forbidden, invalid } from '../http/errors.ts';
import { computeLines, minorDigits, MONEY_LIMIT, parseMoney, type Money } from '../../shared/money.ts';
import type { LineInput, LineOut } from '../../shared/contracts/line-items.ts';
import { afterWrite } from './hooks.ts';
import { orgCurrency } from './money.ts';
import { loadVisible } from './service.ts';
import { assertVersion } from './versions.ts';
import { checkLines, settingsOf, type LineDraftRow, type LineSettings } from './line-items-input.ts';
import { mayReadBooks, presentSource, sourceOfRow } from './line-price-source.ts';
import { replaceLines, selectLines, writeParentTotals, type LineRow, type NewLine } from './line-items-sql.ts';
import type { BatchRow, ObjectDef, Row, WriteContext } from './types.ts';

/*
 * Line items: the child lines of a parent record (quotes; later orders and invoices), for any
 * object declaring `lines: LineItemsDef` (records/types.ts). modules/line-items serves
 * GET/PUT /{object}/{id}/lines from here; other modules call these functions directly.
 *
 * The lines table (named by `lines.table`, created by the parent module's migration) has the
 * standard line columns:
 *   id            bigint identity primary key
 *   parent_id     bigint NOT NULL REFERENCES <parent>(id) ON DELETE CASCADE
 *   position      integer NOT NULL (1, 2, 3… in the order the last PUT gave; UNIQUE (parent_id, position))
 *   product_id    bigint NULL (the catalogue product it was filled from; ON DELETE SET NULL)
 *   sku, unit     text NULL (snapshots of the product's)
 *   description   text NOT NULL
 *   quantity      numeric(18,4) NOT NULL, ≥ 0
 *   unit_price    numeric(19,4) NOT NULL, ≥ 0, at most the currency's minor digits
 *   discount_percent, tax_rate  numeric(7,4) NOT NULL DEFAULT 0, percent 0..100
 *   net, tax, gross             numeric(19,4) NOT NULL: computed by src/shared/money.ts computeLines
 *   created_at, updated_at      timestamptz NOT NULL DEFAULT now()
 * The parent's `totals` fields (money, `system: true`, numeric(19,4) NOT NULL DEFAULT 0) are
 * written only here, in the transaction that writes the lines, and whenever the parent's
 * currency, rounding, tax-inclusion or overall discount changes (refreshLineTotals, run by
 * records/hooks.ts on every write path).
 */

/** A role that may not read one of the parent's totals sees no line money either. */
export function lineMoneyHidden(actor: Actor, def: ObjectDef): boolean {
  return Object.values(def.lines!.totals).some((f) => f && !canReadField(actor, def.name, f));
}

const fixed = (v: Money, digits: number) => v.toFixed(digits);
const plain = (v: string) => (parseMoney(v) ?? 0).toString();

function present(def: ObjectDef, actor: Actor, rows: LineRow[], digits: number, hideMoney: boolean): LineOut[] {
  const withSource = Boolean(def.lines!.priceSource) && !hideMoney;
  const showBook = withSource && mayReadBooks(actor, def);
  return rows.map((r) => {
    const out: LineOut = {
      id: r.id, position: r.position, product_id: r.product_id, sku: r.sku, description: r.description,
      quantity: plain(r.quantity), unit: r.unit, discount_percent: plain(r.discount_percent), tax_rate: plain(r.tax_rate),
    };
    if (!hideMoney) {
      const m = (v: string) => fixed(parseMoney(v)!, digits);
      Object.assign(out, { unit_price: plain(r.unit_price), net: m(r.net), tax: m(r.tax), gross: m(r.gross) });
    }
    if (withSource) out.price_source = presentSource(r, showBook);
    return out;
  });
}

/** Amounts of checked lines and the parent's totals columns, by computeLines. */
function compute(def: ObjectDef, drafts: LineDraftRow[], s: LineSettings): { lines: NewLine[]; totals: Row } {
  const r = computeLines(
    drafts.map((d) => ({ quantity: d.quantity, unitPrice: d.unit_price, discountPercent: d.discount_percent, taxRate: d.tax_rate })),
    { currency: s.currency, roundingMode: s.roundingMode, pricesIncludeTax: s.pricesIncludeTax, overallDiscountPercent: s.overallDiscountPercent },
  );
  if (r.totals.gross.abs().gte(MONEY_LIMIT) || r.totals.subtotal.abs().gte(MONEY_LIMIT)) {
    throw invalid([{ field: 'lines', message: 'The total is too large', code: 'too_big' }]);
  }
  const t = def.lines!.totals;
  const totals: Row = { [t.net]: r.totals.net.toString(), [t.tax]: r.totals.tax.toString(), [t.gross]: r.totals.gross.toString() };
  if (t.discount) totals[t.discount] = r.totals.discount.toString();
  const lines = drafts.map((d, i): NewLine => ({
    position: i + 1, ...d, net: r.lines[i]!.net.toString(), tax: r.lines[i]!.tax.toString(), gross: r.lines[i]!.gross.toString(),
  }));
  return { lines, totals };
}

function answer(def: ObjectDef, actor: Actor, parent: Row, rows: LineRow[], org: string) {
  const s = settingsOf(def, parent, org);
  const hide = lineMoneyHidden(actor, def);
  const digits = minorDigits(s.currency);
  const totals: Record<string, string | null> = {};
  for (const f of Object.values(def.lines!.totals)) {
    if (f && canReadField(actor, def.name, f)) totals[f] = parent[f] === null || parent[f] === undefined ? null : fixed(parseMoney(parent[f])!, digits);
  }
  return {
    lines: present(def, actor, rows, digits, hide), totals, currency: s.currency, rounding_mode: s.roundingMode,
    prices_include_tax: s.pricesIncludeTax, overall_discount_percent: s.overallDiscountPercent, version: parent.version as number,
  };
}

/** GET /{object}/{id}/lines: read on the object, the parent visible (else not_found, as for a missing one). */
export async function getLines(db: Kysely<DB>, def: ObjectDef, actor: Actor, parentId: number) {
  requireDo(actor, def, 'read');
  const parent = await loadVisible(db, def, actor, parentId);
  const locked = await lockOf(db, def, actor, parent);
  return { ...answer(def, actor, parent, await selectLines(db, def.lines!.table, parentId), await orgCurrency(db)), locked };
}

/**
 * Why the lines may not be replaced now (the refusal `mayEdit` would give a PUT: its reason
 * code and the parent's status), or null: the web app shows locked documents read-only
 * instead of offering an editor the server refuses. Asked in a transaction rolled back.
 */
async function lockOf(db: Kysely<DB>, def: ObjectDef, actor: Actor, parent: Row): Promise<{ reason: string; status: string | null } | null> {
  const mayEdit = def.lines!.mayEdit;
  if (!mayEdit) return null;
  try {
    const ask = (trx: Transaction<DB>) => Promise.resolve(mayEdit({ trx, actor, def }, parent));
    // getLines is also called inside other writes' transactions (a quote being sent).
    await (db.isTransaction ? ask(db as Transaction<DB>) : db.transaction().execute(ask));
    return null;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const d = (e.details ?? {}) as { reason?: unknown; status?: unknown };
    return { reason: typeof d.reason === 'string' ? d.reason : e.code, status: typeof d.status === 'string' ? d.status : null };
  }
}

/**
 * PUT /{object}/{id}/lines: replaces the whole set in one transaction with the parent locked,
 * its version checked (409 with the current record when stale), the lines checked (400, nothing
 * written), the totals recomputed and written, audit, timeline hooks and the `updated` event
 * as the record engine writes them for an update of the parent.
 */
export async function putLines(db: Kysely<DB>, def: ObjectDef, actor: Actor, parentId: number, body: { version?: number; lines: LineInput[] }, ifMatch?: number) {
  requireDo(actor, def, 'update');
  if (body.version !== undefined && ifMatch !== undefined && body.version !== ifMatch) {
    throw invalid([{ field: 'version', message: 'The body version and If-Match disagree', code: 'invalid_version' }]);
  }
  const expected = body.version ?? ifMatch;
  const result = await db.transaction().execute(async (trx) => {
    const existing = await loadVisible(trx, def, actor, parentId, true);
    // Checked after visibility, so a hidden parent answers not_found like a missing one.
    if (expected === undefined) throw invalid([{ field: 'version', message: 'Send the version of the record you read', code: 'required' }]);
    await assertVersion(trx, def, actor, existing, expected);
    return replaceLinesIn(trx, def, actor, existing, body.lines);
  });
  deliverSoon();
  return result;
}

/**
 * putLines inside the caller's transaction, the parent already loaded (locked) by the caller as
 * the actor may see it: a write that makes a record and its lines at once (a quote made from an
 * opportunity) commits both or neither. The caller calls deliverSoon() after its commit.
 */
export async function replaceLinesIn(trx: Transaction<DB>, def: ObjectDef, actor: Actor, existing: Row, input: LineInput[]) {
  requireDo(actor, def, 'update');
  await def.lines!.mayEdit?.({ trx, actor, def }, existing);
  if (lineMoneyHidden(actor, def)) throw forbidden('Your role may not see the amounts of these lines');
  const org = await orgCurrency(trx);
  const drafts = await checkLines(trx, def, actor, input, settingsOf(def, existing, org), org, existing);
  const { row, lines } = await writeLinesIn(trx, def, actor, existing, drafts);
  return answer(def, actor, row, lines, org);
}

/**
 * Writes checked lines of a parent the caller has loaded (and locked) in its transaction:
 * computed, stored, the totals written, hooks, audit and the `updated` event as a PUT writes
 * them. For a module copying lines from another document (an order from its quote) in the
 * transaction that makes it; the caller calls deliverSoon() after commit.
 */
export async function writeLinesIn(trx: Transaction<DB>, def: ObjectDef, actor: Actor, existing: Row, drafts: LineDraftRow[]): Promise<{ row: Row; lines: LineRow[] }> {
  const s = settingsOf(def, existing, await orgCurrency(trx));
  const { lines, totals } = compute(def, drafts, s);
  const before = await selectLines(trx, def.lines!.table, existing.id);
  const rows = await replaceLines(trx, def.lines!.table, existing.id, lines, Boolean(def.lines!.priceSource));
  const updated = await writeParentTotals(trx, def, existing.id, totals);
  await afterWrite({ trx, actor, def }, [{ row: updated, existing, input: {} }]);
  const changes: Row = { ...diff(existing, totals), lines: [before.length, rows.length] };
  await writeAudit(trx, { actorId: actor.id, action: 'update', object: def.name, recordId: existing.id, changes });
  await writeEvents(trx, [{ type: 'updated', object: def.name, id: existing.id, actorId: actor.id, changes }]);
  return { row: updated, lines: rows };
}

/**
 * Before an update of a parent changes how its lines are computed (currency, rounding mode,
 * tax inclusion, overall discount), the totals are recomputed into the same write; a currency
 * whose minor unit cannot hold the lines' prices is refused (too_many_decimals), never rounded.
 */
export async function refreshLineTotals(ctx: WriteContext, rows: BatchRow[]): Promise<void> {
  const l = ctx.def.lines;
  if (!l) return;
  const keys = [ctx.def.currencyField, l.roundingField, l.pricesIncludeTaxField, l.discountField].filter((k): k is string => Boolean(k));
  const org = await orgCurrency(ctx.trx);
  for (const r of rows) {
    if (!r.existing || !keys.some((k) => r.values[k] !== undefined)) continue;
    const merged = { ...r.existing, ...r.values };
    const s = settingsOf(ctx.def, merged, org);
    const stored = await selectLines(ctx.trx, l.table, r.existing.id);
    if (!stored.length) continue;
    const digits = Math.min(minorDigits(s.currency), 4);
    if (stored.some((x) => parseMoney(x.unit_price)!.decimalPlaces() > digits)) {
      throw invalid([{ field: ctx.def.currencyField ?? 'currency', message: `The lines' prices have more decimals than ${s.currency} has`, code: 'too_many_decimals' }]);
    }
    const drafts = stored.map((x) => ({ ...x, source: sourceOfRow(x) }) as LineDraftRow);
    const { lines, totals } = compute(ctx.def, drafts, s);
    Object.assign(r.values, totals);
    await replaceLines(ctx.trx, l.table, r.existing.id, lines.map((x, i) => ({ ...x, position: stored[i]!.position })), Boolean(l.priceSource));
  }
}
