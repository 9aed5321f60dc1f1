import { useEffect, useState } from 'react';
import { Input, InputNumber, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Progress } from './orderApi.ts';

type Line = Progress['lines'][number];

/**
 * Quantities per line for a delivery or a return: each line offers what is left (ordered −
 * delivered, or delivered − returned); a return also asks its reason. The server checks again.
 */
export function QuantitiesModal({ open, mode, lines, onCancel, onOk }: {
  open: boolean;
  mode: 'fulfil' | 'return';
  lines: Line[];
  onCancel: () => void;
  onOk: (body: { lines: { line_id: number; quantity: string }[]; reason?: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const left = (l: Line) => (mode === 'fulfil' ? Number(l.quantity) - Number(l.quantity_fulfilled) : Number(l.quantity_fulfilled) - Number(l.quantity_returned));
  const [qty, setQty] = useState<Record<number, number | null>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setQty(Object.fromEntries(lines.map((l) => [l.id, mode === 'fulfil' && left(l) > 0 ? left(l) : null])));
      setReason('');
    }
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps
  const chosen = lines.filter((l) => (qty[l.id] ?? 0) > 0).map((l) => ({ line_id: l.id, quantity: String(qty[l.id]) }));
  const ok = async () => {
    setBusy(true);
    try {
      await onOk(mode === 'return' ? { lines: chosen, reason } : { lines: chosen });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t(mode === 'fulfil' ? 'orders.fulfilTitle' : 'orders.returnTitle')} onCancel={onCancel} onOk={ok} confirmLoading={busy}
      okButtonProps={{ disabled: !chosen.length || (mode === 'return' && !reason.trim()) }} width={640}>
      <Table<Line> size="small" rowKey="id" pagination={false} dataSource={lines} columns={[
        { title: t('orders.line'), dataIndex: 'description' },
        { title: t('orders.ordered'), dataIndex: 'quantity', align: 'right' },
        { title: t(mode === 'fulfil' ? 'orders.fulfilled' : 'orders.returnable'), align: 'right', render: (_, l) => (mode === 'fulfil' ? l.quantity_fulfilled : left(l)) },
        {
          title: t(mode === 'fulfil' ? 'orders.deliverNow' : 'orders.returnNow'), width: 140,
          render: (_, l) => <InputNumber min={0} max={left(l)} disabled={left(l) <= 0} value={qty[l.id] ?? null} onChange={(v) => setQty({ ...qty, [l.id]: v })} style={{ width: '100%' }} />,
        },
      ]} />
      {mode === 'return' ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text>{t('orders.reason')}</Typography.Text>
          <Input.TextArea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="order-return-reason" />
        </div>
      ) : null}
    </Modal>
  );
}
