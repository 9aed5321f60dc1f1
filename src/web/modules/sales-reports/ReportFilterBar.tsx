import { DatePicker, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useTeams } from '../../api/hooks.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import { usePipelines } from '../opportunities/api.ts';
import type { ReportFilters } from './reportsApi.ts';

// The sales reports' one filter bar, the same on every tab: period, pipeline (where the tab has
// one), owner, team and territory. The filters live in the address (reportsApi.ts readFilters),
// so a reload, a shared link or a tab switch keeps them.

export function ReportFilterBar({ filters, onChange, pipeline }: { filters: ReportFilters; onChange: (f: ReportFilters) => void; pipeline: 'required' | 'optional' | 'none' }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const teams = useTeams();
  const set = (patch: Partial<ReportFilters>) => onChange({ ...filters, ...patch });
  const id = (v: unknown) => (typeof v === 'number' ? v : v ? Number(v) : undefined);
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <DatePicker.RangePicker allowClear={false} aria-label={t('salesReports.period')} value={[dayjs(filters.from), dayjs(filters.to)]}
        onChange={(v) => { if (v?.[0] && v[1]) set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') }); }} />
      {pipeline !== 'none' ? (
        <Select style={{ minWidth: 160 }} aria-label={t('salesReports.pipeline')} placeholder={t('salesReports.pipeline')} allowClear={pipeline === 'optional'}
          value={filters.pipeline_id} onChange={(v?: number) => set({ pipeline_id: v })}
          options={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
      ) : null}
      <RecordSelect target="users" style={{ minWidth: 180 }} placeholder={t('salesReports.owner')} ariaLabel={t('salesReports.owner')} value={filters.owner_id ?? null}
        onChange={(v) => set({ owner_id: id(v) })} />
      <Select style={{ minWidth: 160 }} aria-label={t('revenueBasis.team')} placeholder={t('revenueBasis.team')} allowClear value={filters.team_id}
        onChange={(v?: number) => set({ team_id: v })} options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
      <RecordSelect target="territories" style={{ minWidth: 180 }} placeholder={t('revenueBasis.territory')} ariaLabel={t('revenueBasis.territory')} value={filters.territory_id ?? null}
        onChange={(v) => set({ territory_id: id(v) })} />
    </Space>
  );
}
