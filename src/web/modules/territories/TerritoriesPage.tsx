import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Empty, Row, Space, Tag, Tree, Typography } from 'antd';
import { PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { AdminPage } from '../../features/admin/common.tsx';
import type { TerritoryNode } from '../../../shared/contracts/territories.ts';
import { TerritoryEditor } from './TerritoryEditor.tsx';
import { TREE_KEY } from './keys.ts';


interface TreeItem {
  key: number;
  title: React.ReactNode;
  children: TreeItem[];
}

/** The nodes as antd Tree data: children under parents, names with their account counts. */
function toTree(nodes: TerritoryNode[], label: (n: TerritoryNode) => React.ReactNode): TreeItem[] {
  const items = new Map(nodes.map((n) => [n.id, { key: n.id, title: label(n), children: [] as TreeItem[] }]));
  const roots: TreeItem[] = [];
  for (const n of nodes) {
    const item = items.get(n.id)!;
    const parent = n.parent_id === null ? undefined : items.get(n.parent_id);
    (parent ? parent.children : roots).push(item);
  }
  return roots;
}

/** Settings → Territories: the tree with account counts on the left, the chosen territory's details, rule and members on the right. */
export function TerritoriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const tree = useQuery({ queryKey: TREE_KEY, queryFn: async () => (await api.get<{ data: TerritoryNode[] }>('/territories/tree')).data });
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const [newParent, setNewParent] = useState<number | null>(null);
  const nodes = useMemo(() => tree.data ?? [], [tree.data]);
  const current = typeof selected === 'number' ? nodes.find((n) => n.id === selected) : undefined;

  const realign = useMutation({
    mutationFn: async () => (await api.post<{ data: { job_id: number } }>('/territories/realign')).data,
    onSuccess: (d) => message.success(t('territories.realignStarted', { id: d.job_id })),
    onError: (e) => message.error(errorText(t, e)),
  });

  const label = (n: TerritoryNode) => (
    <Space size={6}>
      <span>{n.name}</span>
      {n.code ? <Typography.Text type="secondary">{n.code}</Typography.Text> : null}
      <Tag color={n.accounts.total ? 'blue' : undefined} title={t('territories.countHint', { direct: n.accounts.direct, total: n.accounts.total })}>
        {t('territories.accounts', { count: n.accounts.total })}
      </Tag>
      {n.active ? null : <Tag>{t('territories.inactive')}</Tag>}
      {n.rule ? null : <Tag color="orange">{t('territories.noRule')}</Tag>}
    </Space>
  );
  const startNew = (parent: number | null) => {
    setNewParent(parent);
    setSelected('new');
  };

  return (
    <AdminPage
      title={t('territories.title')}
      actions={(
        <Space>
          <Button icon={<SyncOutlined />} loading={realign.isPending} onClick={() => realign.mutate()}>{t('territories.realign')}</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => startNew(null)}>{t('territories.newRoot')}</Button>
        </Space>
      )}
    >
      <Typography.Paragraph type="secondary">{t('territories.hint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={t('territories.tree')} loading={tree.isLoading}>
            {nodes.length ? (
              <Tree<TreeItem> defaultExpandAll blockNode treeData={toTree(nodes, label)} selectedKeys={typeof selected === 'number' ? [selected] : []}
                onSelect={(keys) => setSelected(keys.length ? Number(keys[0]) : null)} />
            ) : <Empty description={t('territories.empty')} />}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {selected === null ? <Card variant="borderless"><Empty description={t('territories.pick')} /></Card> : (
            <TerritoryEditor
              key={selected === 'new' ? `new-${newParent}` : selected}
              node={current}
              parentId={selected === 'new' ? newParent : current?.parent_id ?? null}
              nodes={nodes}
              onSaved={(id) => {
                void qc.invalidateQueries({ queryKey: TREE_KEY });
                setSelected(id);
              }}
              onAddChild={current ? () => startNew(current.id) : undefined}
            />
          )}
        </Col>
      </Row>
    </AdminPage>
  );
}
