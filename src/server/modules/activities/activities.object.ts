import type { ObjectDef, Row, WriteContext } from '../../records/types.ts';
import { registerObject } from '../../records/registry.ts';
import { opts } from '../../records/options.ts';
import { syncTimeline } from '../../core/timeline.ts';
import { invalid } from '../../http/errors.ts';
import { inheritPrimaryAccount } from '../contacts/contact-accounts.ts';

export const ACTIVITY_KINDS = ['call', 'visit', 'meeting', 'email', 'note', 'message'] as const;

async function putOnTimeline(ctx: WriteContext, row: Row): Promise<void> {
  await syncTimeline(ctx.trx, 'activity', row.id, {
    occurredAt: row.occurred_at,
    kind: row.kind,
    title: row.subject,
    body: row.body,
    contactId: row.contact_id,
    accountId: row.account_id,
    actorId: row.owner_id ?? ctx.actor.id,
  });
}

export const activitiesObject: ObjectDef = registerObject({
  name: 'activities',
  singular: 'activity',
  titleField: 'subject',
  timelineFields: { title: 'subject', body: 'body' },
  ownerField: 'owner_id',
  fields: [
    { key: 'kind', type: 'select', required: true, options: opts(...ACTIVITY_KINDS) },
    { key: 'subject', type: 'text', required: true, max: 300 },
    { key: 'body', type: 'longtext' },
    { key: 'occurred_at', type: 'datetime' },
    { key: 'duration_minutes', type: 'number' },
    { key: 'contact_id', type: 'link', link: 'contacts' },
    { key: 'account_id', type: 'link', link: 'accounts' },
    { key: 'owner_id', type: 'user' },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  beforeWrite: async (ctx, values, existing) => {
    const contactId = values.contact_id !== undefined ? values.contact_id : existing?.contact_id;
    const accountId = values.account_id !== undefined ? values.account_id : existing?.account_id;
    if (!contactId && !accountId) throw invalid([{ field: 'contact_id', message: 'Link the activity to a contact or an account', code: 'link_required' }]);
    // An activity on a contact also shows on the contact's primary account.
    await inheritPrimaryAccount(ctx.trx, values, existing);
    if (!existing && !values.occurred_at) values.occurred_at = new Date().toISOString();
  },
  afterWrite: putOnTimeline,
  beforeDelete: async (ctx, row) => syncTimeline(ctx.trx, 'activity', row.id, null),
});
