import { useState } from 'react';
import { Card, DatePicker, Select, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useSettings, useTeams } from '../../api/hooks.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import { usePipelines } from '../opportunities/api.ts';
import { FunnelReport, PipelineReport, WinRateReport } from './OpportunityReports.tsx';
import { ActivityReport, RevenueReport } from './RevenueReports.tsx';
import { RecordsDrawer } from './RecordsDrawer.tsx';
import type { ReportFilters } from './reportsApi.ts';

// reports/sales: the sales reports, one tab each, over a period, a pipeline and an owner (revenue:
// also a team and a territory). The tab
// and an open records drawer live in the address (a bar links to `?drill=…`, Back closes it).

const TABS = ['pipeline', 'funnel', 'winRate', 'revenue', 'activity'] as const;

export function SalesReportsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [filters, setFilters] = useState<ReportFilters>({ from: dayjs().startOf('year').format('YYYY-MM-DD'), to: dayjs().endOf('year').format('YYYY-MM-DD') });
  const pipelines = usePipelines();
  const settings = useSettings();
  const teams = useTeams();
  const tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? search.get('tab')! : 'pipeline';
  const set = (patch: Partial<ReportFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const usesPipeline = tab === 'pipeline' || tab === 'funnel' || tab === 'winRate' || tab === 'revenue';
  // Team and territory filter revenue only: the other tabs' bars open the list, which cannot express them.
  const revenue = tab === 'revenue';
  const shown = revenue ? filters : { ...filters, team_id: undefined, territory_id: undefined };
  const View = { pipeline: PipelineReport, funnel: FunnelReport, winRate: WinRateReport, revenue: RevenueReport, activity: ActivityReport }[tab as (typeof TABS)[number]];
  return (
    <Card title={t('salesReports.title')} extra={<Link to="/reports/ageing">{t('salesReports.ageing')}</Link>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker allowClear={false} aria-label={t('salesReports.period')} value={[dayjs(filters.from), dayjs(filters.to)]}
          onChange={(v) => { if (v?.[0] && v[1]) set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') }); }} />
        {usesPipeline ? (
          <Select style={{ minWidth: 160 }} aria-label={t('salesReports.pipeline')} placeholder={t('salesReports.pipeline')} allowClear={tab !== 'pipeline' && tab !== 'funnel'}
            value={filters.pipeline_id} onChange={(v?: number) => set({ pipeline_id: v })}
            options={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        ) : null}
        <RecordSelect target="users" style={{ minWidth: 180 }} placeholder={t('salesReports.owner')} ariaLabel={t('salesReports.owner')} value={filters.owner_id ?? null}
          onChange={(v) => set({ owner_id: typeof v === 'number' ? v : v ? Number(v) : undefined })} />
        {revenue ? (
          <>
            <Select style={{ minWidth: 160 }} aria-label={t('revenueBasis.team')} placeholder={t('revenueBasis.team')} allowClear value={filters.team_id}
              onChange={(v?: number) => set({ team_id: v })} options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
            <RecordSelect target="territories" style={{ minWidth: 180 }} placeholder={t('revenueBasis.territory')} value={filters.territory_id ?? null}
              onChange={(v) => set({ territory_id: typeof v === 'number' ? v : v ? Number(v) : undefined })} />
          </>
        ) : null}
      </Space>
      <Tabs activeKey={tab} destroyOnHidden onChange={(k) => setSearch({ tab: k })}
        items={TABS.map((k) => ({ key: k, label: t(`salesReports.tabs.${k}`) }))} />
      <View filters={shown} />
      <RecordsDrawer drill={search.get('drill')} drillKey={search.get('key') ?? ''} filters={shown} currency={settings.data?.currency}
        revenue={{ basis: search.get('basis') ?? undefined, interval: search.get('interval') ?? undefined }}
        onClose={() => setSearch({ tab })} />
    </Card>
  );
}
