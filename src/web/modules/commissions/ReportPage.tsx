import { useState } from 'react';
import { Alert, Card, DatePicker, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { formatMoney } from '../../i18n/format.ts';
import { commissionError, useByRep } from './api.ts';

/** Reports → Commissions: commission by rep for a month or quarter; each bar opens the rep's statement. */
export function ReportPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'month' | 'quarter'>('quarter');
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'));
  const q = useByRep(kind, date);
  const rows = q.data ?? [];
  return (
    <Card title={t('commissions.reportTitle')} extra={
      <Space wrap>
        <Segmented value={kind} onChange={(v) => setKind(v as 'month' | 'quarter')} options={[{ value: 'month', label: t('commissions.month') }, { value: 'quarter', label: t('commissions.quarter') }]} />
        <DatePicker allowClear={false} picker={kind} value={dayjs(date)} onChange={(d) => { if (d) setDate(d.format('YYYY-MM-DD')); }} />
      </Space>
    }>
      {q.error ? <Alert type="error" title={commissionError(t, q.error)} /> : null}
      <BarChart title={t('commissions.reportTitle')} orientation="horizontal" format={(n) => formatMoney(String(n))} empty={t('commissions.noStatements')}
        series={[{ label: t('commissions.commission') }]}
        data={rows.map((r) => ({
          key: String(r.statement_id), label: `${r.user_name} · ${t(`commissions.statuses.${r.status}`)}`,
          values: [Number(r.commission_total ?? 0)], href: `/commission_statements/${r.statement_id}`,
        }))} />
    </Card>
  );
}
