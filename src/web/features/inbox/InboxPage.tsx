import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Switch, Table, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { Mailbox, MailSummary, One } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { AdminPage, useCursorList } from '../admin/common.tsx';

const PURPOSES = ['support', 'leads', 'general'] as const;
const KEY = ['inbox-mailboxes'];

/** The addresses the SMTP listener receives for: add, change purpose, switch off, remove. */
function MailboxesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ address: string; purpose: Mailbox['purpose'] }>();
  const list = useQuery({ queryKey: KEY, queryFn: async () => (await api.get<{ data: Mailbox[] }>('/inbox/mailboxes')).data });
  const done = () => void qc.invalidateQueries({ queryKey: KEY });
  const onError = (e: unknown) => message.error(errorText(t, e));
  const add = useMutation({
    mutationFn: async (v: { address: string; purpose: Mailbox['purpose'] }) => (await api.post<One<Mailbox>>('/inbox/mailboxes', v)).data,
    onSuccess: () => { form.resetFields(); done(); }, onError,
  });
  const patch = useMutation({
    mutationFn: async ({ id, ...v }: Partial<Mailbox> & { id: number }) => api.patch(`/inbox/mailboxes/${id}`, v),
    onSuccess: done, onError,
  });
  const remove = useMutation({ mutationFn: async (id: number) => api.del(`/inbox/mailboxes/${id}`), onSuccess: done, onError });
  const purposeOptions = PURPOSES.map((p) => ({ value: p, label: t(`inbox.purposes.${p}`) }));
  return (
    <Card variant="borderless" title={t('inbox.mailboxes')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('inbox.mailboxesHelp')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} initialValues={{ purpose: 'support' }} style={{ marginBottom: 16 }}>
        <Form.Item name="address" rules={[{ required: true, type: 'email', message: t('form.invalidEmail') }]}>
          <Input placeholder={t('inbox.address')} aria-label={t('inbox.address')} type="email" style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="purpose"><Select options={purposeOptions} style={{ width: 160 }} aria-label={t('inbox.purpose')} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{t('inbox.add')}</Button>
      </Form>
      <Table<Mailbox> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data ?? []} pagination={false}
        columns={[
          { title: t('inbox.address'), dataIndex: 'address' },
          { title: t('inbox.purpose'), dataIndex: 'purpose', render: (v: Mailbox['purpose'], r) => (
            <Select size="small" value={v} options={purposeOptions} style={{ width: 140 }} aria-label={t('inbox.purpose')} onChange={(purpose) => patch.mutate({ id: r.id, purpose })} />
          ) },
          { title: t('inbox.active'), dataIndex: 'active', render: (v: boolean, r) => (
            <Switch checked={v} size="small" aria-label={t('inbox.active')} onChange={(active) => patch.mutate({ id: r.id, active })} />
          ) },
          { key: 'x', width: 48, render: (_: unknown, r) => (
            <Popconfirm title={t('inbox.removeConfirm')} onConfirm={() => remove.mutate(r.id)}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          ) },
        ]} />
    </Card>
  );
}

/** Received mail, newest first; "unmatched": from no known contact (later modules make tickets and leads of them). */
function MessagesCard() {
  const { t } = useTranslation();
  const [unmatched, setUnmatched] = useState(true);
  const list = useCursorList<MailSummary>(['inbox-messages'], '/inbox/messages', unmatched ? { unmatched: 'true' } : {});
  return (
    <Card variant="borderless" title={t('inbox.messages')}
      extra={<Space><Typography.Text>{t('inbox.unmatchedOnly')}</Typography.Text><Switch size="small" checked={unmatched} onChange={setUnmatched} aria-label={t('inbox.unmatchedOnly')} /></Space>}>
      <Table<MailSummary> rowKey="id" size="small" loading={list.isLoading} dataSource={list.rows} pagination={false}
        locale={{ emptyText: t('inbox.noMessages') }}
        columns={[
          { title: t('inbox.received'), dataIndex: 'received_at', width: 180, render: (v: string) => formatDateTime(v) },
          { title: t('inbox.from'), dataIndex: 'from_address', render: (v: string, r) => (r.from_name ? `${r.from_name} <${v}>` : v) },
          { title: t('inbox.subject'), dataIndex: 'subject', render: (v: string, r) => <Link to={`/inbox/messages/${r.id}`}>{v || t('inbox.noSubject')}</Link> },
        ]} />
      {list.hasNextPage ? <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button> : null}
    </Card>
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('inbox.title')}>
      <MailboxesCard />
      <MessagesCard />
    </AdminPage>
  );
}
