// Mailboxes: the addresses the SMTP listener accepts mail for (administrators manage them).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { z } from 'zod';
import { writeAudit } from '../../core/audit.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { MailboxBody, MailboxPatch } from '../../../shared/contracts/inbox.ts';
import * as repo from './inbox.repo.ts';

const taken = () => new AppError('conflict', 'A mailbox has this address already', [{ field: 'address', message: 'Already used', code: 'already_used' }]);

export const listMailboxes = (db: Kysely<DB>) => repo.selectMailboxes(db);

export async function createMailbox(db: Kysely<DB>, actorId: number, body: z.infer<typeof MailboxBody>) {
  return db.transaction().execute(async (trx) => {
    if (await repo.mailboxAddressTaken(trx, body.address, null)) throw taken();
    const row = await repo.insertMailbox(trx, { address: body.address.toLowerCase(), purpose: body.purpose ?? 'general', active: body.active ?? true });
    await writeAudit(trx, { actorId, action: 'create', object: 'mail_mailboxes', recordId: row.id, changes: { address: row.address, purpose: row.purpose, active: row.active } });
    return row;
  });
}

export async function updateMailbox(db: Kysely<DB>, actorId: number, id: number, body: z.infer<typeof MailboxPatch>) {
  return db.transaction().execute(async (trx) => {
    if (!(await repo.findMailbox(trx, id))) throw notFound('Mailbox');
    if (body.address && (await repo.mailboxAddressTaken(trx, body.address, id))) throw taken();
    const row = (await repo.updateMailbox(trx, id, { ...body, address: body.address?.toLowerCase() }))!;
    await writeAudit(trx, { actorId, action: 'update', object: 'mail_mailboxes', recordId: id, changes: body });
    return row;
  });
}

/** Its messages stay (their mailbox becomes empty); the address stops receiving at once. */
export async function removeMailbox(db: Kysely<DB>, actorId: number, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteMailbox(trx, id))) throw notFound('Mailbox');
    await writeAudit(trx, { actorId, action: 'delete', object: 'mail_mailboxes', recordId: id });
  });
}
