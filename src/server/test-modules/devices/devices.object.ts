import type { ObjectDef, Row, WriteContext } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { syncTimeline, timelineTargets } from '../../core/timeline.ts';
import { devicesLabels } from './devices.labels.ts';
import { printDevice } from './devices.print.ts';

/** An installed device shows on its account's and contact's timelines from its installation day. */
async function putOnTimeline(ctx: WriteContext, row: Row): Promise<void> {
  await syncTimeline(ctx.trx, 'device', row.id, {
    occurredAt: row.installed_on ?? row.created_at,
    kind: 'device',
    title: row.name,
    body: row.notes,
    targets: timelineTargets(ctx.def, row),
    actorId: ctx.actor.id,
  });
}

export const devicesObject: ObjectDef = {
  name: 'devices',
  singular: 'device',
  titleField: 'name',
  ownerField: 'owner_id',
  fields: [
    { key: 'name', type: 'text', required: true, max: 200 },
    { key: 'serial', type: 'text', max: 100 },
    { key: 'model', type: 'select', options: opts('x100', 'x200', 'p10') },
    { key: 'status', type: 'select', options: opts('active', 'repair', 'retired') },
    { key: 'price', type: 'money' },
    { key: 'installed_on', type: 'date' },
    { key: 'notes', type: 'longtext', max: 4000 },
    { key: 'account_id', type: 'link', link: 'accounts', relatedList: true },
    { key: 'contact_id', type: 'link', link: 'contacts' },
    { key: 'owner_id', type: 'user' },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: devicesLabels,
  ui: {
    menu: { group: 'service', icon: 'ToolOutlined', order: 10 },
    listColumns: ['name', 'serial', 'model', 'status', 'account_id', 'installed_on', 'owner_id'],
    quickCreate: ['name', 'serial', 'model', 'account_id', 'installed_on'],
    sections: [
      { key: 'main', fields: ['name', 'serial', 'model', 'status', 'price'] },
      { key: 'service', fields: ['installed_on', 'notes'] },
      { key: 'links', fields: ['account_id', 'contact_id', 'owner_id'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
  },
  // Service agents and managers keep the installed base; only managers and admins delete or import it.
  policy: { delete: ['admin', 'manager'], import: ['admin', 'manager'] },
  search: {
    document: (r) => ({ names: searchValues(r, ['name']), other: searchValues(r, ['serial']), notes: searchValues(r, ['notes']) }),
    pinyin: 'company',
    subtitle: ['account_id', 'serial'],
    global: true,
    related: [{ link: 'account_id', fields: ['name'] }],
  },
  duplicates: { keys: [{ match: 'name', field: 'serial' }] },
  // A file's rows are the same device when their serial numbers are; the headers are read by the labels.
  import: { synonyms: { serial: ['serial', 'sn', 's/n', '机身号', '序列号码'] }, identity: [{ tag: 's', label: 'serial number', column: 'serial', of: (v) => (typeof v.serial === 'string' && v.serial.trim() ? v.serial.trim() : null) }] },
  timeline: { targets: ['account_id', 'contact_id'], title: 'name', body: 'notes' },
  beforeWrite: async (_ctx, values, existing) => {
    if (!existing && !values.status) values.status = 'active';
  },
  afterWrite: putOnTimeline,
  // GET /devices/{id}/pdf (modules/documents): a device sheet.
  printable: printDevice,
  notNull: ['name', 'status'],
};
