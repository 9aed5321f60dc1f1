import { z } from 'zod';
import { sql } from 'kysely';
import type { Actor } from '../../core/access.ts';
import { refVisible } from '../../records/refs.ts';
import { assertLinkable } from '../../records/links.ts';
import type { Row, Tx, WriteContext, WrittenRow } from '../../records/types.ts';
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
 * Keeps account_contacts in step for a batch of written contacts: an `accounts` list in the
 * input replaces the set of links (a person at several companies), and the contact's
 * account_id is its primary link. The primary links of the whole batch are two statements.
 */
export async function afterContactsWrite(ctx: WriteContext, rows: WrittenRow[]): Promise<void> {
  for (const r of rows) if (r.input.accounts !== undefined) await replaceLinks(ctx, r.row, r.input.accounts);
  const changed = rows.filter((r) => Number(r.existing?.account_id ?? 0) !== Number(r.row.account_id ?? 0));
  if (!changed.length) return;
  const { trx } = ctx;
  // A new contact has no link yet: nothing to demote.
  const demote = changed.filter((r) => r.existing).map((r) => Number(r.row.id));
  if (demote.length) await sql`UPDATE account_contacts SET is_primary = false WHERE contact_id = ANY(${sql.val(demote)}::bigint[])`.execute(trx);
  const primary = changed.filter((r) => r.row.account_id != null);
  if (!primary.length) return;
  await sql`INSERT INTO account_contacts (account_id, contact_id, is_primary)
    SELECT a, c, true FROM unnest(${sql.val(primary.map((r) => Number(r.row.account_id)))}::bigint[], ${sql.val(primary.map((r) => Number(r.row.id)))}::bigint[]) AS t(a, c)
    ON CONFLICT (account_id, contact_id) DO UPDATE SET is_primary = true`.execute(trx);
}

async function replaceLinks(ctx: WriteContext, row: Row, accounts: unknown): Promise<void> {
  const { trx } = ctx;
  const links = parse(AccountLinks, accounts);
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

/** A record linked to a contact (activity, task...) also belongs to the contact's primary account unless told otherwise. */
export async function inheritPrimaryAccount(trx: Tx, values: Row, existing: Row | null): Promise<void> {
  const contactId = values.contact_id !== undefined ? values.contact_id : existing?.contact_id;
  if (!contactId || values.account_id !== undefined || existing?.account_id) return;
  const c = await trx.selectFrom('contacts').select('account_id').where('id', '=', contactId as number).executeTakeFirst();
  if (c?.account_id) values.account_id = c.account_id;
}
