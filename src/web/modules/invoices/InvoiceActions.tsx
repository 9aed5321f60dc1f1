import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { useActionRunner } from '../../features/records/useActionRunner.tsx';
import { PAYMENT_METHODS } from '../../../shared/contracts/payments.ts';

const OPEN = ['issued', 'partially_paid'];

/** "Record payment": a payment of this invoice's account, allocated to it in one request. */
function RecordPayment({ record, reload }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const submit = async () => {
    // A refused field shows its message on the form; nothing is sent (and no unhandled rejection).
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api.post('/payments/record', { invoice_id: record.id, amount: String(v.amount), method: v.method, received_on: v.received_on.format('YYYY-MM-DD'), reference: v.reference || null });
      message.success(t('invoices.paymentRecorded'));
      setOpen(false);
      reload();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => { form.setFieldsValue({ amount: Number(record.amount_due ?? 0) || undefined, method: 'bank_transfer', received_on: dayjs() }); setOpen(true); }}>{t('invoices.recordPayment')}</Button>
      <Modal open={open} title={t('invoices.recordPayment')} onOk={submit} onCancel={() => setOpen(false)} okText={t('invoices.save')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="amount" label={t('invoices.amount')} rules={[{ required: true }]}><InputNumber min={0.01} style={{ width: '100%' }} addonAfter={String(record.currency ?? '')} /></Form.Item>
          <Form.Item name="method" label={t('invoices.method')} rules={[{ required: true }]}>
            <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`invoices.methods.${m}`) }))} />
          </Form.Item>
          <Form.Item name="received_on" label={t('invoices.receivedOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="reference" label={t('invoices.reference')}><Input maxLength={200} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Issue, void, credit note and record payment, as the invoice's status allows. */
export function InvoiceActions(props: RecordExtensionProps) {
  const { record, canEdit, reload } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { run, ask } = useActionRunner(reload);
  if (!canEdit) return null;
  const status = String(record.status);
  const askVoid = () => ask(t('invoices.voidTitle'), (reason) => run(() => api.post(`/invoices/${record.id}/void`, { reason }), 'invoices.voided'),
    { placeholder: t('invoices.voidReason'), okText: t('invoices.void'), danger: true, multiline: true });
  const creditNote = () => run(async () => {
    const r = await api.post<{ data: { id: number } }>(`/invoices/${record.id}/credit-note`, {});
    navigate(`/invoices/${r.data.id}`);
  });
  return (
    <Space>
      {status === 'draft' ? <Button type="primary" onClick={() => run(() => api.post(`/invoices/${record.id}/issue`, {}), 'invoices.issued')}>{t('invoices.issue')}</Button> : null}
      {record.kind === 'invoice' && OPEN.includes(status) ? <RecordPayment {...props} /> : null}
      {record.kind === 'invoice' && ['issued', 'partially_paid', 'paid'].includes(status) ? <Button onClick={creditNote}>{t('invoices.creditNote')}</Button> : null}
      {status === 'draft' || (status === 'issued' && record.kind === 'invoice' && Number(record.amount_paid ?? 0) === 0) ? <Button danger onClick={askVoid}>{t('invoices.void')}</Button> : null}
    </Space>
  );
}
