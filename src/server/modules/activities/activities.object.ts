import type { ObjectDef, Row, WriteContext } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { syncTimeline, timelineTargets } from '../../core/timeline.ts';
import { invalid } from '../../http/errors.ts';
import { inheritPrimaryAccount } from '../contacts/contact-accounts.ts';
import { activitiesLabels } from './activities.labels.ts';

export const ACTIVITY_KINDS = ['call', 'visit', 'meeting', 'email', 'note', 'message'] as const;

async function putOnTimeline(ctx: WriteContext, row: Row): Promise<void> {
  await syncTimeline(ctx.trx, 'activity', row.id, {
    occurredAt: row.occurred_at,
    kind: row.kind,
    title: row.subject,
    body: row.body,
    targets: timelineTargets(ctx.def, row),
    actorId: row.owner_id ?? ctx.actor.id,
  });
}

export const activitiesObject: ObjectDef = {
  name: 'activities',
  attachments: true,
  singular: 'activity',
  titleField: 'subject',
  timeline: { targets: ['contact_id', 'account_id'], title: 'subject', body: 'body' },
  labels: activitiesLabels,
  ui: {
    menu: { group: 'work', icon: 'CalendarOutlined', order: 10 },
    listColumns: ['subject', 'kind', 'occurred_at', 'contact_id', 'account_id', 'owner_id'],
    quickCreate: ['kind', 'subject', 'occurred_at', 'duration_minutes', 'body', 'contact_id', 'account_id'],
    sections: [
      { key: 'details', fields: ['kind', 'subject', 'occurred_at', 'duration_minutes', 'body'] },
      { key: 'links', fields: ['contact_id', 'account_id', 'owner_id'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_at', 'updated_at'] },
    ],
    defaults: { kind: 'call' },
  },
  // By when it happened, not when it was typed in (index: migration 030).
  defaultSort: '-occurred_at',
  ownerField: 'owner_id',
  fields: [
    { key: 'kind', type: 'select', required: true, options: opts(...ACTIVITY_KINDS) },
    { key: 'subject', type: 'text', required: true, max: 300 },
    { key: 'body', type: 'longtext', mentions: true },
    { key: 'occurred_at', type: 'datetime' },
    { key: 'duration_minutes', type: 'number' },
    // A contact's activities go with it; an account's too, unless they also belong to a contact.
    { key: 'contact_id', type: 'link', link: 'contacts', onDelete: 'cascade' },
    { key: 'account_id', type: 'link', link: 'accounts', onDelete: 'cascade', keepIfLinked: ['contact_id'] },
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
  notNull: ['kind', 'subject', 'occurred_at'],
};
