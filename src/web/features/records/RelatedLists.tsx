import { useState } from 'react';
import { App, Button, Checkbox, Empty, Input,  Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { SimpleList } from '../../components/SimpleList.tsx';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { ApiRecord, ContactAccountLink, Page } from '../../api/types.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { objectLabel, optionLabel } from '../../fields/labels.ts';
import { keys } from '../../api/keys.ts';
import { useRecordList, useSaveRecord } from '../../api/records.ts';
import { useObject } from '../../api/objects.ts';
import { recordPath } from '../../fields/layout.ts';

/** The people at an account, with their role there. */
export function AccountContacts({ accountId, onAdd }: { accountId: number; onAdd?: () => void }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: [...keys.related(), 'account-contacts', accountId],
    queryFn: async () => api.get<Page<ApiRecord>>(`/accounts/${accountId}/contacts`, { limit: 50, sort: 'name' }),
  });
  if (q.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  const rows = q.data?.data ?? [];
  return (
    <div data-testid="related-contacts">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.related.noContacts')} />
      ) : (
        <SimpleList
          items={rows}
          rowKey={(c) => c.id}
          render={(c) => (
            <>
              <div style={{ minWidth: 0 }}>
                <Link to={`/contacts/${c.id}`}>{String(c.name ?? `#${c.id}`)}</Link>
                {/* Most people here have this account as their primary one: only the exceptions are marked. */}
                {c.is_primary ? null : <Tag style={{ marginInlineStart: 8 }}>{t('record.related.otherPrimary')}</Tag>}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[c.account_role ?? c.title, c.mobile ?? c.phone, c.email].filter(Boolean).map(String).join(' · ')}
                  </Typography.Text>
                </div>
              </div>
            </>
          )}
        />
      )}
      {onAdd ? <Button size="small" icon={<PlusOutlined />} onClick={onAdd} style={{ marginTop: 8 }}>{t('record.related.addContact')}</Button> : null}
    </div>
  );
}

/** The accounts a contact works with (one is primary), with the role at each. */
export function ContactAccounts({ contact, canEdit }: { contact: ApiRecord; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const links = (Array.isArray(contact.accounts) ? contact.accounts : []) as ContactAccountLink[];
  const saveContact = useSaveRecord('contacts');
  const [adding, setAdding] = useState(false);
  const [account, setAccount] = useState<number | null>(null);
  const [role, setRole] = useState('');
  const save = useMutation({
    mutationFn: async (next: ContactAccountLink[]) =>
      saveContact.mutateAsync({ id: contact.id, body: { accounts: next.map((l) => ({ account_id: l.account_id, role: l.role || null })) } }),
    onSuccess: () => {
      setAdding(false);
      setAccount(null);
      setRole('');
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  return (
    <div data-testid="related-accounts">
      {links.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.related.noAccounts')} />
      ) : (
        <SimpleList
          items={links}
          rowKey={(l) => l.account_id}
          render={(l) => (
            <>
              <div className="gx-list-main">
                <Link to={`/accounts/${l.account_id}`}>{l.account_name ?? `#${l.account_id}`}</Link>
                {l.is_primary ? <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('record.related.primary')}</Tag> : null}
                {l.role ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('record.related.role')}: {l.role}</Typography.Text></div> : null}
              </div>
              {canEdit && !l.is_primary ? (
                <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.remove')}
                  onClick={() => save.mutate(links.filter((x) => x.account_id !== l.account_id))} />
              ) : null}
            </>
          )}
        />
      )}
      {canEdit ? <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginTop: 8 }}>{t('common.add')}</Button> : null}
      <Modal
        open={adding}
        title={t('record.related.accounts')}
        onCancel={() => setAdding(false)}
        okButtonProps={{ disabled: !account, loading: save.isPending }}
        onOk={() => account && save.mutate([...links.filter((x) => x.account_id !== account), { account_id: account, role: role || null, is_primary: false }])}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <RecordSelect target="accounts" value={account} onChange={setAccount} />
          <Input placeholder={t('record.related.role')} value={role} onChange={(e) => setRole(e.target.value)} maxLength={100} />
        </Space>
      </Modal>
    </div>
  );
}

/** Tasks about this record (their link field `field` points at it), open ones first; tick to mark done. */
export function RecordTasks({ field, id, onNew }: { field: string; id: number; onNew?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useRecordList('tasks', { [`filter[${field}]`]: id, sort: '-status', limit: 20 });
  const save = useSaveRecord('tasks');
  const toggle = useMutation({
    mutationFn: ({ task, done }: { task: ApiRecord; done: boolean }) => save.mutateAsync({ id: task.id, body: { status: done ? 'done' : 'open' } }),
    onError: (e) => message.error(errorText(t, e)),
  });
  if (q.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const rows = q.data?.data ?? [];
  const statusField = { key: 'status', options: [] };
  return (
    <div data-testid="related-tasks">
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('record.related.noTasks')}</Typography.Text>
      ) : (
        <SimpleList
          items={rows}
          rowKey={(task) => task.id}
          render={(task) => {
            const done = task.status === 'done';
            const overdue = !done && typeof task.due_at === 'string' && new Date(task.due_at) < new Date();
            return (
              <>
                <Checkbox checked={done} disabled={toggle.isPending || task.status === 'cancelled'} onChange={(e) => toggle.mutate({ task, done: e.target.checked })} style={{ marginInlineEnd: 8 }} />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text delete={done} ellipsis style={{ display: 'block' }}>{String(task.title ?? '')}</Typography.Text>
                  <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {[task.due_at ? formatDateTime(task.due_at) : null, task.status !== 'open' ? optionLabel(t, 'tasks', statusField, task.status) : null, task.refs?.owner_id?.title].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              </>
            );
          }}
        />
      )}
      {onNew ? <Button size="small" icon={<PlusOutlined />} onClick={onNew} style={{ marginTop: 8 }}>{t('record.newTask')}</Button> : null}
    </div>
  );
}

/** Any other related list: the records of `object` whose `field` points here, by title; `onAdd` offers a new one. */
export function RelatedRecords({ object, field, id, onAdd }: { object: string; field: string; id: number; onAdd?: () => void }) {
  const { t } = useTranslation();
  const descriptor = useObject(object);
  const title = descriptor?.title_field ?? 'name';
  const q = useRecordList(object, { [`filter[${field}]`]: id, limit: 20 });
  if (q.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const rows = q.data?.data ?? [];
  return (
    <div data-testid={`related-${object}`}>
      {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} /> : <SimpleList
        items={rows}
        rowKey={(r) => r.id}
        render={(r) => {
          const text = String(r[title] ?? `#${r.id}`);
          const path = recordPath(descriptor, r.id);
          return path ? <Link to={path}>{text}</Link> : <span>{text}</span>;
        }}
      />}
      {onAdd ? <Button size="small" icon={<PlusOutlined />} onClick={onAdd} style={{ marginTop: 8 }}>{t('record.related.add', { object: objectLabel(t, object).toLowerCase() })}</Button> : null}
    </div>
  );
}
