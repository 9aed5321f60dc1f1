import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { formatMoney } from '../../i18n/format.ts';
import type { AgeingAnswer } from '../../../shared/contracts/invoices.ts';

type Row = AgeingAnswer['data'][number];
const BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus', 'total'] as const;

interface OpenInvoice { id: number; number: string; due_date: string | null; amount_due?: string | null; currency: string | null; status: string }

/** An account's open invoices, shown when its ageing row is expanded (the drill-down). */
function OpenInvoices({ accountId }: { accountId: number | null }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['ageing-open', accountId],
    queryFn: async () => (await api.get<{ data: OpenInvoice[] }>('/invoices', {
      ...(accountId ? { 'filter[account_id][eq]': accountId } : { 'filter[account_id][empty]': 'true' }),
      'filter[status][in]': 'issued,partially_paid', 'filter[kind][eq]': 'invoice', sort: 'due_date', limit: 100,
    })).data,
  });
  if (q.error) return <Alert type="error" title={errorText(t, q.error)} />;
  return (
    <Table<OpenInvoice> size="small" rowKey="id" loading={q.isLoading} dataSource={q.data ?? []} pagination={false}
      columns={[
        { key: 'number', title: t('invoices.number'), render: (_, r) => <Link to={`/invoices/${r.id}`}>{r.number}</Link> },
        { key: 'due', title: t('invoices.dueDate'), dataIndex: 'due_date' },
        { key: 'status', title: t('invoices.status'), render: (_, r) => t(`invoices.statuses.${r.status}`) },
        { key: 'due_amount', title: t('invoices.amountDue'), align: 'right', render: (_, r) => (r.amount_due ? formatMoney(r.amount_due, r.currency ?? 'CNY') : '—') },
      ]} />
  );
}

/** reports/ageing: what each account owes by how late, in the organisation currency, with totals. */
export function AgeingPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(dayjs().format('YYYY-MM-DD'));
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const q = useQuery({
    queryKey: ['ageing', asOf, cursor],
    queryFn: async () => api.get<AgeingAnswer>('/reports/sales/ageing', { as_of: asOf, cursor, limit: 50 }),
  });
  const money = (v: string) => formatMoney(v, q.data?.currency ?? 'CNY');
  const bucketColumns = BUCKETS.map((k) => ({ key: k, title: t(`invoices.ageing.${k}`), align: 'right' as const, className: 'gx-nowrap', render: (_: unknown, r: Row) => money(r[k]) }));
  return (
    <Card title={t('invoices.ageing.title')} extra={
      <Space>
        <Typography.Text type="secondary">{t('invoices.ageing.asOf')}</Typography.Text>
        <DatePicker allowClear={false} value={dayjs(asOf)} onChange={(d) => { if (d) { setAsOf(d.format('YYYY-MM-DD')); setCursors([]); } }} />
      </Space>
    }>
      {q.error ? <Alert type="error" title={errorText(t, q.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Row>
        rowKey={(r) => String(r.account_id ?? 0)} size="middle" loading={q.isLoading} dataSource={q.data?.data ?? []} pagination={false}
        // On a phone the buckets scroll sideways beside the account instead of wrapping every figure.
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (r) => <OpenInvoices accountId={r.account_id} />, rowExpandable: () => true }}
        columns={[
          { key: 'account', title: t('invoices.ageing.account'), fixed: 'left' as const, render: (_, r) => (r.account_id && r.account_name ? <Link to={`/accounts/${r.account_id}`}>{r.account_name}</Link> : r.account_id ? `#${r.account_id}` : t('invoices.ageing.noAccount')) },
          { key: 'invoices', title: t('invoices.ageing.invoices'), align: 'right', dataIndex: 'invoices' },
          ...bucketColumns,
        ]}
        summary={() => (q.data ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} />
            <Table.Summary.Cell index={1}><strong>{t('invoices.ageing.totals')}</strong></Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{q.data.totals.invoices}</Table.Summary.Cell>
            {BUCKETS.map((k, i) => <Table.Summary.Cell key={k} index={3 + i} align="right"><strong>{money(q.data!.totals[k])}</strong></Table.Summary.Cell>)}
          </Table.Summary.Row>
        ) : null)}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>{t('invoices.ageing.previous')}</Button>
        <Button disabled={!q.data?.next_cursor} onClick={() => setCursors([...cursors, q.data!.next_cursor!])}>{t('invoices.ageing.next')}</Button>
      </Space>
    </Card>
  );
}
