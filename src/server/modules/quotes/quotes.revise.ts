// Versions: POST /quotes/{id}/revise turns a sent, rejected or expired quote into a new draft
// version — the same number with "-<version>" (Q-2026-00012 → Q-2026-00012-2, so `number` stays
// unique), its fields, custom fields and lines copied — and the old one becomes `superseded`, in
// one transaction. GET /quotes/{id}/versions lists the chain (first version first).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canWriteField, requireDo, visibilityCondition, type Actor } from '../../core/access.ts';
import { deliverSoon } from '../../core/events.ts';
import { sql } from 'kysely';
import { visibleFields } from '../../records/fields.ts';
import { getObject } from '../../records/registry.ts';
import { createRecordIn, loadVisible, present } from '../../records/service.ts';
import { assertVersion } from '../../records/versions.ts';
import type { Row } from '../../records/types.ts';
import { copyLines, lastVersionNo, quoteById, versionChain } from './quotes.repo.ts';
import { withRevision } from './quotes.revision-context.ts';
import { applyAction, notOpen } from './quotes.write.ts';

const REVISABLE = ['sent', 'rejected', 'expired'];
/** Not copied: the new version's own state and evidence. */
const OWN = new Set(['status', 'number']);

export async function reviseQuote(db: Kysely<DB>, actor: Actor, id: number, body: { version?: number }): Promise<Row> {
  const def = getObject('quotes');
  requireDo(actor, def, 'update');
  requireDo(actor, def, 'create');
  const created = await db.transaction().execute(async (trx) => {
    const old = await loadVisible(trx, def, actor, id, true);
    if (body.version !== undefined) await assertVersion(trx, def, actor, old, body.version);
    if (!REVISABLE.includes(old.status)) throw notOpen(old, 'revised', old.status === 'superseded' ? 'This version was already revised: revise the latest one' : undefined);
    const rootId = Number(old.root_id ?? old.id);
    const root = old.root_id ? await quoteById(trx, rootId) : old;
    const n = (await lastVersionNo(trx, rootId)) + 1;
    // What the reviser may read and write is copied; the engine validates it as any create.
    const shown = await present(trx, def, actor, old);
    const input: Row = {};
    for (const f of await visibleFields(trx as Kysely<DB>, def, actor)) {
      if (f.system || f.readonly || OWN.has(f.key) || !canWriteField(actor, def.name, f.key)) continue;
      if (shown[f.key] !== undefined && shown[f.key] !== null) input[f.key] = shown[f.key];
    }
    const columns = { number: `${root?.number ?? old.number}-${n}`, version_no: n, root_id: rootId, previous_id: Number(old.id) };
    const row = await withRevision(trx, columns, () => createRecordIn(trx, def, actor, input));
    await copyLines(trx, Number(old.id), Number(row.id));
    await applyAction(trx, old, actor.id, 'revise', {
      set: { status: 'superseded' },
      timeline: { kind: 'quote_revised', body: columns.number },
    });
    return (await quoteById(trx, Number(row.id)))!;
  });
  deliverSoon();
  return present(db, def, actor, created);
}

export async function quoteVersions(db: Kysely<DB>, actor: Actor, id: number) {
  const def = getObject('quotes');
  requireDo(actor, def, 'read');
  const q = await loadVisible(db, def, actor, id);
  return versionChain(db, Number(q.root_id ?? q.id), visibilityCondition(actor, 'quotes', sql.ref('owner_id')));
}
