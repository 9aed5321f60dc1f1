import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../api/types.ts';
import { fieldLabel, objectLabel } from '../../fields/labels.ts';
import { useObjects } from '../../api/objects.ts';
import { inMenuOrder } from '../../app/nav.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { AdminPage, useCursorList } from './common.tsx';

// Audited things that are not record objects; the record objects come from the descriptors.
const SETTINGS_OBJECTS = ['users', 'teams', 'roles', 'custom_fields', 'api_keys', 'imports', 'saved_views'];
const ACTIONS = ['create', 'update', 'delete', 'merge', 'import', 'revoke', 'undo_merge'];

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '∅';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatDateTime(v);
  if (Array.isArray(v)) return v.map(show).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Changes as "field: old → new"; before-images and other shapes as a short summary. */
function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const c = entry.changes;
  if (!c || typeof c !== 'object') return null;
  const pairs = Object.entries(c).filter(([, v]) => Array.isArray(v) && v.length === 2) as [string, [unknown, unknown]][];
  if (pairs.length && pairs.length === Object.keys(c).length) {
    const shown = open ? pairs : pairs.slice(0, 4);
    return (
      <div className="gx-changes">
        {shown.map(([k, [a, b]]) => (
          <div key={k}>
            <Typography.Text type="secondary">{fieldLabel(t, entry.object, k)}:</Typography.Text>{' '}
            <Typography.Text delete type="secondary">{show(a)}</Typography.Text> → <Typography.Text>{show(b)}</Typography.Text>
          </div>
        ))}
        {pairs.length > 4 && !open ? <a onClick={() => setOpen(true)}>{t('admin.audit.more', { count: pairs.length - 4 })}</a> : null}
      </div>
    );
  }
  // Other shapes (before-images of deleted records, lists of changed settings): key: value lines.
  const source = 'before' in c && c.before && typeof c.before === 'object' ? (c.before as Record<string, unknown>) : c;
  const entries = Object.entries(source).filter(([, v]) => v !== null && v !== undefined && v !== '');
  const shown = open ? entries : entries.slice(0, 4);
  return (
    <div className="gx-changes">
      {'before' in c ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('admin.audit.before')}</Typography.Text> : null}
      {shown.map(([k, v]) => (
        <div key={k} style={{ wordBreak: 'break-word' }}>
          <Typography.Text type="secondary">{fieldLabel(t, entry.object, k)}:</Typography.Text> {show(v)}
        </div>
      ))}
      {entries.length > 4 && !open ? <a onClick={() => setOpen(true)}>{t('admin.audit.more', { count: entries.length - 4 })}</a> : null}
    </div>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const [object, setObject] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [recordText, setRecordText] = useState('');
  const recordId = useDebounced(recordText.trim(), 300);
  const log = useCursorList<AuditEntry>(['audit'], '/audit-log', {
    'filter[object]': object,
    'filter[action]': action,
    'filter[record_id]': /^\d+$/.test(recordId) ? recordId : undefined,
  });
  const descriptors = useObjects().data ?? [];
  const recordPages = new Set(descriptors.filter((d) => d.record_page).map((d) => d.name));
  const objects = [...inMenuOrder(descriptors).map((d) => d.name), ...SETTINGS_OBJECTS];
  const objName = (o: string) => t(`objects.${o}.other`, { defaultValue: o });
  return (
    <AdminPage title={t('admin.audit.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear aria-label={t('admin.audit.filterObject')} placeholder={t('admin.audit.filterObject')} style={{ width: 180 }} value={object} onChange={setObject}
          options={objects.map((o) => ({ value: o, label: objName(o) }))} />
        <Select allowClear aria-label={t('admin.audit.filterAction')} placeholder={t('admin.audit.filterAction')} style={{ width: 160 }} value={action} onChange={setAction}
          options={ACTIONS.map((a) => ({ value: a, label: t(`admin.audit.actions.${a}`, { defaultValue: a }) }))} />
        <Input allowClear aria-label={t('admin.audit.filterRecord')} placeholder={t('admin.audit.filterRecord')} style={{ width: 140 }} value={recordText} onChange={(e) => setRecordText(e.target.value)} inputMode="numeric" />
      </Space>
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<AuditEntry>
          rowKey="id"
          loading={log.isLoading}
          dataSource={log.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'when', title: t('admin.audit.when'), width: 170, render: (_, e) => formatDateTime(e.at ?? e.created_at) },
            { key: 'who', title: t('admin.audit.who'), width: 140, render: (_, e) => e.actor_name ?? (e.actor_id ? `#${e.actor_id}` : t('admin.audit.system')) },
            { key: 'action', title: t('admin.audit.action'), width: 110, render: (_, e) => <Tag color={e.action === 'delete' ? 'red' : e.action === 'create' ? 'green' : 'blue'}>{t(`admin.audit.actions.${e.action}`, { defaultValue: e.action })}</Tag> },
            { key: 'object', title: t('admin.audit.object'), width: 120, render: (_, e) => objectLabel(t, e.object, true) },
            {
              key: 'record', title: t('admin.audit.record'), width: 90,
              render: (_, e) => (e.record_id ? (recordPages.has(e.object) && e.action !== 'delete' ? <Link to={`/${e.object}/${e.record_id}`}>#{e.record_id}</Link> : `#${e.record_id}`) : '—'),
            },
            { key: 'changes', title: t('admin.audit.changes'), width: 460, render: (_, e) => <Changes entry={e} /> },
          ]}
        />
        {log.hasNextPage ? <Button block type="text" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>{t('common.loadMore')}</Button> : null}
      </Card>
    </AdminPage>
  );
}
