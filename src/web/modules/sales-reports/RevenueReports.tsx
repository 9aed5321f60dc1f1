import { useState } from 'react';
import { Alert, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ActivityAnswer, RevenueAnswer } from '../../../shared/contracts/sales-reports.ts';
import { errorText } from '../../api/errors.ts';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { formatMoney } from '../../i18n/format.ts';
import { activityKinds, activityLink, closedLink, drillHere, listCanDrill, periodLabel, useReport, type ReportFilters } from './reportsApi.ts';

// Revenue by period, rep, product or region on a basis: booked (won deals by close date),
// invoiced (issued invoices, credit notes negative) or collected (payment allocations), and
// activity per rep. Booked period and rep bars open the list; every other bar — and every bar
// under a team or territory filter, which the list cannot express — opens the records drawer.

type Group = 'period' | 'owner' | 'product' | 'region';
type Basis = 'booked' | 'invoiced' | 'collected';
const BASES: Basis[] = ['booked', 'invoiced', 'collected'];

export function RevenueReport({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<Group>('period');
  const [interval, setInterval] = useState<'month' | 'quarter'>('month');
  // A drawer opened from a bar (or a shared address) names its basis: the chart behind it shows the same.
  const [search] = useSearchParams();
  const [basis, setBasis] = useState<Basis>(() => BASES.find((b) => b === search.get('basis')) ?? 'booked');
  const shown = basis === 'collected' && group === 'product' ? 'period' : group;
  const q = useReport<RevenueAnswer>('revenue', filters, { group: shown, interval, basis });
  if (q.error) return <Alert type="error" title={errorText(t, q.error)} />;
  const d = q.data;
  const label = (r: RevenueAnswer['rows'][number]) => (shown === 'period' ? periodLabel(r.key, interval) : r.label ?? (shown === 'region' && r.key ? r.key : t('salesReports.none')));
  const link = (r: RevenueAnswer['rows'][number]) => (basis === 'booked' && listCanDrill(filters) && (shown === 'period' || shown === 'owner')
    ? closedLink(filters, r.start ?? filters.from, r.end ?? filters.to, { won: true, zone: d?.time_zone, ...(shown === 'owner' ? { owner: r.key } : {}) })
    : drillHere(shown, r.key, { basis, interval }, filters));
  const groups = (['period', 'owner', 'product', 'region'] as const).filter((k) => basis !== 'collected' || k !== 'product');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Statistic title={t(`revenueBasis.total.${basis}`)} value={d ? formatMoney(d.totals.amount, d.currency) : '—'} loading={q.isLoading} />
        <Statistic title={t(`revenueBasis.count.${basis}`)} value={d?.totals.deals ?? 0} loading={q.isLoading} />
      </Space>
      <Space wrap>
        <Segmented aria-label={t('revenueBasis.basis')} value={basis} onChange={(v) => setBasis(v as Basis)} options={BASES.map((k) => ({ value: k, label: t(`revenueBasis.bases.${k}`) }))} />
        <Segmented value={shown} onChange={(v) => setGroup(v as Group)} options={groups.map((k) => ({ value: k, label: t(`salesReports.group.${k}`) }))} />
        {shown === 'period' ? <Segmented value={interval} onChange={(v) => setInterval(v as typeof interval)} options={(['month', 'quarter'] as const).map((k) => ({ value: k, label: t(`salesReports.interval.${k}`) }))} /> : null}
      </Space>
      <BarChart title={t('salesReports.tabs.revenue')} empty={t('salesReports.empty')} orientation={shown === 'period' ? 'vertical' : 'horizontal'}
        series={[{ label: t(`revenueBasis.total.${basis}`) }]} format={(n) => formatMoney(n, d?.currency)}
        data={(d?.rows ?? []).map((r) => ({ key: r.key || '-', label: label(r), values: [Number(r.amount)], href: link(r) }))} />
      <Typography.Text type="secondary">{basis === 'booked' ? t('salesReports.revenueNote') : t(`revenueBasis.notes.${basis}`)} {d ? t('revenueBasis.zone', { zone: d.time_zone }) : null}</Typography.Text>
    </Space>
  );
}

export function ActivityReport({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const q = useReport<ActivityAnswer>('activity', { ...filters, pipeline_id: undefined });
  if (q.error) return <Alert type="error" title={errorText(t, q.error)} />;
  const rows = q.data?.rows ?? [];
  const who = (r: ActivityAnswer['rows'][number]) => r.owner_name ?? t('salesReports.none');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <BarChart title={t('salesReports.tabs.activity')} empty={t('salesReports.empty')} format={String}
        series={activityKinds.map((k) => ({ label: t(`salesReports.kinds.${k}`) }))}
        data={rows.map((r) => ({ key: String(r.owner_id ?? 0), label: who(r), values: activityKinds.map((k) => r[k]), href: listCanDrill(filters) ? activityLink(filters, r.owner_id, undefined, q.data?.time_zone) : undefined }))} />
      <Table size="small" rowKey={(r) => String(r.owner_id ?? 0)} pagination={false} dataSource={rows} loading={q.isLoading} scroll={{ x: true }}
        columns={[
          { key: 'who', title: t('salesReports.group.owner'), render: (_, r) => who(r) },
          ...activityKinds.map((k) => ({ key: k, title: t(`salesReports.kinds.${k}`), align: 'right' as const, render: (_: unknown, r: ActivityAnswer['rows'][number]) => (listCanDrill(filters) ? <Link to={activityLink(filters, r.owner_id, k, q.data?.time_zone)}>{r[k]}</Link> : r[k]) })),
          { key: 'total', title: t('salesReports.total'), dataIndex: 'total', align: 'right' },
          { key: 'week', title: t('salesReports.perWeek'), dataIndex: 'per_week', align: 'right' },
        ]} />
    </Space>
  );
}
