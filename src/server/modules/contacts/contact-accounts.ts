import { z } from 'zod';
import type { Row, Tx, WriteContext } from '../../records/types.ts';
import { parse } from '../../http/validate.ts';

export const AccountLinks = z
  .array(z.object({ account_id: z.number().int().positive(), role: z.string().trim().max(100).nullish(), is_primary: z.boolean().optional() }))
  .max(100);

export async function contactAccounts(db: Tx, contactId: number) {
  return db
    .selectFrom('account_contacts')
    .innerJoin('accounts', 'accounts.id', 'account_contacts.account_id')
    .select(['account_contacts.account_id', 'accounts.name as account_name', 'account_contacts.role', 'account_contacts.is_primary'])
    .where('account_contacts.contact_id', '=', contactId)
    .orderBy('account_contacts.is_primary', 'desc')
    .orderBy('accounts.name')
    .execute();
}

/**
 * Keeps account_contacts in step: the contact's account_id is its primary link, and an
 * `accounts` list in the input replaces the set of links (a person at several companies).
 */
export async function afterContactWrite(ctx: WriteContext, row: Row, existing: Row | null, input: Row): Promise<void> {
  const { trx } = ctx;
  if (input.accounts !== undefined) {
    const links = parse(AccountLinks, input.accounts);
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
