import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { quoteApi, quoteKeys } from './api.ts';

const STATUS_COLOR: Record<string, string> = {
  draft: 'default', pending_approval: 'gold', approved: 'blue', approval_rejected: 'red', sent: 'processing',
  accepted: 'green', rejected: 'red', expired: 'default', withdrawn: 'default', superseded: 'default',
};

/** The quote's versions (GET /quotes/{id}/versions) and, while it matters, why it needs approval and who decided. */
export function QuotePanels({ id, record }: RecordExtensionProps) {
  const { t } = useTranslation();
  const versions = useQuery({ queryKey: quoteKeys.versions(id), queryFn: () => quoteApi.versions(id) });
  const status = String(record.status ?? '');
  const approval = useQuery({ queryKey: quoteKeys.approval(id), queryFn: () => quoteApi.approval(id), enabled: ['draft', 'pending_approval', 'approved', 'approval_rejected'].includes(status) });
  const statusTag = (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`quotes.status.${s}`, { defaultValue: s })}</Tag>;
  const a = approval.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="quote-panels">
      {record.status === 'accepted' ? (
        <Card size="small" data-testid="quote-accepted">
          <Typography.Text>{t('quotes.acceptedBy', { name: record.accepted_by_name ?? '', at: String(record.accepted_at ?? '').slice(0, 16).replace('T', ' ') })}</Typography.Text>
        </Card>
      ) : null}
      {a && (a.required || a.history.length) ? (
        <Card size="small" title={t('quotes.approval.title')}>
          {a.reasons.length ? (
            <Typography.Paragraph>
              {a.reasons.map((r, i) => (
                <Tag key={i} color="gold">{t(`quotes.approval.${r.code}`, { value: r.value, limit: r.limit, position: r.position ?? '' })}</Tag>
              ))}
            </Typography.Paragraph>
          ) : <Typography.Paragraph type="secondary">{t('quotes.approval.notRequired')}</Typography.Paragraph>}
          {a.history.length ? (
            <Descriptions size="small" column={1} items={a.history.map((h, i) => ({
              key: i, label: `${h.created_at.slice(0, 16).replace('T', ' ')} · ${h.actor_name ?? ''}`,
              children: `${t(`quotes.approval.steps.${h.step}`, { defaultValue: h.step })}${h.comment ? ` — ${h.comment}` : ''}`,
            }))} />
          ) : null}
        </Card>
      ) : null}
      {(versions.data?.length ?? 0) > 1 ? (
        <Card size="small" title={t('quotes.versions.title')} data-testid="quote-versions">
          <List size="small" dataSource={versions.data} renderItem={(v) => (
            <List.Item>
              <Space>
                {v.id === id ? <Typography.Text strong>{v.number}</Typography.Text> : <Link to={`/quotes/${v.id}`}>{v.number}</Link>}
                <Typography.Text type="secondary">{t('quotes.versions.version', { n: v.version_no })}</Typography.Text>
                {statusTag(v.status)}
                {v.sent_at ? <Typography.Text type="secondary">{t('quotes.versions.sent', { at: v.sent_at.slice(0, 10) })}</Typography.Text> : null}
              </Space>
            </List.Item>
          )} />
        </Card>
      ) : null}
    </Space>
  );
}
