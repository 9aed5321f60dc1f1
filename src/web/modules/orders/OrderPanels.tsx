import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.ts';
import { useMe } from '../../api/hooks.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { formatMoney } from '../../../shared/money.ts';
import { ReleaseButton } from './OrderActions.tsx';
import { useCredit, useProgress, type Progress } from './orderApi.ts';

const RELEASERS = ['admin', 'manager'];

/** The hold banner (with the release for managers), the credit check as it stands, and delivery progress. */
export function OrderPanels({ id, record, reload }: RecordExtensionProps) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const status = String(record.status ?? '');
  const credit = useCredit(id, Boolean(record.account_id));
  const progress = useProgress(id);
  const c = credit.data;
  const money = (v: string | undefined) => (v === undefined ? '—' : formatMoney(v, c!.currency, i18n.language));
  const resultColor = { ok: 'green', warning: 'orange', hold: 'red' } as const;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {status === 'on_hold' ? (
        <Alert type="error" showIcon data-testid="order-hold-banner" message={t('orders.holdTitle')}
          description={<>{t('orders.holdText')} {c?.over_limit ? t('orders.overLimit') : ''} {c?.overdue ? t('orders.overdue') : ''}</>}
          action={me && RELEASERS.includes(me.role) ? <ReleaseButton id={id} reload={reload} /> : undefined} />
      ) : null}
      {record.account_id ? (
        <Card size="small" title={t('orders.creditTitle')} data-testid="order-credit">
          {credit.error ? <Typography.Text type="danger">{errorText(t, credit.error)}</Typography.Text> : c ? (
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
              <Descriptions.Item label={t('orders.exposure')}>{money(c.exposure)}</Descriptions.Item>
              <Descriptions.Item label={t('orders.thisOrder')}>{money(c.this_order)}</Descriptions.Item>
              <Descriptions.Item label={t('orders.total')}>{money(c.total)}</Descriptions.Item>
              <Descriptions.Item label={t('orders.limit')}>{c.limit === undefined ? t('orders.noLimit') : money(c.limit)}</Descriptions.Item>
              <Descriptions.Item label={t('orders.result')}><Tag color={resultColor[c.result]}>{t(`orders.results.${c.result}`)}</Tag>{c.overdue ? <Tag color="red">{t('orders.overdueTag')}</Tag> : null}</Descriptions.Item>
              <Descriptions.Item label={t('orders.policy')}>{t(`orders.policies.${c.policy}`)}</Descriptions.Item>
            </Descriptions>
          ) : null}
        </Card>
      ) : null}
      {progress.data && status !== 'draft' ? <ProgressCard data={progress.data} /> : null}
    </Space>
  );
}

function ProgressCard({ data }: { data: Progress }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={t('orders.progressTitle')} data-testid="order-progress">
      <Table size="small" rowKey="id" pagination={false} dataSource={data.lines} columns={[
        { title: t('orders.line'), dataIndex: 'description' },
        { title: t('orders.ordered'), dataIndex: 'quantity', align: 'right' },
        { title: t('orders.fulfilled'), dataIndex: 'quantity_fulfilled', align: 'right' },
        { title: t('orders.returned'), dataIndex: 'quantity_returned', align: 'right' },
        { title: t('orders.invoiced'), dataIndex: 'quantity_invoiced', align: 'right' },
      ]} />
      {data.returns.length ? (
        <ul style={{ marginTop: 8, marginBottom: 0 }}>
          {data.returns.map((r) => (
            <li key={r.id}>{new Date(r.created_at).toLocaleDateString(i18n.language)} — {r.reason} ({r.lines.map((l) => `${data.lines.find((x) => x.id === l.line_id)?.description ?? l.line_id} × ${l.quantity}`).join(', ')})</li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
