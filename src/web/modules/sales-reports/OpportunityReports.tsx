import { useState } from 'react';
import { Alert, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FunnelAnswer, PipelineAnswer, WinRateAnswer } from '../../../shared/contracts/sales-reports.ts';
import { errorText } from '../../api/errors.ts';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { formatMoney } from '../../i18n/format.ts';
import { closedLink, drillHere, listCanDrill, periodLabel, stageLink, useReport, type ReportFilters } from './reportsApi.ts';

// The reports on opportunities: pipeline by stage, the funnel, win rate and sales cycle. Every
// bar drills down to the records behind it.

const count = (n: number) => String(n);
const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 1000) / 10}%`);

export function PipelineReport({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const q = useReport<PipelineAnswer>('pipeline', filters);
  const [measure, setMeasure] = useState<'count' | 'amount' | 'weighted'>('count');
  if (q.error) return <Alert type="error" title={errorText(t, q.error)} />;
  const d = q.data;
  const money = (v: string | null) => (v === null ? '—' : formatMoney(v, d?.currency));
  const value = (s: PipelineAnswer['stages'][number]) => (measure === 'count' ? s.count : Number(s[measure] ?? 0));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Statistic title={t('salesReports.deals')} value={d?.totals.count ?? 0} loading={q.isLoading} />
        {d?.amounts_hidden ? null : <Statistic title={t('salesReports.amount')} value={money(d?.totals.amount ?? null)} loading={q.isLoading} />}
        {d?.amounts_hidden ? null : <Statistic title={t('salesReports.weighted')} value={money(d?.totals.weighted ?? null)} loading={q.isLoading} />}
      </Space>
      {d?.amounts_hidden ? <Typography.Text type="secondary">{t('salesReports.amountsHidden')}</Typography.Text> : (
        <Segmented value={measure} onChange={(v) => setMeasure(v as typeof measure)}
          options={(['count', 'amount', 'weighted'] as const).map((k) => ({ value: k, label: t(`salesReports.measure.${k}`) }))} />
      )}
      <BarChart title={t('salesReports.tabs.pipeline')} empty={t('salesReports.empty')}
        series={[{ label: t(`salesReports.measure.${measure}`) }]}
        format={(n) => (measure === 'count' ? count(n) : formatMoney(n, d?.currency))}
        data={(d?.stages ?? []).map((s) => ({ key: String(s.stage_id), label: s.name, values: [value(s)], href: listCanDrill(filters) ? stageLink(filters, s.stage_id) : undefined }))} />
      <Typography.Text type="secondary">{t('salesReports.pipelineNote')}</Typography.Text>
    </Space>
  );
}

export function FunnelReport({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const q = useReport<FunnelAnswer>('funnel', filters);
  if (q.error) return <Alert type="error" title={errorText(t, q.error)} />;
  const stages = q.data?.stages ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Statistic title={t('salesReports.created')} value={q.data?.created ?? 0} loading={q.isLoading} />
      <BarChart funnel title={t('salesReports.tabs.funnel')} empty={t('salesReports.empty')} series={[{ label: t('salesReports.reached') }]} format={count}
        data={stages.map((s) => ({ key: String(s.stage_id), label: s.name, values: [s.reached], href: drillHere('funnel', s.stage_id, {}, filters) }))} />
      <Table size="small" rowKey="stage_id" pagination={false} dataSource={stages} loading={q.isLoading} scroll={{ x: true }}
        columns={[
          { key: 'name', title: t('salesReports.stage'), dataIndex: 'name' },
          { key: 'reached', title: t('salesReports.reached'), dataIndex: 'reached', align: 'right' },
          { key: 'conversion', title: t('salesReports.conversion'), align: 'right', render: (_, s) => percent(s.conversion) },
        ]} />
      <Typography.Text type="secondary">{t('salesReports.funnelNote')}</Typography.Text>
    </Space>
  );
}

export function WinRateReport({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<'period' | 'owner' | 'source'>('period');
  const [interval, setInterval] = useState<'month' | 'quarter'>('month');
  const q = useReport<WinRateAnswer>('win-rate', filters, { group, interval });
  if (q.error) return <Alert type="error" title={errorText(t, q.error)} />;
  const d = q.data;
  const label = (r: WinRateAnswer['rows'][number]) => (group === 'period' ? periodLabel(r.key, interval) : r.label ?? (r.key || t('salesReports.none')));
  const link = (r: WinRateAnswer['rows'][number]) => closedLink(filters, r.start ?? filters.from, r.end ?? filters.to, {
    won: true, zone: d?.time_zone, ...(group === 'owner' ? { owner: r.key } : group === 'source' ? { source: r.key } : {}),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Statistic title={t('salesReports.winRate')} value={percent(d?.totals.win_rate ?? null)} loading={q.isLoading} />
        <Statistic title={t('salesReports.won')} value={d?.totals.won ?? 0} loading={q.isLoading} />
        <Statistic title={t('salesReports.lost')} value={d?.totals.lost ?? 0} loading={q.isLoading} />
        <Statistic title={t('salesReports.cycle')} value={d?.totals.avg_cycle_days ?? '—'} loading={q.isLoading} />
        {d?.amounts_hidden ? null : <Statistic title={t('salesReports.dealSize')} value={d?.totals.avg_deal_size ? formatMoney(d.totals.avg_deal_size, d.currency) : '—'} loading={q.isLoading} />}
      </Space>
      <Space wrap>
        <Segmented value={group} onChange={(v) => setGroup(v as typeof group)} options={(['period', 'owner', 'source'] as const).map((k) => ({ value: k, label: t(`salesReports.group.${k}`) }))} />
        {group === 'period' ? <Segmented value={interval} onChange={(v) => setInterval(v as typeof interval)} options={(['month', 'quarter'] as const).map((k) => ({ value: k, label: t(`salesReports.interval.${k}`) }))} /> : null}
      </Space>
      <BarChart title={t('salesReports.tabs.winRate')} empty={t('salesReports.empty')} orientation={group === 'period' ? 'vertical' : 'horizontal'}
        series={[{ label: t('salesReports.won') }, { label: t('salesReports.lost'), color: '#bfbfbf' }]} format={count}
        data={(d?.rows ?? []).map((r) => ({ key: r.key, label: label(r), values: [r.won, r.lost], href: listCanDrill(filters) ? link(r) : undefined }))} />
      <Table size="small" rowKey="key" pagination={false} dataSource={d?.rows ?? []} loading={q.isLoading} scroll={{ x: true }}
        columns={[
          { key: 'label', title: t(`salesReports.group.${group}`), render: (_, r) => label(r) },
          { key: 'rate', title: t('salesReports.winRate'), align: 'right', render: (_, r) => percent(r.win_rate) },
          { key: 'cycle', title: t('salesReports.cycle'), align: 'right', render: (_, r) => r.avg_cycle_days ?? '—' },
          ...(d?.amounts_hidden ? [] : [{ key: 'size', title: t('salesReports.dealSize'), align: 'right' as const, render: (_: unknown, r: WinRateAnswer['rows'][number]) => (r.avg_deal_size ? formatMoney(r.avg_deal_size, d?.currency) : '—') }]),
        ]} />
    </Space>
  );
}
