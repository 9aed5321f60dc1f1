import type { ObjectDef, Row, WriteContext } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { emitTimeline, timelineTargets } from '../../core/timeline.ts';
import { inheritPrimaryAccount } from '../contacts/contact-accounts.ts';
import { tasksLabels } from './tasks.labels.ts';
import { CURRENT_USER } from '../../../shared/objects.ts';

async function taskTimeline(ctx: WriteContext, row: Row, existing: Row | null): Promise<void> {
  const targets = timelineTargets(ctx.def, row);
  if (!targets.length) return;
  const base = { targets, actorId: ctx.actor.id, refType: 'task', refId: row.id };
  if (!existing) await emitTimeline(ctx.trx, { ...base, occurredAt: row.created_at, kind: 'task', title: row.title, body: row.description });
  if (row.status === 'done' && existing?.status !== 'done') {
    await emitTimeline(ctx.trx, { ...base, occurredAt: new Date(), kind: 'task_done', title: row.title });
  }
}

export const tasksObject: ObjectDef = {
  name: 'tasks',
  attachments: true,
  singular: 'task',
  titleField: 'title',
  timeline: { targets: ['contact_id', 'account_id'], title: 'title', body: 'description' },
  labels: tasksLabels,
  ui: {
    menu: { group: 'work', icon: 'CheckSquareOutlined', order: 20 },
    listColumns: ['title', 'status', 'priority', 'due_at', 'contact_id', 'account_id', 'owner_id'],
    quickCreate: ['title', 'description', 'priority', 'due_at', 'reminder_at', 'contact_id', 'account_id', 'owner_id'],
    sections: [
      { key: 'details', fields: ['title', 'description', 'status', 'priority'] },
      { key: 'schedule', fields: ['due_at', 'reminder_at'] },
      { key: 'links', fields: ['contact_id', 'account_id', 'owner_id'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['completed_at', 'created_at', 'updated_at'] },
    ],
    defaults: { status: 'open', priority: 'normal', owner_id: CURRENT_USER },
  },
  ownerField: 'owner_id',
  // Assignment rules may give new tasks an owner; by load, a member's open tasks count.
  assignment: { loadFilter: { kind: 'group', match: 'all', conditions: [{ kind: 'field', field: 'status', op: 'eq', value: 'open' }] } },
  fields: [
    { key: 'title', type: 'text', required: true, max: 300 },
    { key: 'description', type: 'longtext', mentions: true },
    // A state machine (records/stages.ts): a finished task is reopened before it changes its end.
    {
      key: 'status', type: 'select', options: opts('open', 'done', 'cancelled'),
      stages: { transitions: { open: ['done', 'cancelled'], done: ['open'], cancelled: ['open'] } },
    },
    { key: 'priority', type: 'select', options: opts('low', 'normal', 'high', 'urgent') },
    { key: 'due_at', type: 'datetime' },
    { key: 'reminder_at', type: 'datetime' },
    // A contact's tasks go with it; an account's too, unless they also belong to a contact.
    { key: 'contact_id', type: 'link', link: 'contacts', onDelete: 'cascade' },
    { key: 'account_id', type: 'link', link: 'accounts', onDelete: 'cascade', keepIfLinked: ['contact_id'] },
    { key: 'owner_id', type: 'user' },
    { key: 'completed_at', type: 'datetime', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  defaultSort: '-created_at',
  beforeWrite: async (ctx, values, existing) => {
    await inheritPrimaryAccount(ctx.trx, values, existing);
    if (values.status === 'done' && existing?.status !== 'done') values.completed_at = new Date().toISOString();
    if (values.status && values.status !== 'done') values.completed_at = null;
  },
  afterWrite: taskTimeline,
  notNull: ['title', 'status'],
  // The tasks board by status (migration 018: board_position, backfilled, indexed with status).
  board: { field: 'status', positionColumn: 'board_position' },
};
