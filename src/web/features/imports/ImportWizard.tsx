import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Progress, Radio, Select, Space, Steps, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useMeta } from '../../api/hooks.ts';
import type { ImportJob, ImportValidation, One } from '../../api/types.ts';
import { rowReason, warningReason, type CellWarning, type RowError } from './reasons.ts';
import { fieldLabel, objectLabel } from '../../fields/labels.ts';
import { SYSTEM_KEYS } from '../records/formValues.ts';
import { uploadFile } from './upload.ts';
import { useObjects } from '../../api/objects.ts';
import { inMenuOrder } from '../../app/nav.tsx';
import { IMPORT_ENCODINGS } from '../../../shared/imports.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

type Mode = 'skip' | 'update' | 'create';

function cellOf(row: unknown, header: string, index: number): string {
  if (Array.isArray(row)) return row[index] === null || row[index] === undefined ? '' : String(row[index]);
  if (row && typeof row === 'object') {
    const v = (row as Record<string, unknown>)[header];
    return v === null || v === undefined ? '' : String(v);
  }
  return '';
}

/** Upload → map columns → check → start. A job that was uploaded earlier resumes at mapping. */
export function ImportWizard({ job: resumed }: { job?: ImportJob }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The objects whose definitions declare an import and that this user may import.
  const descriptors = inMenuOrder(useObjects().data ?? []);
  const importable = descriptors.filter((d) => d.features.import && d.can.import).map((d) => d.name);
  const home = descriptors.find((d) => d.menu?.home)?.name ?? '';
  const asked = params.get('object') ?? '';
  const [chosen, setObject] = useState<string | null>(resumed?.object ?? (importable.includes(asked) ? asked : null));
  const object = chosen ?? (importable.includes(home) ? home : importable[0] ?? '');
  const [job, setJob] = useState<ImportJob | null>(resumed ?? null);
  const [mapping, setMapping] = useState<Record<string, string | null>>(resumed?.mapping ?? resumed?.suggested_mapping ?? {});
  const [mode, setMode] = useState<Mode>('skip');
  const [uploadPct, setUploadPct] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [validation, setValidation] = useState<ImportValidation | null>(null);
  const [step, setStep] = useState(resumed ? 1 : 0);
  const meta = useMeta(object);

  const targetFields = useMemo(
    () => (meta.data?.fields ?? []).filter((f) => !f.readonly && !SYSTEM_KEYS.has(f.key)),
    [meta.data],
  );
  const fieldName = (k: string) => fieldLabel(t, object, targetFields.find((f) => f.key === k) ?? k);
  const headers = job?.headers ?? [];
  const preview = job?.preview ?? [];
  const mapped = Object.values(mapping).filter(Boolean);
  const nameMapped = mapped.includes('name');

  const validate = useMutation({
    mutationFn: async () => (await api.post<One<ImportValidation>>(`/imports/${job!.id}/validate`, { mapping, duplicate_mode: mode })).data,
    onSuccess: (v) => {
      setValidation(v);
      setStep(2);
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  // The encoding can be changed until the import starts: the server reads the headers and samples again.
  const encoding = useMutation({
    mutationFn: async (value: string) => (await api.patch<One<ImportJob>>(`/imports/${job!.id}`, { encoding: value })).data,
    onSuccess: (data) => {
      setJob({ ...data, object });
      setMapping(data.suggested_mapping ?? {});
      setValidation(null);
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  const start = useMutation({
    mutationFn: async () => api.post(`/imports/${job!.id}/start`, { mapping, duplicate_mode: mode }),
    onSuccess: () => navigate(`/imports/${job!.id}`),
    onError: (e) => message.error(errorText(t, e)),
  });

  const doUpload = async (file: File) => {
    setUploadError(null);
    setUploadPct(0);
    const form = new FormData();
    form.append('object', object);
    form.append('file', file, file.name);
    try {
      const r = await uploadFile<One<ImportJob>>('/imports', form, setUploadPct);
      setJob({ ...r.data, object });
      setMapping(r.data.suggested_mapping ?? Object.fromEntries((r.data.headers ?? []).map((h) => [h, null])));
      setValidation(null);
      setStep(1);
    } catch (e) {
      setUploadError(errorText(t, e));
    } finally {
      setUploadPct(null);
    }
  };

  const fieldOptions = [
    { value: '', label: <Typography.Text type="secondary">{t('imports.skipColumn')}</Typography.Text>, text: t('imports.skipColumn') },
    ...targetFields.map((f) => ({ value: f.key, label: fieldLabel(t, object, f), text: fieldLabel(t, object, f) })),
    // Contacts may name their company; the server matches it to an account (creating it when missing).
    ...(object === 'contacts' ? [{ value: 'account_name', label: t('imports.accountName'), text: t('imports.accountName') }] : []),
  ];

  const mappingTable = (
    <Table<{ header: string; index: number }>
      size="small"
      rowKey="header"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={headers.map((h, i) => ({ header: h, index: i }))}
      data-testid="mapping-table"
      columns={[
        { key: 'h', title: t('imports.column'), dataIndex: 'header', width: 180, render: (h: string) => <Typography.Text strong>{h}</Typography.Text> },
        {
          key: 'f',
          title: t('imports.targetField'),
          width: 240,
          render: (_: unknown, r: { header: string }) => {
            const used = new Set(Object.entries(mapping).filter(([k, v]) => v && k !== r.header).map(([, v]) => v));
            return (
              <Select
                style={{ width: 220 }}
                value={mapping[r.header] ?? ''}
                onChange={(v: string) => setMapping((m) => ({ ...m, [r.header]: v || null }))}
                showSearch={{ optionFilterProp: 'text' }}
                options={fieldOptions.map((o) => ({ ...o, disabled: Boolean(o.value) && used.has(o.value) }))}
                aria-label={`${t('imports.targetField')}: ${r.header}`}
                data-testid={`map-${r.header}`}
              />
            );
          },
        },
        {
          key: 's',
          title: t('imports.sample'),
          render: (_: unknown, r: { header: string; index: number }) => (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
              {preview.slice(0, 3).map((row) => cellOf(row, r.header, r.index)).filter(Boolean).join(' · ')}
            </Typography.Text>
          ),
        },
      ]}
    />
  );

  return (
    <div className="gx-page" style={{ maxWidth: 1100 }}>
      <div className="gx-page-head">
        <PageTitle>{t('imports.new')}</PageTitle>
        <span style={{ flex: 1 }} />
        <Button onClick={() => navigate('/imports')}>{t('imports.back')}</Button>
      </div>
      <Card variant="borderless">
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={[{ title: t('imports.stepUpload') }, { title: t('imports.stepMapping') }, { title: t('imports.stepCheck') }, { title: t('imports.stepRun') }]}
        />
        {step === 0 ? (
          <Space orientation="vertical" style={{ width: '100%' }} size="large">
            <Space wrap>
              <Typography.Text>{t('imports.object')}</Typography.Text>
              <Radio.Group value={object} onChange={(e) => setObject(e.target.value as string)} optionType="button"
                options={importable.map((o) => ({ value: o, label: objectLabel(t, o, true) }))} />
            </Space>
            <Upload.Dragger
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={uploadPct !== null}
              beforeUpload={(file) => {
                void doUpload(file as File);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{t('imports.dropHere')}</p>
              <p className="ant-upload-hint">{t('imports.dropHint')}</p>
            </Upload.Dragger>
            {uploadPct !== null ? <Progress percent={uploadPct} status="active" /> : null}
            {uploadError ? <Alert type="error" showIcon title={t('imports.uploadFailed')} description={uploadError} /> : null}
          </Space>
        ) : null}

        {step === 1 && job ? (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            {job.encoding ? (
              <Space wrap>
                <Typography.Text>{t('imports.encoding')}</Typography.Text>
                <Select
                  style={{ width: 240 }}
                  value={job.encoding}
                  loading={encoding.isPending}
                  onChange={(v: string) => encoding.mutate(v)}
                  options={[{ value: 'auto', label: t('imports.encodingAuto') }, ...IMPORT_ENCODINGS.map((e) => ({ value: e, label: t(`imports.encodings.${e}`) }))]}
                  aria-label={t('imports.encoding')}
                  data-testid="import-encoding"
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('imports.encodingHelp')}</Typography.Text>
              </Space>
            ) : null}
            {mappingTable}
            <div>
              <Typography.Text strong>{t('imports.duplicateMode')}</Typography.Text>
              <div style={{ marginTop: 6 }}>
                <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)}
                  options={(['skip', 'update', 'create'] as const).map((m) => ({ value: m, label: t(`imports.modes.${m}`) }))} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('imports.modeHelp')}</Typography.Text>
            </div>
            {!nameMapped ? <Alert type="warning" showIcon title={t('imports.nameRequired')} /> : null}
            <Space>
              <Button onClick={() => { setStep(0); setJob(null); }}>{t('common.back')}</Button>
              <Button type="primary" disabled={mapped.length === 0} loading={validate.isPending} onClick={() => validate.mutate()} data-testid="import-validate">
                {t('imports.validate')}
              </Button>
            </Space>
          </Space>
        ) : null}

        {step === 2 && job && validation ? (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            {validation.errors.length === 0 ? (
              <Alert type="success" showIcon title={t('imports.validationOk', { count: validation.rows_checked })} />
            ) : (
              <>
                <Alert type="warning" showIcon title={t('imports.validationErrors', { errors: validation.errors.length, count: validation.rows_checked })} />
                <Table
                  size="small"
                  rowKey={(r) => `${r.line}-${r.reason}`}
                  dataSource={validation.errors.slice(0, 200)}
                  pagination={validation.errors.length > 10 ? { pageSize: 10 } : false}
                  columns={[
                    { key: 'l', title: t('imports.line'), dataIndex: 'line', width: 90 },
                    { key: 'r', title: t('imports.reason'), render: (_: unknown, r: RowError) => rowReason(t, fieldName, r) },
                  ]}
                  data-testid="validation-errors"
                />
              </>
            )}
            {validation.warnings?.length ? (
              <>
                <Alert type="info" showIcon title={t('imports.validationWarnings', { count: validation.warnings.length })} />
                <Table
                  size="small"
                  rowKey={(r) => `${r.line}-${r.field}`}
                  dataSource={validation.warnings}
                  pagination={validation.warnings.length > 10 ? { pageSize: 10 } : false}
                  columns={[
                    { key: 'l', title: t('imports.line'), dataIndex: 'line', width: 90 },
                    { key: 'f', title: t('imports.field'), dataIndex: 'field', width: 160, render: (k: string) => fieldName(k) },
                    { key: 'r', title: t('imports.reason'), render: (_: unknown, w: CellWarning) => warningReason(t, w) },
                  ]}
                  data-testid="validation-warnings"
                />
              </>
            ) : null}
            <Space>
              <Button onClick={() => setStep(1)}>{t('common.back')}</Button>
              <Button type="primary" loading={start.isPending} onClick={() => start.mutate()} data-testid="import-start">{t('imports.start')}</Button>
            </Space>
          </Space>
        ) : null}
      </Card>
    </div>
  );
}
