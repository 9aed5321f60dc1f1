import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useAllUsers, useTeams } from '../../api/hooks.ts';
import { useObjects } from '../../api/objects.ts';
import { objectLabel } from '../../fields/labels.ts';
import type { AssignmentRule, AssignmentStrategy, AssignmentTestAnswer } from '../../../shared/contracts/assignment.ts';
import { MATCH_ALL, type ConditionGroup } from '../../../shared/contracts/conditions.ts';
import { RuleConditionInput } from './RuleConditionInput.tsx';
import { AdminPage } from './common.tsx';
import { RowOpen } from '../../components/RowOpen.tsx';

type Values = { name: string; active: boolean; strategy: AssignmentStrategy; user_id: number | null; team_id: number | null; condition: ConditionGroup };
const KEY = ['assignment-rules'];

/** Assignment rules per object (modules/assignment): ordered, each a condition and who takes the matching new records. */
export function AssignmentRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const objects = (useObjects().data ?? []).filter((o) => o.features.assignment);
  const [object, setObject] = useState<string | null>(null);
  useEffect(() => {
    if (!object && objects[0]) setObject(objects[0].name);
  }, [object, objects]);
  const rules = useQuery({
    queryKey: [...KEY, object],
    enabled: Boolean(object),
    queryFn: async () => (await api.get<{ data: AssignmentRule[] }>('/assignment-rules', { object })).data,
  });
  const users = useAllUsers();
  const teams = useTeams();
  const [editing, setEditing] = useState<AssignmentRule | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const strategy = Form.useWatch('strategy', form);
  const refresh = () => void qc.invalidateQueries({ queryKey: KEY });
  const failed = (e: unknown) => message.error(errorText(t, e));

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body = { name: v.name, active: v.active, strategy: v.strategy, condition: v.condition, user_id: v.strategy === 'user' ? v.user_id : null, team_id: v.strategy === 'user' ? null : v.team_id };
      return editing === 'new' ? api.post('/assignment-rules', { object, ...body }) : api.patch(`/assignment-rules/${(editing as AssignmentRule).id}`, body);
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      setEditing(null);
      refresh();
    },
    onError: failed,
  });
  const toggle = useMutation({ mutationFn: (r: AssignmentRule) => api.patch(`/assignment-rules/${r.id}`, { active: !r.active }), onSuccess: refresh, onError: failed });
  const remove = useMutation({ mutationFn: (r: AssignmentRule) => api.del(`/assignment-rules/${r.id}`), onSuccess: refresh, onError: failed });
  const reorder = useMutation({ mutationFn: (ids: number[]) => api.post('/assignment-rules/reorder', { object, ids }), onSuccess: refresh, onError: failed });
  const move = (i: number, by: number) => {
    const ids = (rules.data ?? []).map((r) => r.id);
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    reorder.mutate(ids);
  };

  const open = (r: AssignmentRule | 'new') => {
    form.resetFields();
    form.setFieldsValue(r === 'new' ? { name: '', active: true, strategy: 'round_robin', user_id: null, team_id: null, condition: MATCH_ALL } : { ...r, condition: r.condition as ConditionGroup });
    setEditing(r);
  };
  const userName = (id: number | null) => users.data?.find((u) => u.id === id)?.name ?? `#${id}`;
  const teamName = (id: number | null) => teams.data?.find((x) => x.id === id)?.name ?? `#${id}`;
  const target = (r: AssignmentRule) => (r.strategy === 'user' ? userName(r.user_id) : `${teamName(r.team_id)} · ${t(`admin.assignment.strategies.${r.strategy}`)}`);
  const list = rules.data ?? [];

  return (
    <AdminPage
      title={t('admin.assignment.title')}
      actions={<Button type="primary" icon={<PlusOutlined />} disabled={!object} onClick={() => open('new')}>{t('admin.assignment.new')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('admin.assignment.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <span>{t('admin.assignment.object')}</span>
        <Select style={{ minWidth: 200 }} value={object ?? undefined} onChange={setObject} aria-label={t('admin.assignment.object')}
          options={objects.map((o) => ({ value: o.name, label: objectLabel(t, o.name, true) }))} />
      </Space>
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<AssignmentRule>
          rowKey="id"
          loading={rules.isLoading}
          dataSource={list}
          pagination={false}
          locale={{ emptyText: t('admin.assignment.empty') }}
          onRow={(r) => ({ onClick: () => open(r), className: 'gx-row' })}
          columns={[
            { key: 'order', width: 96, render: (_, r, i) => (
              <Space size={0} onClick={(e) => e.stopPropagation()}>
                <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('admin.assignment.up')} onClick={() => move(i, -1)} />
                <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === list.length - 1} aria-label={t('admin.assignment.down')} onClick={() => move(i, 1)} />
              </Space>
            ) },
            { key: 'name', title: t('admin.assignment.name'), render: (_, r) => <RowOpen onOpen={() => open(r)}>{r.name}</RowOpen> },
            { key: 'when', title: t('admin.assignment.when'), render: (_, r) => (r.condition.conditions.length ? t('admin.assignment.conditions', { count: r.condition.conditions.length }) : t('admin.assignment.always')) },
            { key: 'target', title: t('admin.assignment.target'), render: (_, r) => target(r) },
            { key: 'active', title: t('admin.assignment.active'), width: 100, render: (_, r) => (
              <span onClick={(e) => e.stopPropagation()}><Switch size="small" checked={r.active} onChange={() => toggle.mutate(r)} aria-label={t('admin.assignment.active')} /></span>
            ) },
            { key: 'delete', width: 56, render: (_, r) => (
              <span onClick={(e) => e.stopPropagation()}>
                <Popconfirm title={t('admin.assignment.deleteConfirm')} onConfirm={() => remove.mutate(r)}>
                  <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </span>
            ) },
          ]}
        />
      </Card>
      {object ? <RuleTester object={object} /> : null}
      <Modal open={editing !== null} width={760} title={editing === 'new' ? t('admin.assignment.new') : t('admin.assignment.edit')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('admin.assignment.name')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('admin.assignment.name') }) }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="condition" label={t('admin.assignment.when')}>
            {object ? <RuleConditionInput object={object} /> : <span />}
          </Form.Item>
          <Form.Item name="strategy" label={t('admin.assignment.strategy')}>
            <Radio.Group optionType="button" options={(['user', 'round_robin', 'load'] as const).map((s) => ({ value: s, label: t(`admin.assignment.strategies.${s}`) }))} />
          </Form.Item>
          {strategy === 'user' ? (
            <Form.Item name="user_id" label={t('admin.assignment.user')} rules={[{ required: true, message: t('form.required', { field: t('admin.assignment.user') }) }]}>
              <Select showSearch optionFilterProp="label" options={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          ) : (
            <Form.Item name="team_id" label={t('admin.assignment.team')} extra={t(`admin.assignment.strategyHint.${strategy ?? 'round_robin'}`)}
              rules={[{ required: true, message: t('form.required', { field: t('admin.assignment.team') }) }]}>
              <Select options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
            </Form.Item>
          )}
          <Form.Item name="active" label={t('admin.assignment.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </AdminPage>
  );
}

/** "Which rule takes record #N?": the dry run (nothing changes, the round robin stays). */
function RuleTester({ object }: { object: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [id, setId] = useState<number | null>(null);
  const test = useMutation({
    mutationFn: async () => (await api.post<z.infer<typeof AssignmentTestAnswer>>('/assignment-rules/test', { object, id })).data,
    onError: (e) => message.error(errorText(t, e)),
  });
  const r = test.data;
  return (
    <Card variant="borderless" title={t('admin.assignment.test')} style={{ marginTop: 16, maxWidth: 760 }}>
      <Space wrap>
        <InputNumber min={1} precision={0} value={id} onChange={(v) => setId(v)} placeholder={t('admin.assignment.recordId')} aria-label={t('admin.assignment.recordId')} />
        <Button onClick={() => test.mutate()} disabled={!id} loading={test.isPending}>{t('admin.assignment.run')}</Button>
      </Space>
      {r ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Paragraph>
            {r.rule ? t('admin.assignment.result', { rule: r.rule.name, user: r.user?.name ?? '—' }) : t('admin.assignment.noRule')}
          </Typography.Paragraph>
          <Space wrap>
            {r.rules.map((x) => (
              <Tag key={x.id} color={x.matches ? (x.active ? 'green' : 'default') : undefined}>
                {x.name}: {x.matches ? t('admin.assignment.matches') : t('admin.assignment.noMatch')}{x.active ? '' : ` (${t('admin.assignment.inactive')})`}
              </Tag>
            ))}
          </Space>
        </div>
      ) : null}
    </Card>
  );
}
