import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useMe } from '../../api/hooks.ts';
import { formatMoney } from '../../i18n/format.ts';
import { BarChart } from '../../components/charts/BarChart.tsx';
import type { Forecast } from '../../../shared/contracts/forecasts.ts';
import { AdjustModal, type AdjustTarget } from './AdjustModal.tsx';
import { drill, quarters } from './periods.ts';
import type { ForecastColumn } from '../../../shared/forecast-drill.ts';

type Rep = Forecast['reps'][number];
type Team = Forecast['teams'][number];
type Row = (Rep | Team) & { key: string; owner: number | null; title: string };
interface Trend { data: { weeks: { week_start: string; commit: number | null; won: number | null }[] } }

/** sales/forecast: a period's reps × forecast categories with quota and attainment, team roll-ups, quota vs won and the weekly commit trend. */
export function ForecastPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const periods = quarters();
  const [period, setPeriod] = useState(periods[4]!);
  const [team, setTeam] = useState<number | undefined>();
  const [adjust, setAdjust] = useState<AdjustTarget | null>(null);
  const q = useQuery({ queryKey: ['forecast', period, team], queryFn: async () => (await api.get<{ data: Forecast }>('/forecasts', { period, team })).data });
  const trend = useQuery({ queryKey: ['forecast', 'trend', period, team], queryFn: async () => (await api.get<Trend>('/forecasts/trend', { period, team })).data });
  const f = q.data;
  const money = (n: number | null) => (n === null ? '—' : formatMoney(n, f?.currency));
  const cell = (n: number | null, owner: number | null, kind: ForecastColumn) => (n === null || !f ? '—' : <Link to={drill(f, owner, kind)}>{money(n)}</Link>);
  const adjusted = (r: Row, c: 'commit' | 'best_case') => {
    const a = r.adjusted[c];
    return a ? <Tooltip title={`${a.adjusted_by_name ?? ''}: ${a.note}`}><Typography.Text type="warning"> → {money(a.amount)}</Typography.Text></Tooltip> : null;
  };
  // Reps without a team have no team row to adjust; the server decides in the end (403 otherwise).
  const mayAdjust = (r: Row) => !!me && ('user_id' in r || r.team_id !== null) && (me.role === 'admin' || ('user_id' in r
    ? f?.teams.some((x) => x.team_id === r.team_id && x.manager_id === me.id)
    : r.manager_id === me.id));
  const rows: Row[] = f ? [
    ...f.reps.map((r) => ({ ...r, key: `u${r.user_id}`, owner: r.user_id, title: r.name })),
    ...f.teams.map((r) => ({ ...r, key: `t${r.team_id ?? 0}`, owner: null, title: `${t('forecasts.team')}: ${r.name ?? t('forecasts.noTeam')}` })),
  ] : [];
  const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);
  return (
    <Card title={t('forecasts.title')} extra={
      <Space wrap>
        <Select aria-label={t('forecasts.period')} value={period} onChange={setPeriod} options={periods.map((p) => ({ value: p, label: p }))} style={{ width: 120 }} />
        <Select aria-label={t('forecasts.scope')} value={team ?? 0} style={{ width: 160 }} onChange={(v) => setTeam(v || undefined)}
          options={[{ value: 0, label: t('forecasts.allTeams') }, ...(f?.teams ?? []).filter((x) => x.team_id).map((x) => ({ value: x.team_id!, label: x.name ?? '' }))]} />
      </Space>
    }>
      {q.error ? <Alert type="error" title={errorText(t, q.error)} style={{ marginBottom: 12 }} /> : null}
      {f && !f.amounts_visible ? <Alert type="info" title={t('forecasts.amountsHidden')} style={{ marginBottom: 12 }} /> : null}
      <Table<Row> size="small" rowKey="key" loading={q.isLoading} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }}
        columns={[
          { key: 'who', title: t('forecasts.rep'), fixed: 'left', render: (_, r) => <strong>{r.title}</strong> },
          { key: 'pipeline', title: t('forecasts.pipeline'), align: 'right', render: (_, r) => cell(r.pipeline, r.owner, 'pipeline') },
          { key: 'best_case', title: t('forecasts.best_case'), align: 'right', render: (_, r) => <>{cell(r.best_case, r.owner, 'best_case')}{adjusted(r, 'best_case')}</> },
          { key: 'commit', title: t('forecasts.commit'), align: 'right', render: (_, r) => <>{cell(r.commit, r.owner, 'commit')}{adjusted(r, 'commit')}</> },
          { key: 'weighted', title: t('forecasts.weighted'), align: 'right', render: (_, r) => money(r.weighted) },
          { key: 'won', title: t('forecasts.won'), align: 'right', render: (_, r) => cell(r.won, r.owner, 'won') },
          { key: 'quota', title: t('forecasts.quota'), align: 'right', render: (_, r) => money(r.quota) },
          { key: 'attainment', title: t('forecasts.attainment'), align: 'right', render: (_, r) => pct(r.attainment) },
          { key: 'gap', title: t('forecasts.gap'), align: 'right', render: (_, r) => money(r.gap) },
          { key: 'adjust', title: '', render: (_, r) => (mayAdjust(r) ? (
            <Button size="small" onClick={() => setAdjust({ period, name: r.title, ...('user_id' in r ? { user_id: r.user_id } : { team_id: r.team_id ?? undefined }) })}>{t('forecasts.adjust')}</Button>
          ) : null) },
        ]} />
      {f?.amounts_visible ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} size="large">
          <BarChart title={t('forecasts.quotaVsWon')} series={[{ label: t('forecasts.quota') }, { label: t('forecasts.won') }]} format={(n) => money(n)} empty={t('forecasts.empty')}
            data={f.reps.map((r) => ({ key: String(r.user_id), label: r.name, values: [r.quota ?? 0, r.won ?? 0], href: drill(f, r.user_id, 'won') }))} />
          <BarChart title={t('forecasts.trend')} orientation="vertical" series={[{ label: t('forecasts.commit') }, { label: t('forecasts.won') }]} format={(n) => money(n)} empty={t('forecasts.noSnapshots')}
            data={(trend.data?.weeks ?? []).map((w) => ({ key: w.week_start, label: w.week_start, values: [w.commit ?? 0, w.won ?? 0], href: drill(f, null, 'open') }))} />
        </Space>
      ) : null}
      <AdjustModal target={adjust} onClose={() => setAdjust(null)} />
    </Card>
  );
}
