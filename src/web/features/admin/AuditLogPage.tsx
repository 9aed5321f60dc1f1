import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Dayjs } from 'dayjs';
import type { AuditEntry, One } from '../../api/types.ts';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useAllUsers, useTeams } from '../../api/hooks.ts';
import { LANGUAGES } from '../../i18n/index.ts';
import { useObjects, type ObjectMetaFull } from '../../api/objects.ts';
import { inMenuOrder } from '../../app/nav.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { AdminPage, useCursorList } from './common.tsx';
import { AuditChanges, type AuditContext } from './AuditChanges.tsx';

// Audited things that are not record objects; the record objects come from the descriptors.
const SETTINGS_OBJECTS = ['users', 'teams', 'roles', 'settings', 'exchange_rates', 'number_sequences', 'custom_fields', 'api_keys', 'imports', 'saved_views'];

/** An audited object's name: a record object's own label, else the settings objects' (links.auditObjects). */
const auditObjectLabel = (t: TFunction, o: string) => t([`objects.${o}.other`, `links.auditObjects.${o}`], { defaultValue: o });
const ACTIONS = ['create', 'update', 'delete', 'merge', 'import', 'revoke', 'undo_merge'];

/** Field metadata of every record object on the page, so changes read in labels (custom fields included). */
function useAuditContext(rows: AuditEntry[], recordObjects: Set<string>): AuditContext {
  const objects = [...new Set(rows.map((r) => r.object))].filter((o) => recordObjects.has(o)).sort();
  const metas = useQueries({
    queries: objects.map((o) => ({
      queryKey: keys.meta(o), staleTime: 60_000,
      queryFn: async () => (await api.get<One<ObjectMetaFull>>(`/meta/objects/${o}`)).data,
    })),
  });
  const users = useAllUsers().data;
  const teams = useTeams().data;
  const metaKey = metas.map((m) => m.dataUpdatedAt).join(',');
  return useMemo(() => ({
    meta: new Map(metas.flatMap((m) => (m.data ? [[m.data.name, m.data] as const] : []))),
    users: new Map((users ?? []).map((u) => [u.id, u.name])),
    teams: new Map((teams ?? []).map((x) => [x.id, x.name])),
    languages: new Map(LANGUAGES.map((l) => [l.code as string, l.label])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [metaKey, users, teams]);
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const [object, setObject] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [actorId, setActorId] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [recordText, setRecordText] = useState('');
  const recordId = useDebounced(recordText.trim(), 300);
  const log = useCursorList<AuditEntry>(['audit'], '/audit-log', {
    'filter[object]': object,
    'filter[action]': action,
    'filter[actor_id]': actorId !== undefined ? String(actorId) : undefined,
    'filter[from]': range?.[0]?.format('YYYY-MM-DD'),
    'filter[to]': range?.[1]?.format('YYYY-MM-DD'),
    'filter[record_id]': /^\d+$/.test(recordId) ? recordId : undefined,
  });
  const descriptors = useObjects().data ?? [];
  const users = useAllUsers().data ?? [];
  const recordObjects = new Set(descriptors.map((d) => d.name));
  const recordPages = new Set(descriptors.filter((d) => d.record_page).map((d) => d.name));
  const objects = [...inMenuOrder(descriptors).map((d) => d.name), ...SETTINGS_OBJECTS];
  const ctx = useAuditContext(log.rows, recordObjects);
  const record = (e: AuditEntry) => {
    if (!e.record_id) return '—';
    // A title only comes for a record the reader may read now; others stay "#id".
    const text = e.record_title ? e.record_title : `#${e.record_id}`;
    return e.record_title && recordPages.has(e.object) ? <Link to={`/${e.object}/${e.record_id}`}>{text}</Link> : text;
  };
  return (
    <AdminPage title={t('admin.audit.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear aria-label={t('admin.audit.filterObject')} placeholder={t('admin.audit.filterObject')} style={{ width: 180 }} value={object} onChange={setObject}
          options={objects.map((o) => ({ value: o, label: auditObjectLabel(t, o) }))} />
        <Select allowClear aria-label={t('admin.audit.filterAction')} placeholder={t('admin.audit.filterAction')} style={{ width: 160 }} value={action} onChange={setAction}
          options={ACTIONS.map((a) => ({ value: a, label: t(`admin.audit.actions.${a}`, { defaultValue: a }) }))} />
        <Select allowClear showSearch optionFilterProp="label" aria-label={t('faster.audit.filterUser')} placeholder={t('faster.audit.filterUser')} style={{ width: 180 }}
          value={actorId} onChange={setActorId} options={users.map((u) => ({ value: u.id, label: u.name }))} />
        <DatePicker.RangePicker aria-label={t('faster.audit.dates')} placeholder={[t('faster.audit.from'), t('faster.audit.to')]} value={range} onChange={(v) => setRange(v)} />
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
            { key: 'object', title: t('admin.audit.object'), width: 120, render: (_, e) => auditObjectLabel(t, e.object) },
            { key: 'record', title: t('admin.audit.record'), width: 180, render: (_, e) => record(e) },
            { key: 'changes', title: t('admin.audit.changes'), width: 460, render: (_, e) => <AuditChanges entry={e} ctx={ctx} /> },
          ]}
        />
        {log.hasNextPage ? <Button block type="text" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>{t('common.loadMore')}</Button> : null}
      </Card>
    </AdminPage>
  );
}
