import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { formatMoney as formatExact, minorDigits } from '../../../shared/money.ts';
import { isCreditCode } from '../../../shared/tax-id.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import type { InvoiceFapiaoAnswer } from '../../../shared/contracts/fapiao.ts';
import { fapiaoError } from './errors.ts';
import { defaultSeller, SellerField, useSellers } from './sellers.tsx';

type Item = InvoiceFapiaoAnswer['data']['fapiao'][number];
export const KINDS = ['digital_normal', 'digital_special', 'paper_normal', 'paper_special'] as const;
const BILLED = ['issued', 'partially_paid', 'paid'];
/** The same check character test as the server's (shared/tax-id.ts), so a typo is caught as it is typed. */
const taxIdOk = (v: unknown) => !v || isCreditCode(String(v).trim().toUpperCase());

/** The invoice's fapiao (blue and red) and what is left without a fapiao. */
/** Tax documents show every amount with the currency's digits (¥678.00, not ¥678). */
function useMoney() {
  const { i18n } = useTranslation();
  return (v: string, currency: string) => formatExact(v, currency, i18n.language);
}

const useInvoiceFapiao = (id: number, enabled = true) =>
  useQuery({ queryKey: ['invoice-fapiao', id], enabled, queryFn: async () => (await api.get<InvoiceFapiaoAnswer>(`/invoices/${id}/fapiao`)).data });

export function InvoiceFapiaoTab({ id, record }: RecordExtensionProps) {
  const { t } = useTranslation();
  const q = useInvoiceFapiao(id);
  const formatMoney = useMoney();
  if (q.error) return <Alert type="error" title={fapiaoError(t, q.error)} />;
  const currency = String(record.currency ?? 'CNY');
  return (
    <>
      {q.data?.remaining != null ? <Typography.Paragraph>{t('fapiao.remaining')}: <strong data-testid="fapiao-remaining">{formatMoney(q.data.remaining, currency)}</strong></Typography.Paragraph> : null}
      <Table<Item> size="small" rowKey="id" loading={q.isLoading} dataSource={q.data?.fapiao ?? []} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('fapiao.none') }}
        columns={[
          { key: 'number', title: t('fapiao.number'), render: (_, r) => <Link to={`/fapiao/${r.id}`}>{r.number ?? t('fapiao.noNumber')}</Link> },
          { key: 'kind', title: t('fapiao.kind'), render: (_, r) => t(`fapiao.kinds.${r.kind}`) },
          { key: 'colour', title: t('fapiao.colour'), render: (_, r) => <Tag color={r.colour === 'red' ? 'red' : 'blue'}>{t(`fapiao.colours.${r.colour}`)}</Tag> },
          { key: 'status', title: t('fapiao.status'), render: (_, r) => `${t(`fapiao.statuses.${r.status}`)}${r.red_state ? ` · ${t(`fapiao.redStates.${r.red_state}`)}` : ''}` },
          { key: 'date', title: t('fapiao.issueDate'), dataIndex: 'issue_date' },
          { key: 'amount', title: t('fapiao.amount'), align: 'right', render: (_, r) => (r.amount ? formatMoney(r.amount, currency) : '—') },
        ]} />
    </>
  );
}

/** "Request fapiao" on an issued invoice: a draft fapiao copying its lines, opened at once. */
export function RequestFapiao({ id, record, canEdit }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const formatMoney = useMoney();
  const special = Boolean(Form.useWatch('kind', form)?.endsWith('_special'));
  const billed = record.kind === 'invoice' && BILLED.includes(String(record.status));
  // What is left without a fapiao (null when amounts are hidden): the default and the most of a part.
  const left = useInvoiceFapiao(id, canEdit && billed).data?.remaining ?? null;
  const sellers = useSellers(canEdit && billed).data;
  if (!canEdit || record.kind !== 'invoice' || !BILLED.includes(String(record.status))) return null;
  const submit = async () => {
    // A refused field shows its message on the form; nothing is sent (and no unhandled rejection).
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const r = await api.post<{ data: { id: number } }>('/fapiao/from-invoices', { invoice_ids: [record.id], kind: v.kind, buyer_tax_id: v.buyer_tax_id ? String(v.buyer_tax_id).trim().toUpperCase() : null, buyer_address_phone: v.buyer_address_phone || null, buyer_bank_account: v.buyer_bank_account || null, remarks: v.remarks || null, ...(v.seller_id ? { seller_id: v.seller_id } : {}), ...(v.amount != null ? { amounts: [{ invoice_id: record.id, amount: String(v.amount) }] } : {}) });
      message.success(t('fapiao.requested'));
      setOpen(false);
      navigate(`/fapiao/${r.data.id}`);
    } catch (e) {
      message.error(fapiaoError(t, e));
    }
  };
  return (
    <>
      <Button onClick={() => { form.setFieldsValue({ kind: 'digital_normal', seller_id: defaultSeller(sellers), amount: left != null ? Number(left) : undefined }); setOpen(true); }}>{t('fapiao.request')}</Button>
      <Modal open={open} title={t('fapiao.request')} onOk={submit} onCancel={() => setOpen(false)} okText={t('fapiao.create')} destroyOnHidden forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label={t('fapiao.kind')} rules={[{ required: true }]}><Select options={KINDS.map((k) => ({ value: k, label: t(`fapiao.kinds.${k}`) }))} /></Form.Item>
          <SellerField sellers={sellers} />
          {left != null ? (
            <Form.Item name="amount" label={t('fapiao.partAmount')} extra={t('fapiao.partAmountHint', { left: formatMoney(left, String(record.currency ?? 'CNY')) })} rules={[{ required: true }]}>
              <InputNumber min={0.01} max={Number(left)} step={0.01} precision={minorDigits(String(record.currency ?? 'CNY'))} style={{ width: '100%' }} addonAfter={String(record.currency ?? '')} />
            </Form.Item>
          ) : null}
          <Form.Item name="buyer_tax_id" label={t('fapiao.buyerTaxId')} rules={[{ required: special }, { validator: (_, v) => (taxIdOk(v) ? Promise.resolve() : Promise.reject(new Error(t('fapiao.errors.invalid_tax_id')))) }]}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="buyer_address_phone" label={t('fapiao.buyerAddressPhone')} rules={[{ required: special }]}><Input maxLength={300} /></Form.Item>
          <Form.Item name="buyer_bank_account" label={t('fapiao.buyerBankAccount')} rules={[{ required: special }]}><Input maxLength={300} /></Form.Item>
          <Form.Item name="remarks" label={t('fapiao.remarks')}><Input.TextArea maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
