import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSettings } from '../../api/hooks.ts';
import { FunnelReport, PipelineReport, WinRateReport } from './OpportunityReports.tsx';
import { ActivityReport, RevenueReport } from './RevenueReports.tsx';
import { RecordsDrawer } from './RecordsDrawer.tsx';
import { ReportFilterBar } from './ReportFilterBar.tsx';
import { readFilters, writeFilters } from './reportsApi.ts';

// reports/sales: the sales reports, one tab each, over a period, a pipeline, an owner, a team and a
// territory (one filter bar for every tab). The tab, the filters and an open records drawer live in
// the address (a bar links to `?drill=…`, Back closes it), so a reload or a shared link keeps them.

const TABS = ['pipeline', 'funnel', 'winRate', 'revenue', 'activity'] as const;
const DRAWER = ['drill', 'key', 'basis', 'interval'];

export function SalesReportsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const settings = useSettings();
  const tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? search.get('tab')! : 'pipeline';
  // A tab switch or a closed drawer keeps the filters and drops the drawer's parameters.
  const go = (next: string) => {
    const q = writeFilters(search, filters);
    for (const k of DRAWER) q.delete(k);
    q.set('tab', next);
    setSearch(q);
  };
  const pipeline = tab === 'pipeline' || tab === 'funnel' ? 'required' : tab === 'activity' ? 'none' : 'optional';
  const View = { pipeline: PipelineReport, funnel: FunnelReport, winRate: WinRateReport, revenue: RevenueReport, activity: ActivityReport }[tab as (typeof TABS)[number]];
  return (
    <Card title={t('salesReports.title')} extra={<Link to="/reports/ageing">{t('salesReports.ageing')}</Link>}>
      <ReportFilterBar filters={filters} pipeline={pipeline} onChange={(f) => setSearch(writeFilters(search, f), { replace: true })} />
      <Tabs activeKey={tab} destroyOnHidden onChange={go}
        items={TABS.map((k) => ({ key: k, label: t(`salesReports.tabs.${k}`) }))} />
      <View filters={filters} />
      <RecordsDrawer drill={search.get('drill')} drillKey={search.get('key') ?? ''} filters={filters} currency={settings.data?.currency}
        revenue={{ basis: search.get('basis') ?? undefined, interval: search.get('interval') ?? undefined }}
        onClose={() => go(tab)} />
    </Card>
  );
}
