import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { formatMoney } from '../../i18n/format.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { COLLECTION_KINDS, type CollectionAction } from '../../../shared/contracts/invoices.ts';

interface PaymentOfInvoice { payment_id: number; number: string; received_on: string; method: string; currency: string; amount?: string }

/** The payments allocated to this invoice. */
export function PaymentsTab({ id }: RecordExtensionProps) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['invoice-payments', id], queryFn: async () => (await api.get<{ data: PaymentOfInvoice[] }>(`/payments/to/invoice/${id}`)).data });
  if (q.error) return <Alert type="error" title={errorText(t, q.error)} />;
  return (
    <Table<PaymentOfInvoice> size="small" rowKey="payment_id" loading={q.isLoading} dataSource={q.data ?? []} pagination={false} locale={{ emptyText: t('invoices.noPayments') }}
      columns={[
        { key: 'number', title: t('invoices.payment'), render: (_, r) => <Link to={`/payments/${r.payment_id}`}>{r.number}</Link> },
        { key: 'received_on', title: t('invoices.receivedOn'), dataIndex: 'received_on' },
        { key: 'method', title: t('invoices.method'), render: (_, r) => t(`invoices.methods.${r.method}`) },
        { key: 'amount', title: t('invoices.allocated'), align: 'right', render: (_, r) => (r.amount ? formatMoney(r.amount, r.currency) : '—') },
      ]} />
  );
}

/** Collection actions with promises to pay, and a form to add one. */
export function CollectionTab({ id, record, canEdit, reload }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const key = ['invoice-collection', id];
  const q = useQuery({ queryKey: key, queryFn: async () => (await api.get<{ data: CollectionAction[] }>(`/invoices/${id}/collection`)).data });
  const add = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/invoices/${id}/collection`, {
        kind: v.kind, note: v.note || null, promise_to_pay_date: v.promise ? v.promise.format('YYYY-MM-DD') : null,
        promised_amount: v.amount != null ? String(v.amount) : null,
      });
      form.resetFields();
      await qc.invalidateQueries({ queryKey: key });
      reload();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  const currency = String(record.currency ?? 'CNY');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canEdit && ['issued', 'partially_paid'].includes(String(record.status)) ? (
        <Form form={form} layout="inline" initialValues={{ kind: 'call' }}>
          <Form.Item name="kind"><Select style={{ width: 120 }} options={COLLECTION_KINDS.map((k) => ({ value: k, label: t(`invoices.collectionKinds.${k}`) }))} /></Form.Item>
          <Form.Item name="note"><Input placeholder={t('invoices.note')} maxLength={4000} style={{ width: 240 }} /></Form.Item>
          <Form.Item name="promise"><DatePicker placeholder={t('invoices.promiseDate')} /></Form.Item>
          <Form.Item name="amount"><InputNumber min={0.01} placeholder={t('invoices.promisedAmount')} style={{ width: 160 }} /></Form.Item>
          <Button type="primary" onClick={add}>{t('invoices.addAction')}</Button>
        </Form>
      ) : null}
      {q.error ? <Alert type="error" title={errorText(t, q.error)} /> : null}
      <Table<CollectionAction> size="small" rowKey="id" loading={q.isLoading} dataSource={q.data ?? []} pagination={false} locale={{ emptyText: t('invoices.noActions') }}
        columns={[
          { key: 'date', title: t('invoices.actionDate'), dataIndex: 'action_date' },
          { key: 'kind', title: t('invoices.kind'), render: (_, r) => t(`invoices.collectionKinds.${r.kind}`) },
          { key: 'note', title: t('invoices.note'), dataIndex: 'note' },
          { key: 'promise', title: t('invoices.promiseDate'), dataIndex: 'promise_to_pay_date' },
          { key: 'amount', title: t('invoices.promisedAmount'), align: 'right', render: (_, r) => (r.promised_amount ? formatMoney(r.promised_amount, currency) : '') },
        ]} />
    </Space>
  );
}

/** A broken promise to pay, above the invoice. */
export function BrokenPromisePanel({ record }: RecordExtensionProps) {
  const { t } = useTranslation();
  const b = record.broken_promise as { date: string; amount: string | null } | null | undefined;
  if (!b) return null;
  return <Alert type="warning" showIcon title={t('invoices.brokenPromise', { date: b.date, amount: b.amount ? formatMoney(b.amount, String(record.currency ?? 'CNY')) : '' })} />;
}
