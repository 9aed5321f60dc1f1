import { useEffect, useState } from 'react';
import { App, Button, Input, Select, Skeleton, Space, Table, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { RELATION_KINDS, type RelationKind, type RelationsAnswer } from '../../../shared/contracts/price-books.ts';
import { useIssues } from './useIssues.ts';

interface Row { key: number; related_product_id: number | null; label: string; kind: RelationKind; quantity: string }
let seq = 0;

/** A product's relations: requires, excludes (checked when lines are saved), options and bundle components with their quantity. */
export function RelationsTab({ id, canEdit }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['products', id, 'relations'];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<RelationsAnswer>(`/products/${id}/relations`).then((r) => r.data.relations) });
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const { issues, clear, fromError } = useIssues();
  useEffect(() => {
    if (q.data && !dirty) setRows(q.data.map((r) => ({ key: ++seq, related_product_id: r.related_product_id, label: r.related_name ?? `#${r.related_product_id}`, kind: r.kind, quantity: r.quantity })));
  }, [q.data, dirty]);
  const set = (i: number, patch: Partial<Row>) => {
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const save = useMutation({
    mutationFn: () => api.put<RelationsAnswer>(`/products/${id}/relations`, {
      relations: rows.filter((r) => r.related_product_id).map((r) => ({ related_product_id: r.related_product_id, kind: r.kind, quantity: r.quantity.trim() || '1' })),
    }),
    onSuccess: (r) => {
      clear();
      setDirty(false);
      qc.setQueryData(key, r.data.relations);
      message.success(t('priceBooks.saved'));
    },
    onError: (e) => {
      fromError(t, e);
      message.error(errorText(t, e));
    },
  });
  if (q.isLoading || !q.data) return <Skeleton active />;
  const flagged = (field: string, node: React.ReactElement) => (issues.get(field) ? <Tooltip title={issues.get(field)} open>{node}</Tooltip> : node);
  const columns = [
    { key: 'kind', title: t('priceBooks.kind'), width: 170, render: (_: unknown, r: Row, i: number) => (
      <Select size="small" value={r.kind} disabled={!canEdit} style={{ width: 160 }} onChange={(v) => set(i, { kind: v })} options={RELATION_KINDS.map((k) => ({ value: k, label: t(`priceBooks.kinds.${k}`) }))} />
    ) },
    { key: 'product', title: t('priceBooks.relatedProduct'), render: (_: unknown, r: Row, i: number) => flagged(`relations[${i}].related_product_id`,
      <span><RecordSelect target="products" value={r.related_product_id} disabled={!canEdit} style={{ width: 240 }} id={`relation-${i}-product`}
        initialOptions={r.related_product_id ? [{ value: r.related_product_id, label: r.label }] : []} onChange={(v) => set(i, { related_product_id: (v as number | null) ?? null })} /></span>) },
    { key: 'quantity', title: t('priceBooks.quantity'), width: 110, render: (_: unknown, r: Row, i: number) => (r.kind === 'bundle_component' ? flagged(`relations[${i}].quantity`,
      <Input size="small" value={r.quantity} disabled={!canEdit} inputMode="decimal" style={{ width: 90, textAlign: 'right' }} onChange={(e) => set(i, { quantity: e.target.value })} />) : null) },
    ...(canEdit ? [{ key: 'remove', width: 48, render: (_: unknown, _r: Row, i: number) => (
      <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('priceBooks.remove')} onClick={() => { setRows(rows.filter((_, k) => k !== i)); setDirty(true); }} />
    ) }] : []),
  ];
  return (
    <div data-testid="product-relations">
      <Table<Row> size="small" rowKey="key" pagination={false} dataSource={rows} columns={columns} locale={{ emptyText: t('priceBooks.noRelations') }} />
      {canEdit ? (
        <Space style={{ marginTop: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => { setRows([...rows, { key: ++seq, related_product_id: null, label: '', kind: 'option', quantity: '1' }]); setDirty(true); }}>{t('priceBooks.addRelation')}</Button>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>{t('priceBooks.save')}</Button>
          {dirty ? <Button onClick={() => { setDirty(false); clear(); }}>{t('priceBooks.reset')}</Button> : null}
        </Space>
      ) : null}
    </div>
  );
}
