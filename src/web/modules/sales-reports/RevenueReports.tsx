import { useState } from 'react';
import { Alert, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityAnswer, RevenueAnswer } from '../../../shared/contracts/sales-reports.ts';
import { errorText } from '../../api/errors.ts';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { formatMoney } from '../../i18n/format.ts';
import { activityKinds, activityLink, closedLink, drillHere, periodLabel, useReport, type ReportFilters } from './reportsApi.ts';

// Booked revenue (won deals by close date) by period, rep, product or region, and activity per
// rep. Period and rep bars open the list; product and region bars open the records drawer.

type Group = 'period' | 'owner' | 'product' | 'region';

export function RevenueReport({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<Group>('period');
  const [interval, setInterval] = useState<'month' | 'quarter'>('month');
  const q = useReport<RevenueAnswer>('revenue', filters, { group, interval });
  if (q.error) return <Alert type="error" title={errorText(t, q.error)} />;
  const d = q.data;
  const label = (r: RevenueAnswer['rows'][number]) => (group === 'period' ? periodLabel(r.key, interval) : r.label ?? (group === 'region' && r.key ? r.key : t('salesReports.none')));
  const link = (r: RevenueAnswer['rows'][number]) => (group === 'product' || group === 'region'
    ? drillHere(group, r.key)
    : closedLink(filters, r.start ?? filters.from, r.end ?? filters.to, { won: true, ...(group === 'owner' ? { owner: r.key } : {}) }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Statistic title={t('salesReports.revenue')} value={d ? formatMoney(d.totals.amount, d.currency) : '—'} loading={q.isLoading} />
        <Statistic title={t('salesReports.wonDeals')} value={d?.totals.deals ?? 0} loading={q.isLoading} />
      </Space>
      <Space wrap>
        <Segmented value={group} onChange={(v) => setGroup(v as Group)} options={(['period', 'owner', 'product', 'region'] as const).map((k) => ({ value: k, label: t(`salesReports.group.${k}`) }))} />
        {group === 'period' ? <Segmented value={interval} onChange={(v) => setInterval(v as typeof interval)} options={(['month', 'quarter'] as const).map((k) => ({ value: k, label: t(`salesReports.interval.${k}`) }))} /> : null}
      </Space>
      <BarChart title={t('salesReports.tabs.revenue')} empty={t('salesReports.empty')} orientation={group === 'period' ? 'vertical' : 'horizontal'}
        series={[{ label: t('salesReports.revenue') }]} format={(n) => formatMoney(n, d?.currency)}
        data={(d?.rows ?? []).map((r) => ({ key: r.key || '-', label: label(r), values: [Number(r.amount)], href: link(r) }))} />
      <Typography.Text type="secondary">{t('salesReports.revenueNote')}</Typography.Text>
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
        data={rows.map((r) => ({ key: String(r.owner_id ?? 0), label: who(r), values: activityKinds.map((k) => r[k]), href: activityLink(filters, r.owner_id) }))} />
      <Table size="small" rowKey={(r) => String(r.owner_id ?? 0)} pagination={false} dataSource={rows} loading={q.isLoading} scroll={{ x: true }}
        columns={[
          { key: 'who', title: t('salesReports.group.owner'), render: (_, r) => who(r) },
          ...activityKinds.map((k) => ({ key: k, title: t(`salesReports.kinds.${k}`), align: 'right' as const, render: (_: unknown, r: ActivityAnswer['rows'][number]) => <Link to={activityLink(filters, r.owner_id, k)}>{r[k]}</Link> })),
          { key: 'total', title: t('salesReports.total'), dataIndex: 'total', align: 'right' },
          { key: 'week', title: t('salesReports.perWeek'), dataIndex: 'per_week', align: 'right' },
        ]} />
    </Space>
  );
}
