import { Alert, Button, Card, Col, Descriptions, Progress, Result, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, download, ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { ImportJob, One } from '../../api/types.ts';
import { fieldLabel, objectLabel } from '../../fields/labels.ts';
import { formatCount, formatDateTime } from '../../i18n/format.ts';
import { NotFound } from '../../app/NotFound.tsx';
import { ImportWizard } from './ImportWizard.tsx';
import { rowReason, warningReason, type CellWarning, type RowError } from './reasons.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

/** GET /imports/{id}/report: the first rejected rows and cells left out. */
interface ImportReport {
  errors: RowError[];
  warnings: CellWarning[];
}

export const STATUS_COLOR: Record<string, string> = { uploaded: 'default', queued: 'gold', running: 'blue', done: 'green', failed: 'red' };
const ACTIVE = new Set(['queued', 'running']);

function useEstimate(job: ImportJob | undefined): number | null {
  if (!job || job.status !== 'running' || !job.started_at || !job.total_rows || !job.processed_rows) return null;
  const elapsed = (Date.now() - new Date(job.started_at).getTime()) / 1000;
  if (elapsed <= 0) return null;
  const rate = job.processed_rows / elapsed;
  return rate > 0 ? Math.max(0, Math.round((job.total_rows - job.processed_rows) / rate)) : null;
}

/** The import job's page: progress while it runs (polled every second), the result when done. */
export function ImportProgress() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const q = useQuery({
    queryKey: ['import', id],
    queryFn: async () => (await api.get<One<ImportJob>>(`/imports/${id}`)).data,
    refetchInterval: (query) => (query.state.data && ACTIVE.has(query.state.data.status) ? 1000 : false),
  });
  const job = q.data;
  const hasErrors = Boolean(job && job.status === 'done' && (job.failed ?? 0) > 0) || job?.status === 'failed';
  const hasWarnings = Boolean(job && job.status === 'done' && (job.warned ?? 0) > 0);
  // The first rejected rows and cells left out as JSON (the full lists are the errors.csv and
  // warnings.csv downloads): the web app parses no CSV, the server's import reader is the one CSV parser.
  const report = useQuery({
    queryKey: ['import-report', id, job?.status],
    enabled: hasErrors || hasWarnings,
    queryFn: async () => (await api.get<One<ImportReport>>(`/imports/${id}/report`)).data,
  });
  const rejected = report.data?.errors ?? [];
  const warnings = report.data?.warnings ?? [];
  const eta = useEstimate(job);

  if (q.isError && q.error instanceof ApiError && q.error.status === 404) return <NotFound />;
  if (q.isError) return <Alert type="error" title={errorText(t, q.error)} />;
  if (!job) return <div className="gx-page"><Card variant="borderless"><Skeleton active paragraph={{ rows: 6 }} /></Card></div>;
  if (job.status === 'uploaded' && job.headers?.length) return <ImportWizard job={job} />;

  const total = job.total_rows ?? 0;
  const processed = job.processed_rows ?? 0;
  const pct = total ? Math.min(100, Math.floor((processed / total) * 100)) : job.status === 'done' ? 100 : 0;
  const objects = objectLabel(t, job.object, true);
  const etaText = eta === null ? null : eta < 90 ? t('imports.seconds', { count: eta }) : t('imports.minutes', { count: Math.ceil(eta / 60) });

  const stats = (
    <Row gutter={[16, 16]} data-testid="import-counts">
      <Col xs={12} md={6}><Statistic title={t('imports.created')} value={job.created ?? 0} formatter={(v) => <span data-testid="count-created">{formatCount(Number(v))}</span>} /></Col>
      <Col xs={12} md={6}><Statistic title={t('imports.updated')} value={job.updated ?? 0} formatter={(v) => <span data-testid="count-updated">{formatCount(Number(v))}</span>} /></Col>
      <Col xs={12} md={6}><Statistic title={t('imports.skipped')} value={job.skipped ?? 0} formatter={(v) => <span data-testid="count-skipped">{formatCount(Number(v))}</span>} /></Col>
      <Col xs={12} md={6}><Statistic title={t('imports.failedRows')} value={job.failed ?? 0} formatter={(v) => <span data-testid="count-failed" style={{ color: Number(v) ? '#cf1322' : undefined }}>{formatCount(Number(v))}</span>} /></Col>
    </Row>
  );

  return (
    <div className="gx-page" style={{ maxWidth: 1000 }}>
      <div className="gx-page-head">
        <PageTitle>{t('imports.job', { id: job.id })}</PageTitle>
        <Tag color={STATUS_COLOR[job.status]} data-testid="import-status" data-status={job.status}>{t(`imports.status.${job.status}`)}</Tag>
        <span style={{ flex: 1 }} />
        <Button onClick={() => navigate('/imports')}>{t('imports.back')}</Button>
      </div>
      {/* Screen readers hear the progress in steps of 10% and the end state: the region stays
          mounted so each change is announced (polite, not on every one-second poll). */}
      <div className="gx-sr-only" role="status" aria-live="polite" data-testid="import-announce">
        {`${t(`imports.status.${job.status}`)}: ${ACTIVE.has(job.status) ? `${Math.floor(pct / 10) * 10}%` : t('imports.processed', { processed: formatCount(processed), total: formatCount(total) })}`}
      </div>
      <Card variant="borderless" className="gx-card">
        {ACTIVE.has(job.status) || job.status === 'uploaded' ? (
          <Space orientation="vertical" style={{ width: '100%' }} size="large">
            <div>
              <Progress percent={pct} status="active" aria-label={t('a11y.importProgress')} />
              <Space wrap separator="·">
                <Typography.Text>{t('imports.processed', { processed: formatCount(processed), total: formatCount(total) })}</Typography.Text>
                {etaText ? <Typography.Text type="secondary">{t('imports.estimate', { time: etaText })}</Typography.Text> : null}
              </Space>
            </div>
            {stats}
            <Alert type="info" showIcon title={t('imports.leaveHint')} />
          </Space>
        ) : (
          <>
            <Result
              status={job.status === 'done' ? ((job.failed ?? 0) > 0 ? 'warning' : 'success') : 'error'}
              title={job.status === 'done' ? t('imports.finished') : t('imports.failedTitle')}
              subTitle={job.error ?? t('imports.processed', { processed: formatCount(processed), total: formatCount(total) })}
              extra={
                <Space wrap style={{ justifyContent: 'center' }}>
                  <Link to={`/${job.object}`}><Button type="primary">{t('imports.viewRecords', { objects: objects.toLowerCase() })}</Button></Link>
                  {hasErrors ? (
                    <Button icon={<DownloadOutlined />} onClick={() => download(`/imports/${job.id}/errors.csv`)} data-testid="error-report">{t('imports.errorReport')}</Button>
                  ) : null}
                  {hasWarnings ? (
                    <Button icon={<DownloadOutlined />} onClick={() => download(`/imports/${job.id}/warnings.csv`)} data-testid="warnings-report">{t('imports.warningsReport')}</Button>
                  ) : null}
                  {job.status === 'done' && (job.skipped ?? 0) > 0 ? (
                    <Button icon={<DownloadOutlined />} onClick={() => download(`/imports/${job.id}/skipped.csv`)} data-testid="skipped-report">{t('imports.skippedReport')}</Button>
                  ) : null}
                  <Link to={`/imports/new?object=${job.object}`}><Button>{t('imports.again')}</Button></Link>
                </Space>
              }
            />
            {stats}
          </>
        )}
      </Card>
      {hasErrors && rejected.length > 0 ? <ReportCard title={t('imports.rejectedRows')} rows={rejected} testId="rejected-rows" object={job.object} /> : null}
      {hasWarnings && warnings.length > 0 ? <ReportCard title={t('imports.leftOutCells')} rows={warnings} testId="left-out-cells" object={job.object} withField /> : null}
      <Card variant="borderless" className="gx-card" size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('imports.object')}>{objects}</Descriptions.Item>
          {job.file_name ? <Descriptions.Item label={t('imports.file')}>{job.file_name}</Descriptions.Item> : null}
          <Descriptions.Item label={t('imports.startedAt')}>{formatDateTime(job.started_at) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('imports.finishedAt')}>{formatDateTime(job.finished_at) || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}

type ReportRow = { line: number; field?: string; reason: string; issues?: RowError['issues']; code?: string | null };

/** The first rows of an import report (rejected rows, or cells left out with their field), in the user's language. */
function ReportCard({ title, rows, testId, object, withField = false }: { title: string; rows: ReportRow[]; testId: string; object: string; withField?: boolean }) {
  const { t } = useTranslation();
  const label = (k: string) => fieldLabel(t, object, k);
  return (
    <Card variant="borderless" className="gx-card" title={title} size="small">
      <Table
        size="small"
        rowKey={(r) => `${r.line}-${r.field ?? ''}-${r.reason}`}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { key: 'line', title: t('imports.line'), dataIndex: 'line', width: 90 },
          ...(withField ? [{ key: 'field', title: t('imports.field'), dataIndex: 'field', width: 160, render: (k: string) => label(k) }] : []),
          { key: 'reason', title: t('imports.reason'), render: (_: unknown, r: ReportRow) => (withField ? warningReason(t, { ...r, field: r.field ?? '' }) : rowReason(t, label, r)) },
        ]}
        data-testid={testId}
      />
    </Card>
  );
}
