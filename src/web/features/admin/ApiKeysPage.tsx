import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { ApiOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useAllUsers } from '../../api/hooks.ts';
import type { ApiKey, One, Page } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { AdminPage } from './common.tsx';

export function ApiKeysPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: async () => (await api.get<Page<ApiKey>>('/api-keys')).data });
  const users = useAllUsers();
  const [creating, setCreating] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const create = useMutation({
    mutationFn: async (v: { name: string }) => (await api.post<One<ApiKey>>('/api-keys', v)).data,
    onSuccess: (k) => {
      setCreating(false);
      setToken(k.token ?? null);
      void qc.invalidateQueries({ queryKey: ['api-keys'] });
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  const revoke = useMutation({
    mutationFn: (k: ApiKey) => api.del(`/api-keys/${k.id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['api-keys'] }),
    onError: (e) => message.error(errorText(t, e)),
  });
  const userName = (id: number) => users.data?.find((u) => u.id === id)?.name ?? `#${id}`;
  return (
    <AdminPage adminOnly={false} title={t('admin.apiKeys.title')}
      actions={<Space wrap>
        {/* The reference page the server serves (swagger-ui): "Try it out" runs as the signed-in user. */}
        <Button icon={<ApiOutlined />} href="/api/docs" target="_blank" rel="noopener" title={t('admin.apiKeys.docsHint')}>{t('admin.apiKeys.docs')}</Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setCreating(true); }}>{t('admin.apiKeys.new')}</Button>
      </Space>}>
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<ApiKey>
          rowKey="id"
          loading={keys.isLoading}
          dataSource={keys.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'name', title: t('admin.apiKeys.name'), dataIndex: 'name', width: 200 },
            { key: 'prefix', title: t('admin.apiKeys.prefix'), width: 160, render: (_, k) => <code>{k.prefix}…</code> },
            { key: 'owner', title: t('admin.apiKeys.owner'), width: 140, render: (_, k) => userName(k.user_id) },
            { key: 'created', title: t('admin.apiKeys.created'), width: 170, render: (_, k) => formatDateTime(k.created_at) },
            { key: 'used', title: t('admin.apiKeys.lastUsed'), width: 170, render: (_, k) => (k.last_used_at ? formatDateTime(k.last_used_at) : t('admin.apiKeys.never')) },
            { key: 'status', title: t('common.status'), width: 110, render: (_, k) => (k.revoked_at ? <Tag>{t('admin.apiKeys.revoked')}</Tag> : <Tag color="green">{t('admin.apiKeys.active')}</Tag>) },
            {
              key: 'actions', width: 100, render: (_, k) => (k.revoked_at ? null : (
                <Button size="small" danger onClick={() => modal.confirm({
                  title: t('admin.apiKeys.confirmRevoke', { name: k.name }),
                  okButtonProps: { danger: true },
                  okText: t('admin.apiKeys.revoke'),
                  onOk: () => revoke.mutateAsync(k),
                })}>{t('admin.apiKeys.revoke')}</Button>
              )),
            },
          ]}
        />
      </Card>
      <Modal open={creating} title={t('admin.apiKeys.new')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('common.create')} forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t('admin.apiKeys.name')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('admin.apiKeys.name') }) }]}>
            <Input autoFocus maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={token !== null} title={t('admin.apiKeys.tokenTitle')} onCancel={() => setToken(null)} footer={<Button type="primary" onClick={() => setToken(null)}>{t('common.done')}</Button>}>
        <Alert type="warning" showIcon title={t('admin.apiKeys.tokenHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: token ?? '' }} code style={{ wordBreak: 'break-all' }} data-testid="api-key-token">{token}</Typography.Paragraph>
      </Modal>
    </AdminPage>
  );
}
