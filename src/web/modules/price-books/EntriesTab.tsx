import { useEffect, useState } from 'react';
import { App, Button, Input, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import type { EntriesAnswer } from '../../../shared/contracts/price-books.ts';
import { useIssues } from './useIssues.ts';

type Entries = EntriesAnswer['data'];
interface Row { key: number; product_id: number | null; label: string; unit_price: string; tiers: { min_quantity: string; unit_price: string }[] }

let seq = 0;
const toRows = (d: Entries): Row[] => d.entries.map((e) => ({ key: ++seq, product_id: e.product_id, label: e.product_name ?? `#${e.product_id}`, unit_price: e.unit_price, tiers: e.tiers }));

/** A price book's entries: a product once, its unit price and quantity tiers (from N on: price), saved as one set. */
export function EntriesTab({ id, canEdit }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['price_books', id, 'entries'];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<EntriesAnswer>(`/price-books/${id}/entries`).then((r) => r.data) });
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const { issues, clear, fromError } = useIssues();
  useEffect(() => {
    if (q.data && !dirty) setRows(toRows(q.data));
  }, [q.data, dirty]);
  const set = (i: number, patch: Partial<Row>) => {
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const save = useMutation({
    mutationFn: () => api.put<EntriesAnswer>(`/price-books/${id}/entries`, {
      version: q.data!.version,
      entries: rows.filter((r) => r.product_id).map((r) => ({ product_id: r.product_id, unit_price: r.unit_price.trim(), tiers: r.tiers.map((x) => ({ min_quantity: x.min_quantity.trim(), unit_price: x.unit_price.trim() })) })),
    }),
    onSuccess: (r) => {
      clear();
      setDirty(false);
      qc.setQueryData(key, r.data);
      message.success(t('priceBooks.saved'));
    },
    onError: (e) => {
      fromError(t, e);
      message.error(errorText(t, e));
    },
  });
  if (q.isLoading || !q.data) return <Skeleton active />;
  const cell = (field: string, value: string, onChange: (v: string) => void, width = 100) => {
    const err = issues.get(field);
    const input = <Input size="small" value={value} disabled={!canEdit} status={err ? 'error' : undefined} style={{ width, textAlign: 'right' }} inputMode="decimal" onChange={(e) => onChange(e.target.value)} data-testid={field} />;
    return err ? <Tooltip title={err} open>{input}</Tooltip> : input;
  };
  const columns = [
    { key: 'product', title: t('priceBooks.product'), render: (_: unknown, r: Row, i: number) => (
      <RecordSelect target="products" value={r.product_id} disabled={!canEdit} style={{ width: 220 }} id={`entry-${i}-product`}
        initialOptions={r.product_id ? [{ value: r.product_id, label: r.label }] : []} onChange={(v) => set(i, { product_id: (v as number | null) ?? null })} />
    ) },
    { key: 'unit_price', title: `${t('priceBooks.unitPrice')} (${q.data.currency})`, render: (_: unknown, r: Row, i: number) => cell(`entries[${i}].unit_price`, r.unit_price, (v) => set(i, { unit_price: v })) },
    { key: 'tiers', title: t('priceBooks.tiers'), render: (_: unknown, r: Row, i: number) => (
      <Space orientation="vertical" size={4}>
        {r.tiers.map((x, j) => (
          <Space key={j} size={4}>
            <Typography.Text type="secondary">{t('priceBooks.from')}</Typography.Text>
            {cell(`entries[${i}].tiers[${j}].min_quantity`, x.min_quantity, (v) => set(i, { tiers: r.tiers.map((y, k) => (k === j ? { ...y, min_quantity: v } : y)) }), 70)}
            <Typography.Text type="secondary">{t('priceBooks.each')}</Typography.Text>
            {cell(`entries[${i}].tiers[${j}].unit_price`, x.unit_price, (v) => set(i, { tiers: r.tiers.map((y, k) => (k === j ? { ...y, unit_price: v } : y)) }), 90)}
            {canEdit ? <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('priceBooks.removeTier')} onClick={() => set(i, { tiers: r.tiers.filter((_, k) => k !== j) })} /> : null}
          </Space>
        ))}
        {canEdit ? <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => set(i, { tiers: [...r.tiers, { min_quantity: '', unit_price: '' }] })}>{t('priceBooks.addTier')}</Button> : null}
      </Space>
    ) },
    ...(canEdit ? [{ key: 'remove', width: 48, render: (_: unknown, _r: Row, i: number) => (
      <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('priceBooks.remove')} onClick={() => { setRows(rows.filter((_, k) => k !== i)); setDirty(true); }} />
    ) }] : []),
  ];
  return (
    <div data-testid="price-book-entries">
      <Table<Row> size="small" rowKey="key" pagination={false} dataSource={rows} columns={columns} locale={{ emptyText: t('priceBooks.noEntries') }} />
      {canEdit ? (
        <Space style={{ marginTop: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => { setRows([...rows, { key: ++seq, product_id: null, label: '', unit_price: '', tiers: [] }]); setDirty(true); }}>{t('priceBooks.addEntry')}</Button>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>{t('priceBooks.save')}</Button>
          {dirty ? <Button onClick={() => { setDirty(false); clear(); }}>{t('priceBooks.reset')}</Button> : null}
        </Space>
      ) : null}
    </div>
  );
}
