import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useAllUsers, useTeams } from '../../api/hooks.ts';
import type { Team } from '../../api/types.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import { AdminPage } from './common.tsx';
import { RowOpen } from '../../components/RowOpen.tsx';

export function TeamsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const teams = useTeams();
  const users = useAllUsers();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [form] = Form.useForm<{ name: string; manager_id: number | null }>();
  const save = useMutation({
    mutationFn: async (v: { name: string; manager_id: number | null }) =>
      editing === 'new' ? api.post('/teams', { name: v.name, manager_id: v.manager_id ?? null }) : api.patch(`/teams/${(editing as Team).id}`, { name: v.name, manager_id: v.manager_id ?? null }),
    onSuccess: () => {
      message.success(editing === 'new' ? t('admin.teams.created') : t('common.saved'));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ['teams'] });
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  const open = (team: Team | 'new') => {
    form.resetFields();
    if (team !== 'new') form.setFieldsValue({ name: team.name, manager_id: team.manager_id });
    setEditing(team);
  };
  const userName = (id: number | null) => users.data?.find((u) => u.id === id)?.name;
  return (
    <AdminPage title={t('admin.teams.title')} actions={<Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('admin.teams.new')}</Button>}>
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<Team>
          rowKey="id"
          loading={teams.isLoading}
          dataSource={teams.data ?? []}
          pagination={false}
          onRow={(x) => ({ onClick: () => open(x), className: 'gx-row' })}
          columns={[
            { key: 'name', title: t('admin.teams.name'), render: (_, x) => <RowOpen onOpen={() => open(x)} testId="team-open">{x.name}</RowOpen> },
            { key: 'manager', title: t('admin.teams.manager'), render: (_, x) => userName(x.manager_id) ?? '—' },
            { key: 'members', title: t('admin.teams.members'), render: (_, x) => (users.data ?? []).filter((u) => u.team_id === x.id).map((u) => u.name).join(', ') || '—' },
          ]}
        />
      </Card>
      <Modal open={editing !== null} title={editing === 'new' ? t('admin.teams.new') : t('admin.teams.edit')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('admin.teams.name')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('admin.teams.name') }) }]}>
            <Input />
          </Form.Item>
          <Form.Item name="manager_id" label={t('admin.teams.manager')}>
            <RecordSelect target="users" initialOptions={editing && editing !== 'new' && editing.manager_id ? [{ value: editing.manager_id, label: userName(editing.manager_id) ?? '' }] : undefined} />
          </Form.Item>
        </Form>
      </Modal>
    </AdminPage>
  );
}
