import { useState } from 'react';
import { Alert, Button, Drawer, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportRecords } from '../../../shared/contracts/sales-reports.ts';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { formatMoney } from '../../i18n/format.ts';
import { optionLabel } from '../../fields/labels.ts';
import { params, type ReportFilters } from './reportsApi.ts';

// The records behind a funnel stage or a revenue bar the generic list cannot filter for (a product,
// a region, a team or territory, the invoiced and collected bases): opportunities, invoices or
// payments, a keyset page at a time from the report's own records endpoint.

type Row = ReportRecords['data'][number];
/** The field `stage_name` carries for documents other than deals (shown with its option label). */
const STATE_FIELD: Record<string, string> = { invoices: 'kind', payments: 'method' };

export function RecordsDrawer({ drill, drillKey, revenue, filters, currency, onClose }: { drill: string | null; drillKey: string; revenue: { basis?: string; interval?: string }; filters: ReportFilters; currency?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const path = drill === 'funnel' ? '/reports/sales/funnel/records' : '/reports/sales/revenue/records';
  const extra = drill === 'funnel' ? { stage_id: drillKey } : { group: drill ?? '', key: drillKey, basis: revenue.basis, interval: revenue.interval };
  const q = useQuery({
    queryKey: ['sales-reports', 'records', drill, drillKey, revenue.basis, revenue.interval, params(filters), cursor],
    queryFn: async ({ signal }) => api.get<ReportRecords>(path, { ...params(filters), ...extra, cursor, limit: 50 }, { signal }),
    enabled: drill !== null,
  });
  return (
    <Drawer open={drill !== null} onClose={() => { setCursors([]); onClose(); }} title={t(revenue.basis && revenue.basis !== 'booked' ? 'revenueBasis.records' : 'salesReports.records')} size="large">
      {q.error ? <Alert type="error" title={errorText(t, q.error)} /> : null}
      <Table<Row> size="small" rowKey="id" loading={q.isLoading} dataSource={q.data?.data ?? []} pagination={false} scroll={{ x: true }}
        columns={[
          { key: 'name', title: t('revenueBasis.record'), render: (_, r) => <Link to={`/${r.object ?? 'opportunities'}/${r.id}`}>{r.name}</Link> },
          { key: 'stage', title: t('revenueBasis.state'), render: (_, r) => (r.object && STATE_FIELD[r.object] ? optionLabel(t, r.object, { key: STATE_FIELD[r.object]! }, r.stage_name) : r.stage_name) },
          { key: 'day', title: t('revenueBasis.day'), render: (_, r) => r.closed_at?.slice(0, 10) ?? '—' },
          { key: 'amount', title: t('salesReports.amount'), align: 'right', render: (_, r) => (r.amount === null ? '—' : formatMoney(r.amount, currency)) },
        ]} />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>{t('salesReports.previous')}</Button>
        <Button disabled={!q.data?.next_cursor} onClick={() => setCursors([...cursors, q.data!.next_cursor!])}>{t('salesReports.next')}</Button>
      </Space>
    </Drawer>
  );
}
