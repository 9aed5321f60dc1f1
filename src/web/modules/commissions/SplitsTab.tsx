import { useEffect, useState } from 'react';
import { Alert, App, Button, InputNumber, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Money } from '../../../shared/money.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { commissionError, useSaveSplits, useSplits } from './api.ts';

interface Row { user_id: number; user_name: string; percent: string }

/** An opportunity's credit split between reps, saved as a whole; no rows credits the owner 100 %. */
export function SplitsTab({ id, canEdit }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useSplits(id);
  const save = useSaveSplits(id);
  const [rows, setRows] = useState<Row[]>([]);
  const [adding, setAdding] = useState<number | null>(null);
  useEffect(() => setRows(q.data?.splits ?? []), [q.data]);
  const total = rows.reduce((s, r) => s.plus(new Money(r.percent || '0')), new Money(0));
  const submit = () => save.mutate(rows.map(({ user_id, percent }) => ({ user_id, percent })), {
    onSuccess: () => message.success(t('commissions.splitsSaved')),
    onError: (e) => message.error(commissionError(t, e)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!rows.length ? <Alert type="info" showIcon title={t('commissions.ownerGetsAll')} /> : null}
      <Table<Row> size="small" rowKey="user_id" loading={q.isLoading} pagination={false} dataSource={rows} columns={[
        { key: 'user', title: t('commissions.rep'), render: (_, r) => r.user_name || `#${r.user_id}` },
        {
          key: 'percent', title: t('commissions.percent'), width: 160,
          render: (_, r) => (canEdit
            ? <InputNumber size="small" min={0} max={100} step={5} value={Number(r.percent)} aria-label={t('commissions.percent')} addonAfter="%"
              onChange={(v) => setRows(rows.map((x) => (x.user_id === r.user_id ? { ...x, percent: v === null ? '0' : String(v) } : x)))} />
            : `${r.percent} %`),
        },
        ...(canEdit ? [{ key: 'remove', width: 48, render: (_: unknown, r: Row) => <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('commissions.remove')} onClick={() => setRows(rows.filter((x) => x.user_id !== r.user_id))} /> }] : []),
      ]} />
      <Typography.Text type={rows.length && !total.eq(100) ? 'danger' : 'secondary'}>{t('commissions.splitTotal', { total: total.toString() })}</Typography.Text>
      {canEdit ? (
        <Space wrap>
          <RecordSelect target="users" style={{ minWidth: 220 }} placeholder={t('commissions.rep')} value={adding} onChange={(v) => setAdding(typeof v === 'number' ? v : null)} />
          <Button icon={<PlusOutlined />} disabled={!adding || rows.some((r) => r.user_id === adding)} onClick={() => {
            if (adding) setRows([...rows, { user_id: adding, user_name: '', percent: rows.length ? '0' : '100' }]);
            setAdding(null);
          }}>{t('commissions.addRep')}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>{t('commissions.save')}</Button>
        </Space>
      ) : null}
    </Space>
  );
}
