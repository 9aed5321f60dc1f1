import { z } from 'zod';
import { sql } from 'kysely';
import type { Actor } from '../../core/access.ts';
import { refVisible } from '../../records/refs.ts';
import { assertLinkable } from '../../records/links.ts';
import type { Row, Tx, WriteContext } from '../../records/types.ts';
import { parse } from '../../http/validate.ts';
import { registerReference } from '../../records/references.ts';

// account_contacts belongs to this module: a merge of contacts or of accounts moves its rows
// (a pair already linked to the survivor keeps one row).
registerReference('contacts', { table: 'account_contacts', column: 'contact_id', uniqueWith: 'account_id' });
registerReference('accounts', { table: 'account_contacts', column: 'account_id', uniqueWith: 'contact_id' });

export const AccountLinks = z
  .array(z.object({ account_id: z.number().int().positive(), role: z.string().trim().max(100).nullish(), is_primary: z.boolean().optional() }))
  .max(100);

/**
 * The accounts a contact is linked to. The name of an account the actor may not read is left
 * out (its id stays), and such accounts sort last by id, so neither the name nor its place
 * in the alphabet shows.
 */
export async function contactAccounts(db: Tx, contactId: number, actor: Actor) {
  const seen = refVisible(actor, 'accounts', 'a');
  const { rows } = await sql<{ account_id: number; account_name: string | null; role: string | null; is_primary: boolean }>`
    SELECT l.account_id, CASE WHEN ${seen} THEN a.name END AS account_name, l.role, l.is_primary
    FROM account_contacts l JOIN accounts a ON a.id = l.account_id
    WHERE l.contact_id = ${contactId}
    ORDER BY l.is_primary DESC, CASE WHEN ${seen} THEN a.name END NULLS LAST, l.account_id`.execute(db);
  return rows.map((r) => (r.account_name === null ? { account_id: r.account_id, role: r.role, is_primary: r.is_primary } : r));
}

/**
 * Keeps account_contacts in step: the contact's account_id is its primary link, and an
 * `accounts` list in the input replaces the set of links (a person at several companies).
 */
export async function afterContactWrite(ctx: WriteContext, row: Row, existing: Row | null, input: Row): Promise<void> {
  const { trx } = ctx;
  if (input.accounts !== undefined) {
    const links = parse(AccountLinks, input.accounts);
    // New links are checked like reads; links the contact already has stay acceptable.
    const current = new Set((await trx.selectFrom('account_contacts').select('account_id').where('contact_id', '=', row.id).execute()).map((l) => Number(l.account_id)));
    const added = links.map((l) => l.account_id).filter((id) => !current.has(id));
    await assertLinkable(trx, ctx.actor, 'accounts', added, (id) => `accounts[${links.findIndex((l) => l.account_id === id)}].account_id`);
    await trx.deleteFrom('account_contacts').where('contact_id', '=', row.id).execute();
    for (const l of links) {
      await trx
        .insertInto('account_contacts')
        .values({ account_id: l.account_id, contact_id: row.id, role: l.role ?? null, is_primary: l.account_id === row.account_id })
        .onConflict((oc) => oc.columns(['account_id', 'contact_id']).doUpdateSet({ role: l.role ?? null }))
        .execute();
    }
  }
  if (existing?.account_id !== row.account_id) {
    await trx.updateTable('account_contacts').set({ is_primary: false }).where('contact_id', '=', row.id).execute();
    if (row.account_id) {
      await trx
        .insertInto('account_contacts')
        .values({ account_id: row.account_id, contact_id: row.id, is_primary: true })
        .onConflict((oc) => oc.columns(['account_id', 'contact_id']).doUpdateSet({ is_primary: true }))
        .execute();
    }
  }
}

/** A record linked to a contact (activity, task...) also belongs to the contact's primary account unless told otherwise. */
export async function inheritPrimaryAccount(trx: Tx, values: Row, existing: Row | null): Promise<void> {
  const contactId = values.contact_id !== undefined ? values.contact_id : existing?.contact_id;
  if (!contactId || values.account_id !== undefined || existing?.account_id) return;
  const c = await trx.selectFrom('contacts').select('account_id').where('id', '=', contactId as number).executeTakeFirst();
  if (c?.account_id) values.account_id = c.account_id;
}
