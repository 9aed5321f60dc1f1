import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError, invalid, type FieldIssue } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible } from '../../records/service.ts';
import type { LineCheck } from '../../records/line-pricing.ts';
import type { PutRelationsBody } from '../../../shared/contracts/price-books.ts';
import { decimalIssue, plain, QUANTITY_PLACES } from './decimals.ts';
import { exclusionsAmong, existingProducts, productNames, replaceRelations, selectRelations } from './price-books.repo.ts';

// Product relations: requires / excludes (checked whenever lines are written, any object with
// lines picking products), option (offered beside the product) and bundle_component (expanded
// by /pricing/resolve with expand_bundles). Read with the product; kept by who may update it.

const products = () => getObject('products');

const present = (rows: Awaited<ReturnType<typeof selectRelations>>) => rows.map((r) => ({
  related_product_id: r.related_product_id, related_name: r.related_name, related_sku: r.related_sku, kind: r.kind, quantity: plain(r.quantity),
}));

export async function getRelations(db: Kysely<DB>, actor: Actor, productId: number) {
  requireDo(actor, products(), 'read');
  await loadVisible(db, products(), actor, productId);
  return { relations: present(await selectRelations(db, [productId])) };
}

export async function putRelations(db: Kysely<DB>, actor: Actor, productId: number, body: PutRelationsBody) {
  requireDo(actor, products(), 'update');
  return db.transaction().execute(async (trx) => {
    await loadVisible(trx, products(), actor, productId, true);
    const issues: FieldIssue[] = [];
    const known = await existingProducts(trx, body.relations.map((r) => r.related_product_id));
    const seen = new Map<number, string>();
    const rels = body.relations.map((r, i) => {
      const at = (k: string) => `relations[${i}].${k}`;
      if (r.related_product_id === productId) issues.push({ field: at('related_product_id'), message: 'A product cannot relate to itself', code: 'self_relation' });
      else if (!known.has(r.related_product_id)) issues.push({ field: at('related_product_id'), message: 'No such product', code: 'unknown_product' });
      // One relation per product pair: "requires" and "excludes" the same product cannot both hold.
      else if (seen.has(r.related_product_id)) issues.push({ field: at('related_product_id'), message: `Already related (${seen.get(r.related_product_id)})`, code: 'duplicate_relation' });
      seen.set(r.related_product_id, r.kind);
      const q = decimalIssue(r.quantity ?? '1', at('quantity'), QUANTITY_PLACES, issues, { positive: true });
      return { related_product_id: r.related_product_id, kind: r.kind, quantity: q?.toString() ?? '1' };
    });
    if (issues.length) throw invalid(issues);
    const before = (await selectRelations(trx, [productId])).length;
    await replaceRelations(trx, productId, rels);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: 'products', recordId: productId, changes: { relations: [before, rels.length] } });
    return { relations: present(await selectRelations(trx, [productId])) };
  });
}

const label = (names: Map<number, { name: string; sku: string | null }>, id: number) => names.get(id)?.name ?? `#${id}`;

/**
 * The line check (records/line-pricing.ts): a product whose required product is not on the
 * document → 422 product_requires; two products excluding each other → 422 products_exclude.
 * Thrown before anything is written.
 */
export const relationsCheck: LineCheck = async (ctx, lines) => {
  if (ctx.def.lines?.productObject !== 'products') return;
  const ids = [...new Set(lines.map((l) => l.product_id).filter((x): x is number => x !== null))];
  if (!ids.length) return;
  const present = new Set(ids);
  const missing = (await selectRelations(ctx.db, ids, ['requires'])).find((r) => !present.has(r.related_product_id));
  const excluded = missing ? undefined : (await exclusionsAmong(ctx.db, ids))[0];
  if (!missing && !excluded) return;
  const [a, b] = missing ? [missing.product_id, missing.related_product_id] : [excluded!.a, excluded!.b];
  const names = await productNames(ctx.db, [a, b]);
  const line = lines.find((l) => l.product_id === a)!.index;
  if (missing) {
    throw new AppError('product_requires', `${label(names, a)} requires ${label(names, b)} on the same document`, {
      reason: 'product_requires', line, product_id: a, product_name: label(names, a), required_product_id: b, required_product_name: label(names, b),
    });
  }
  throw new AppError('products_exclude', `${label(names, a)} and ${label(names, b)} exclude each other`, {
    reason: 'products_exclude', line, product_id: a, product_name: label(names, a), excluded_product_id: b, excluded_product_name: label(names, b),
  });
};
