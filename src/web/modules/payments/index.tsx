import { Alert, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { formatMoney } from '../../i18n/format.ts';
import { registerRecordExtension, type RecordExtensionProps } from '../../extensions/registry.ts';
import type { AllocationsAnswer } from '../../../shared/contracts/payments.ts';

type Allocation = AllocationsAnswer['data']['allocations'][number];

/** A payment's allocations (invoices link to their page). */
function AllocationsTab({ id }: RecordExtensionProps) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['payment-allocations', id], queryFn: async () => (await api.get<AllocationsAnswer>(`/payments/${id}/allocations`)).data });
  if (q.error) return <Alert type="error" title={errorText(t, q.error)} />;
  const currency = q.data?.currency ?? 'CNY';
  return (
    <Table<Allocation> size="small" rowKey="id" loading={q.isLoading} dataSource={q.data?.allocations ?? []} pagination={false} locale={{ emptyText: t('payments.none') }}
      columns={[
        { key: 'target', title: t('payments.target'), render: (_, r) => (r.target_kind === 'invoice' ? <Link to={`/invoices/${r.target_id}`}>{t('payments.invoice', { id: r.target_id })}</Link> : `${r.target_kind} #${r.target_id}`) },
        { key: 'amount', title: t('payments.amount'), align: 'right', render: (_, r) => (r.amount ? formatMoney(r.amount, currency) : '—') },
      ]} />
  );
}

registerRecordExtension('payments', { tabs: [{ key: 'allocations', label: (t) => t('payments.allocationsTab'), View: AllocationsTab }] });
