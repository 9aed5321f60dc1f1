import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { errorText, localizeMessage } from '../../api/errors.ts';
import { useRoles, useTeams } from '../../api/hooks.ts';
import type { User } from '../../api/types.ts';
import { LANGUAGES } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { PASSWORD_MIN } from '../../../shared/password-policy.ts';
import { AdminPage, useCursorList } from './common.tsx';
import { roleLabel } from '../../fields/roleLabel.ts';
import { RowOpen } from '../../components/RowOpen.tsx';

interface FormValues {
  email?: string;
  name: string;
  password?: string;
  role: string;
  team_id?: number | null;
  active?: boolean;
  locale?: string;
}

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const users = useCursorList<User>(['users', 'admin'], '/users', { q: q || undefined });
  const roles = useRoles();
  const teams = useTeams();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();

  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      if (editing === 'new') return api.post('/users', { email: v.email, name: v.name, password: v.password, role: v.role, team_id: v.team_id ?? null, locale: v.locale });
      const u = editing as User;
      const body: Record<string, unknown> = { name: v.name, role: v.role, team_id: v.team_id ?? null, active: v.active, locale: v.locale };
      if (v.password) body.password = v.password;
      return api.patch(`/users/${u.id}`, body);
    },
    onSuccess: () => {
      message.success(editing === 'new' ? t('admin.users.created') : t('common.saved'));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.details.length) form.setFields(e.details.map((d) => ({ name: d.field as keyof FormValues, errors: [localizeMessage(t, d.message, d.code)] })));
      else message.error(errorText(t, e));
    },
  });

  const roleName = (k: string) => roleLabel(t, k, roles.data?.find((r) => r.key === k)?.name);
  const teamName = (id: number | null) => teams.data?.find((x) => x.id === id)?.name;
  const open = (u: User | 'new') => {
    form.resetFields();
    if (u === 'new') form.setFieldsValue({ role: 'sales', locale: 'zh-CN', team_id: null });
    else form.setFieldsValue({ name: u.name, role: u.role, team_id: u.team_id, active: u.active, locale: u.locale });
    setEditing(u);
  };

  return (
    <AdminPage title={t('admin.users.title')} actions={<Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('admin.users.new')}</Button>}>
      <Input.Search allowClear placeholder={t('common.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 320, marginBottom: 12 }} />
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<User>
          rowKey="id"
          loading={users.isLoading}
          dataSource={users.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(u) => ({ onClick: () => open(u), className: 'gx-row' })}
          columns={[
            { key: 'name', title: t('admin.users.name'), width: 180, fixed: 'left', render: (_, u) => <RowOpen onOpen={() => open(u)} testId="user-open">{u.name}</RowOpen> },
            { key: 'email', title: t('admin.users.email'), dataIndex: 'email', width: 240 },
            { key: 'role', title: t('admin.users.role'), width: 150, render: (_, u) => <Tag color={u.role === 'admin' ? 'red' : 'blue'}>{roleName(u.role)}</Tag> },
            { key: 'team', title: t('admin.users.team'), width: 150, render: (_, u) => teamName(u.team_id) ?? '—' },
            { key: 'active', title: t('common.status'), width: 100, render: (_, u) => (u.active ? <Tag color="green">{t('admin.users.active')}</Tag> : <Tag>{t('admin.users.inactive')}</Tag>) },
            { key: 'locale', title: t('admin.users.locale'), width: 110, render: (_, u) => LANGUAGES.find((l) => l.code === u.locale)?.label ?? u.locale },
            { key: 'created', title: t('common.created'), width: 170, render: (_, u) => formatDateTime(u.created_at) },
          ]}
        />
        {users.hasNextPage ? <Button block type="text" onClick={() => void users.fetchNextPage()}>{t('common.loadMore')}</Button> : null}
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.users.new') : t('admin.users.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okText={t('common.save')}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {editing === 'new' ? (
            <Form.Item name="email" label={t('admin.users.email')} rules={[{ required: true, type: 'email', message: t('form.invalidEmail') }]}>
              <Input autoComplete="off" />
            </Form.Item>
          ) : null}
          <Form.Item name="name" label={t('admin.users.name')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('admin.users.name') }) }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={editing === 'new' ? t('admin.users.password') : t('admin.users.newPassword')}
            extra={editing === 'new' ? undefined : t('admin.users.newPasswordHint')}
            rules={[{ required: editing === 'new', message: t('form.required', { field: t('admin.users.password') }) }, { min: PASSWORD_MIN, message: t('serverErrors.minPassword') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('admin.users.role')} rules={[{ required: true }]}>
            <Select options={(roles.data ?? []).map((r) => ({ value: r.key, label: roleLabel(t, r.key, r.name) }))} />
          </Form.Item>
          <Form.Item name="team_id" label={t('admin.users.team')}>
            <Select allowClear placeholder={t('admin.users.noTeam')} options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="locale" label={t('admin.users.locale')}>
            <Select options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))} />
          </Form.Item>
          {editing !== 'new' ? (
            <Form.Item name="active" label={t('admin.users.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </AdminPage>
  );
}
