import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, TreeSelect } from 'antd';
import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useAllUsers } from '../../api/hooks.ts';
import { ConditionBuilder } from '../../components/ConditionBuilder.tsx';
import { MATCH_ALL, type ConditionGroup } from '../../../shared/contracts/conditions.ts';
import type { TerritoryMember, TerritoryNode } from '../../../shared/contracts/territories.ts';
import { TREE_KEY } from './keys.ts';

type Values = { name: string; code?: string | null; parent_id: number | null; manager_id: number | null; priority: number; active: boolean; description?: string | null };

/** Territories other than `id` and those under it: the parents it may move to (the server refuses a cycle anyway). */
function parentChoices(nodes: TerritoryNode[], id: number | undefined) {
  const below = new Set<number>(id ? [id] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const n of nodes) if (n.parent_id !== null && below.has(n.parent_id) && !below.has(n.id)) { below.add(n.id); grew = true; }
  }
  type Choice = { value: number; title: string; children: Choice[] };
  const build = (parent: number | null): Choice[] => nodes
    .filter((n) => n.parent_id === parent && !below.has(n.id))
    .map((n) => ({ value: n.id, title: n.name, children: build(n.id) }));
  return build(null);
}

/** One territory: its fields, its rule (the condition builder on accounts) and its members. */
export function TerritoryEditor({ node, parentId, nodes, onSaved, onAddChild }: {
  node?: TerritoryNode; parentId: number | null; nodes: TerritoryNode[]; onSaved: (id: number | null) => void; onAddChild?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const users = (useAllUsers().data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const [form] = Form.useForm<Values>();
  const [rule, setRule] = useState<ConditionGroup>((node?.rule as ConditionGroup | null) ?? MATCH_ALL);
  const [members, setMembers] = useState<TerritoryMember[]>(node?.members ?? []);
  // A cycle (moving a territory under its own) is the module's refusal: worded here.
  const failed = (e: unknown) => message.error(e instanceof ApiError && e.code === 'tree_cycle' ? t('territories.cycle') : errorText(t, e));
  const refresh = () => void qc.invalidateQueries({ queryKey: TREE_KEY });

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body = { ...v, code: v.code || null, description: v.description || null };
      const r = node
        ? await api.patch<{ data: { id: number } }>(`/territories/${node.id}`, { ...body, version: node.version })
        : await api.post<{ data: { id: number } }>('/territories', body);
      return r.data.id;
    },
    onSuccess: (id) => { message.success(t('common.saved')); onSaved(id); },
    onError: failed,
  });
  const saveRule = useMutation({
    mutationFn: () => api.put(`/territories/${node!.id}/rule`, { condition: rule.conditions.length ? rule : null }),
    onSuccess: () => { message.success(t('territories.ruleSaved')); refresh(); },
    onError: failed,
  });
  const saveMembers = useMutation({
    mutationFn: () => api.put(`/territories/${node!.id}/members`, { members: members.filter((m) => m.user_id) }),
    onSuccess: () => { message.success(t('common.saved')); refresh(); },
    onError: failed,
  });
  const remove = useMutation({ mutationFn: () => api.del(`/territories/${node!.id}`), onSuccess: () => onSaved(null), onError: failed });

  const initial: Values = node
    ? { name: node.name, code: node.code, parent_id: node.parent_id, manager_id: node.manager_id, priority: node.priority, active: node.active, description: node.description }
    : { name: '', code: '', parent_id: parentId, manager_id: null, priority: 0, active: true, description: '' };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card variant="borderless" title={node ? node.name : t('territories.new')}
        extra={node ? (
          <Space>
            {onAddChild ? <Button size="small" icon={<PlusOutlined />} onClick={onAddChild}>{t('territories.addChild')}</Button> : null}
            <Popconfirm title={t('territories.deleteConfirm')} onConfirm={() => remove.mutate()}>
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          </Space>
        ) : null}>
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
          <Space wrap align="start">
            <Form.Item name="name" label={t('territories.name')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('territories.name') }) }]}>
              <Input maxLength={200} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="code" label={t('territories.code')}><Input maxLength={60} style={{ width: 140 }} /></Form.Item>
            <Form.Item name="priority" label={t('territories.priority')} tooltip={t('territories.priorityHint')}><InputNumber precision={0} style={{ width: 100 }} /></Form.Item>
            <Form.Item name="active" label={t('territories.active')} valuePropName="checked"><Switch /></Form.Item>
          </Space>
          <Form.Item name="parent_id" label={t('territories.parent')}>
            <TreeSelect allowClear treeDefaultExpandAll treeData={parentChoices(nodes, node?.id)} placeholder={t('territories.root')} />
          </Form.Item>
          <Form.Item name="manager_id" label={t('territories.manager')} extra={t('territories.managerHint')}>
            <Select allowClear showSearch optionFilterProp="label" options={users} />
          </Form.Item>
          <Form.Item name="description" label={t('territories.description')}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
        </Form>
      </Card>
      {node ? (
        <>
          <Card variant="borderless" title={t('territories.rule')} extra={<Button type="primary" size="small" loading={saveRule.isPending} onClick={() => saveRule.mutate()}>{t('territories.saveRule')}</Button>}>
            <p className="ant-form-item-extra" style={{ marginTop: 0 }}>{t('territories.ruleHint')}</p>
            <ConditionBuilder object="accounts" value={rule} onChange={setRule} />
          </Card>
          <Card variant="borderless" title={t('territories.members')} extra={<Button type="primary" size="small" loading={saveMembers.isPending} onClick={() => saveMembers.mutate()}>{t('common.save')}</Button>}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {members.map((m, i) => (
                <Space key={i}>
                  <Select style={{ width: 220 }} showSearch optionFilterProp="label" options={users} value={m.user_id || undefined} aria-label={t('territories.member')}
                    onChange={(v) => setMembers(members.map((x, j) => (j === i ? { ...x, user_id: v } : x)))} />
                  <Select style={{ width: 140 }} value={m.role} aria-label={t('territories.role')}
                    options={(['member', 'manager'] as const).map((r) => ({ value: r, label: t(`territories.roles.${r}`) }))}
                    onChange={(v) => setMembers(members.map((x, j) => (j === i ? { ...x, role: v } : x)))} />
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('common.delete')} onClick={() => setMembers(members.filter((_, j) => j !== i))} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => setMembers([...members, { user_id: 0, role: 'member' }])}>{t('territories.addMember')}</Button>
            </Space>
          </Card>
        </>
      ) : null}
    </Space>
  );
}
