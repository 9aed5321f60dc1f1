import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canReadField, requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { deliverSoon } from '../../core/events.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import { assertLinkable } from '../../records/links.ts';
import { getLines, lineMoneyHidden, replaceLinesIn } from '../../records/line-items.ts';
import { loadRefs } from '../../records/refs.ts';
import { getObject } from '../../records/registry.ts';
import { createRecordIn, getRecord, loadVisible } from '../../records/service.ts';
import type { ResolvedField } from '../../records/fields.ts';
import type { Row } from '../../records/types.ts';
import { replaceContacts, selectContacts } from './opportunities.repo.ts';

// The opportunity's endpoints beside the record surface: its buying committee (contact roles)
// and a quote made from it. Each reads the opportunity as the actor may (hidden = not found).

const opportunities = () => getObject('opportunities');
const CONTACT_LINK: ResolvedField = { key: 'contact_id', type: 'link', link: 'contacts', custom: false, required: false, readonly: false, system: false, sortable: false, filterable: false };

/** GET /opportunities/{id}/contacts: the roles, each contact named only when the actor may read it (else left out). */
export async function getContacts(db: Kysely<DB>, actor: Actor, id: number) {
  const def = opportunities();
  requireDo(actor, def, 'read');
  await loadVisible(db, def, actor, id);
  const rows = await selectContacts(db, id);
  const refs = await loadRefs(db, actor, [CONTACT_LINK], rows);
  return rows.flatMap((r) => {
    const ref = refs(r).contact_id;
    return ref ? [{ contact_id: r.contact_id, role: r.role as never, name: ref.title }] : [];
  });
}

/** PUT /opportunities/{id}/contacts: the whole set; every contact must be one the actor may read. */
export async function putContacts(db: Kysely<DB>, actor: Actor, id: number, contacts: { contact_id: number; role: string }[]) {
  const def = opportunities();
  requireDo(actor, def, 'update');
  const ids = contacts.map((c) => c.contact_id);
  if (new Set(ids).size !== ids.length) throw invalid([{ field: 'contacts', message: 'A contact is listed twice', code: 'duplicate_contact' }]);
  await db.transaction().execute(async (trx) => {
    await loadVisible(trx, def, actor, id, true);
    await assertLinkable(trx, actor, 'contacts', ids, (cid) => `contacts.${ids.indexOf(cid)}.contact_id`);
    const before = await selectContacts(trx, id);
    await replaceContacts(trx, id, contacts);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: def.name, recordId: id, changes: { contacts: [before, contacts] } });
  });
  return getContacts(db, actor, id);
}

/**
 * POST /opportunities/{id}/quote: a quote for the opportunity's account, contact and currency,
 * linked back to it, with its lines copied — one transaction, so a refused line leaves no quote.
 * Only values the actor may read are copied.
 */
export async function quoteFromOpportunity(db: Kysely<DB>, actor: Actor, id: number): Promise<Row> {
  const def = opportunities();
  requireDo(actor, def, 'read');
  const quotes = getObject('quotes');
  const quoteId = await db.transaction().execute(async (trx) => {
    const opp = await loadVisible(trx, def, actor, id, true);
    const readable = (k: string) => (canReadField(actor, def.name, k) ? opp[k] ?? undefined : undefined);
    const input: Row = { subject: opp.name, opportunity_id: id, account_id: readable('account_id'), contact_id: readable('contact_id'), currency: readable('currency') };
    for (const k of Object.keys(input)) if (input[k] === undefined || input[k] === null) delete input[k];
    const quote = await createRecordIn(trx, quotes, actor, input);
    const { lines } = await getLines(trx, def, actor, id);
    if (lines.length) {
      if (lineMoneyHidden(actor, def)) throw forbidden('Your role may not see the amounts of these lines');
      await replaceLinesIn(trx, quotes, actor, quote, lines.map((l) => ({
        product_id: l.product_id, sku: l.sku, description: l.description, quantity: l.quantity, unit: l.unit,
        unit_price: l.unit_price, discount_percent: l.discount_percent, tax_rate: l.tax_rate,
      })));
    }
    return Number(quote.id);
  });
  deliverSoon();
  return getRecord(db, quotes, actor, quoteId);
}
