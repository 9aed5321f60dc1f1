import { Alert, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../i18n/format.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { commissionError, useLines, type LineData } from './api.ts';

/** A statement's lines, each linking to its source document (opportunity, invoice, payment). */
export function StatementLines({ id, record }: RecordExtensionProps) {
  const { t } = useTranslation();
  const q = useLines(id, record.version);
  const currency = String(record.currency ?? 'CNY');
  const money = (v: string | undefined) => (v === undefined ? '—' : formatMoney(v, currency));
  return (
    <Card title={t('commissions.lines')} size="small">
      {q.error ? <Alert type="error" title={commissionError(t, q.error)} /> : null}
      <Table<LineData> size="small" rowKey="id" loading={q.isLoading} dataSource={q.data ?? []} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('commissions.noLines') }}
        columns={[
          {
            key: 'source', title: t('commissions.source'),
            render: (_, l) => (
              <>
                <Link to={`/${l.source_object}/${l.source_id}`}>{l.source_title ?? `#${l.source_id}`}</Link>{' '}
                <Tag>{t(`commissions.sources.${l.source_object}`)}</Tag>
                {l.clawback_of ? <Tag color="red">{t('commissions.clawback')}</Tag> : null}
              </>
            ),
          },
          { key: 'commission', title: t('commissions.commission'), align: 'right', render: (_, l) => money(l.commission) },
          { key: 'date', title: t('commissions.date'), dataIndex: 'source_date' },
          { key: 'rule', title: t('commissions.rule'), render: (_, l) => l.rule_name ?? '—' },
          { key: 'basis', title: t('commissions.basis'), align: 'right', render: (_, l) => money(l.basis_amount) },
          { key: 'split', title: t('commissions.split'), align: 'right', render: (_, l) => `${l.split_percent} %` },
          { key: 'rate', title: t('commissions.rate'), align: 'right', render: (_, l) => `${l.rate} %` },
        ]} />
    </Card>
  );
}
