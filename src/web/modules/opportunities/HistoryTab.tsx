import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { fieldLabel } from '../../fields/labels.ts';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format.ts';
import { usePipelines, useOpportunityHistory, type HistoryData } from './api.ts';

type Change = HistoryData['changes'][number];

/** Days, one decimal under ten ("3.5"), whole above. */
const days = (seconds: number) => { const d = seconds / 86_400; return d < 10 ? d.toFixed(1) : String(Math.round(d)); };

/** The stage path and every change of amount, close date and probability, oldest first, with the days spent in each stage. */
export function HistoryTab({ id }: RecordExtensionProps) {
  const { t } = useTranslation();
  const history = useOpportunityHistory(id);
  const pipelines = usePipelines(true);
  const stageName = new Map((pipelines.data ?? []).flatMap((p) => p.stages.map((s) => [s.id, s.name] as const)));
  const stage = (sid: number | null) => (sid === null ? '' : stageName.get(sid) ?? `#${sid}`);
  const current = history.data?.current;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {current ? (
        <Alert type={current.rotting ? 'warning' : 'info'} showIcon
          message={t(current.rotting ? 'opportunityHistory.rotting' : 'opportunityHistory.inStage', { stage: stage(current.stage_id), days: days(current.seconds), since: formatDate(current.since) })} />
      ) : null}
      <Table<Change>
        size="small" rowKey={(r) => `${r.at}-${r.changed.join()}-${r.to_stage_id}`} loading={history.isLoading} pagination={false}
        dataSource={history.data?.changes ?? []} scroll={{ x: true }}
        columns={[
          { title: t('opportunityHistory.at'), render: (_, r) => formatDateTime(r.at) },
          {
            title: t('opportunityHistory.stage'),
            render: (_, r) => r.from_stage_id === null ? <Tag>{t('opportunityHistory.created')}</Tag>
              : r.changed.includes('stage_id') ? <span>{stage(r.from_stage_id)} → <Typography.Text strong>{stage(r.to_stage_id)}</Typography.Text></span> : stage(r.to_stage_id),
          },
          { title: t('opportunityHistory.daysBefore'), align: 'right', render: (_, r) => (r.seconds_in_previous === null ? '' : days(r.seconds_in_previous)) },
          { title: fieldLabel(t, 'opportunities', 'amount'), align: 'right', render: (_, r) => (r.amount == null ? '' : formatMoney(r.amount, r.currency ?? undefined)) },
          { title: fieldLabel(t, 'opportunities', 'expected_close_date'), render: (_, r) => (r.expected_close_date ? formatDate(r.expected_close_date) : '') },
          { title: fieldLabel(t, 'opportunities', 'probability'), align: 'right', render: (_, r) => (r.probability == null ? '' : `${r.probability} %`) },
          { title: t('opportunityHistory.changed'), render: (_, r) => r.changed.map((k) => <Tag key={k}>{fieldLabel(t, 'opportunities', k)}</Tag>) },
        ]}
      />
    </Space>
  );
}
