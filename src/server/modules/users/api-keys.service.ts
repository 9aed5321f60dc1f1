import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { notFound } from '../../http/errors.ts';
import { createApiKey } from '../auth/auth.service.ts';
import { revokeApiKeyRow, selectApiKeys } from './users.repo.ts';

/** Administrators see and revoke every key; everyone else only their own. */
const ownerScope = (actor: Actor) => (can(actor, 'admin') ? null : actor.id);

export const listApiKeys = (db: Kysely<DB>, actor: Actor) => selectApiKeys(db, ownerScope(actor));

export async function newApiKey(db: Kysely<DB>, actor: Actor, name: string) {
  const key = await createApiKey(db, actor.id, name);
  await writeAudit(db, { actorId: actor.id, action: 'create', object: 'api_keys', recordId: key.id, changes: { name: key.name, prefix: key.prefix } });
  return key;
}

export async function revokeApiKey(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  if (!(await revokeApiKeyRow(db, id, ownerScope(actor)))) throw notFound('API key');
  await writeAudit(db, { actorId: actor.id, action: 'revoke', object: 'api_keys', recordId: id });
}
