import { useState } from 'react';
import { App, Button, Input, Modal } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { orderError } from './orderErrors.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { QuantitiesModal } from './QuantitiesModal.tsx';
import { useOrderAction, useProgress, type ActionResult } from './orderApi.ts';

/** The order's actions in its page header, offered by status (the server decides again). */
export function OrderActions({ id, record, canEdit, reload }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const run = useOrderAction(id, reload);
  const progress = useProgress(id);
  const [qty, setQty] = useState<'fulfil' | 'return' | null>(null);
  const [cancelReason, setCancelReason] = useState('');
  const status = String(record.status ?? '');
  if (!canEdit) return null;

  const attempt = async (action: string, body?: unknown) => {
    try {
      const r: ActionResult = await run(action, body);
      if (r.credit_hold) message.warning(t('orders.heldToast'));
      else if (r.credit_warning) message.warning(t('orders.warningToast'));
      else message.success(t(`orders.done.${action}`));
      return true;
    } catch (e) {
      message.error(orderError(t, e));
      return false;
    }
  };
  const cancel = () => modal.confirm({
    title: t('orders.cancelTitle'),
    content: <Input.TextArea rows={2} placeholder={t('orders.reason')} onChange={(e) => setCancelReason(e.target.value)} />,
    okText: t('orders.cancel'), okButtonProps: { danger: true },
    onOk: () => attempt('cancel', cancelReason.trim() ? { reason: cancelReason.trim() } : undefined),
  });

  return (
    <>
      {status === 'draft' ? <Button type="primary" icon={<CheckOutlined />} onClick={() => void attempt('confirm')} data-testid="order-confirm">{t('orders.confirm')}</Button> : null}
      {status === 'confirmed' || status === 'partially_fulfilled' ? <Button icon={<SendOutlined />} onClick={() => setQty('fulfil')} data-testid="order-fulfil">{t('orders.fulfil')}</Button> : null}
      {['partially_fulfilled', 'fulfilled', 'invoiced'].includes(status) ? <Button icon={<RollbackOutlined />} onClick={() => setQty('return')} data-testid="order-return">{t('orders.return')}</Button> : null}
      {['draft', 'confirmed', 'on_hold'].includes(status) ? <Button danger icon={<CloseOutlined />} onClick={cancel} data-testid="order-cancel">{t('orders.cancel')}</Button> : null}
      <QuantitiesModal open={qty !== null} mode={qty ?? 'fulfil'} lines={progress.data?.lines ?? []} onCancel={() => setQty(null)}
        onOk={async (body) => { if (await attempt(qty!, body)) setQty(null); }} />
    </>
  );
}

/** A reason asked before a manager releases a credit hold. */
export function ReleaseButton({ id, reload }: { id: number; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useOrderAction(id, reload);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const ok = async () => {
    try {
      await run('release', { reason: reason.trim() });
      message.success(t('orders.done.release'));
      setOpen(false);
    } catch (e) {
      message.error(orderError(t, e));
    }
  };
  return (
    <>
      <Button type="primary" danger onClick={() => setOpen(true)} data-testid="order-release">{t('orders.release')}</Button>
      <Modal open={open} title={t('orders.releaseTitle')} onCancel={() => setOpen(false)} onOk={ok} okButtonProps={{ disabled: !reason.trim() }}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('orders.releaseReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="order-release-reason" />
      </Modal>
    </>
  );
}
