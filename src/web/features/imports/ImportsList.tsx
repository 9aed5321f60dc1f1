import { Button, Card, Empty, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { ImportJob, Page } from '../../api/types.ts';
import { objectLabel } from '../../fields/labels.ts';
import { formatCount, formatDateTime } from '../../i18n/format.ts';
import { STATUS_COLOR } from './ImportProgress.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

export function ImportsList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useInfiniteQuery({
    queryKey: ['imports'],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => api.get<Page<ImportJob>>('/imports', { limit: 50, cursor: pageParam ?? undefined }),
    getNextPageParam: (p) => p.next_cursor,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.data.some((j) => j.status === 'running' || j.status === 'queued')) ? 2000 : false),
  });
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className="gx-page">
      <div className="gx-page-head">
        <PageTitle>{t('imports.title')}</PageTitle>
        <span style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/imports/new')} data-testid="new-import">{t('imports.new')}</Button>
      </div>
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<ImportJob>
          rowKey="id"
          loading={q.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('imports.empty')}><Button type="primary" onClick={() => navigate('/imports/new')}>{t('imports.new')}</Button></Empty> }}
          onRow={(r) => ({ onClick: () => navigate(`/imports/${r.id}`), className: 'gx-row' })}
          columns={[
            { key: 'id', title: '#', width: 70, render: (_, r) => <Link to={`/imports/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="import-open">{r.id}</Link> },
            { key: 'object', title: t('imports.object'), render: (_, r) => objectLabel(t, r.object, true), width: 120 },
            { key: 'file', title: t('imports.file'), dataIndex: 'file_name', ellipsis: true, width: 220 },
            { key: 'status', title: t('common.status'), width: 110, render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`imports.status.${r.status}`)}</Tag> },
            { key: 'rows', title: t('imports.rows'), width: 120, render: (_, r) => (r.total_rows === null ? '—' : `${formatCount(r.processed_rows ?? 0)} / ${formatCount(r.total_rows)}`) },
            { key: 'created', title: t('imports.created'), width: 90, render: (_, r) => formatCount(r.created ?? 0) },
            { key: 'updated', title: t('imports.updated'), width: 90, render: (_, r) => formatCount(r.updated ?? 0) },
            { key: 'failed', title: t('imports.failedRows'), width: 90, render: (_, r) => formatCount(r.failed ?? 0) },
            { key: 'started', title: t('imports.startedAt'), width: 170, render: (_, r) => formatDateTime(r.started_at ?? r.created_at) },
          ]}
        />
        {q.hasNextPage ? <Button block type="text" onClick={() => void q.fetchNextPage()}>{t('common.loadMore')}</Button> : null}
      </Card>
    </div>
  );
}
