import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FORECAST_CATEGORIES, STAGE_CATEGORIES } from '../../../shared/contracts/opportunities.ts';
import { errorText } from '../../api/errors.ts';
import { useMeta } from '../../api/objects.ts';
import { fieldLabel } from '../../fields/labels.ts';
import { usePipelines, useSavePipeline, type PipelineData } from './api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

type StageDraft = Omit<PipelineData['stages'][number], 'id' | 'position'> & { id?: number; key: string };

let draftSeq = 0;
const blank = (): StageDraft => ({ key: `new-${++draftSeq}`, name: '', category: 'open', probability: 10, forecast_category: 'pipeline', required_fields: [], rotting_days: null });

/** Settings → Pipelines (administrators): each pipeline's name, default flag, archive, and its ordered stages. */
export function PipelinesPage() {
  const { t } = useTranslation();
  const pipelines = usePipelines(true);
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const current = selected === 'new' ? undefined : pipelines.data?.find((p) => p.id === selected) ?? pipelines.data?.[0];
  return (
    <div className="gx-page">
      <PageTitle style={{ marginBottom: 16 }}>{t('opportunities.pipelines')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select style={{ minWidth: 240 }} value={selected === 'new' ? undefined : current?.id} placeholder={t('opportunities.newPipeline')}
          options={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.archived ? `${p.name} (${t('opportunities.archived')})` : p.name }))}
          onChange={(v: number) => setSelected(v)} data-testid="pipelines-select" />
        <Button icon={<PlusOutlined />} onClick={() => setSelected('new')}>{t('opportunities.newPipeline')}</Button>
      </Space>
      {pipelines.data ? <PipelineEditor key={current?.id ?? 'new'} pipeline={current} onSaved={(id) => setSelected(id)} /> : null}
    </div>
  );
}

function PipelineEditor({ pipeline, onSaved }: { pipeline?: PipelineData; onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSavePipeline();
  const meta = useMeta('opportunities');
  const [name, setName] = useState(pipeline?.name ?? '');
  const [isDefault, setDefault] = useState(pipeline?.is_default ?? false);
  const [archived, setArchived] = useState(pipeline?.archived ?? false);
  const [stages, setStages] = useState<StageDraft[]>([]);
  useEffect(() => setStages(pipeline ? pipeline.stages.map(({ position: _, ...s }) => ({ ...s, key: String(s.id) })) : [blank()]), [pipeline]);
  const fieldOptions = (meta.data?.fields ?? []).filter((f) => !f.readonly).map((f) => ({ value: f.key, label: fieldLabel(t, 'opportunities', f) }));
  const set = (key: string, patch: Partial<StageDraft>) => setStages((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const shift = (i: number, by: number) => setStages((all) => {
    const next = [...all];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s!);
    return next;
  });
  const submit = () => save.mutate(
    { id: pipeline?.id, name, is_default: isDefault, ...(pipeline ? { archived } : {}), stages: stages.map(({ key: _, ...s }) => s) },
    { onSuccess: (p) => { message.success(t('opportunities.saved')); onSaved(p.id); }, onError: (e) => message.error(errorText(t, e)) },
  );
  return (
    <Card>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('opportunities.pipelineName')}><Input value={name} onChange={(e) => setName(e.target.value)} data-testid="pipeline-name" /></Form.Item>
        <Form.Item><Checkbox checked={isDefault} onChange={(e) => setDefault(e.target.checked)}>{t('opportunities.isDefault')}</Checkbox></Form.Item>
        {pipeline ? <Form.Item><Checkbox checked={archived} onChange={(e) => setArchived(e.target.checked)}>{t('opportunities.archived')}</Checkbox></Form.Item> : null}
      </Form>
      <Table<StageDraft>
        size="small" rowKey="key" pagination={false} dataSource={stages} scroll={{ x: true }}
        columns={[
          { title: t('opportunities.stage'), render: (_, s) => <Input value={s.name} onChange={(e) => set(s.key, { name: e.target.value })} /> },
          { title: t('opportunities.category'), render: (_, s) => <Select value={s.category} style={{ width: 110 }} onChange={(v) => set(s.key, { category: v })}
            options={STAGE_CATEGORIES.map((c) => ({ value: c, label: t(`opportunities.categories.${c}`) }))} /> },
          { title: t('opportunities.probability'), render: (_, s) => <InputNumber min={0} max={100} value={s.probability} onChange={(v) => set(s.key, { probability: v ?? 0 })} /> },
          { title: t('opportunities.forecast'), render: (_, s) => <Select value={s.forecast_category} style={{ width: 130 }} onChange={(v) => set(s.key, { forecast_category: v })}
            options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`opportunities.forecasts.${c}`) }))} /> },
          { title: t('opportunities.requiredFields'), render: (_, s) => <Select mode="multiple" value={s.required_fields} style={{ minWidth: 180 }} options={fieldOptions}
            onChange={(v) => set(s.key, { required_fields: v })} /> },
          { title: t('opportunities.rottingDays'), render: (_, s) => <InputNumber min={1} value={s.rotting_days} onChange={(v) => set(s.key, { rotting_days: v ?? null })} /> },
          {
            key: 'order', render: (_, s, i) => (
              <Space size={0}>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => shift(i, -1)} aria-label={t('opportunities.up')} />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === stages.length - 1} onClick={() => shift(i, 1)} aria-label={t('opportunities.down')} />
                <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => setStages((all) => all.filter((x) => x.key !== s.key))} aria-label={t('opportunities.removeStage')} />
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button icon={<PlusOutlined />} onClick={() => setStages((all) => [...all, blank()])}>{t('opportunities.addStage')}</Button>
        <Button type="primary" loading={save.isPending} onClick={submit} data-testid="pipeline-save">{t('opportunities.save')}</Button>
      </Space>
    </Card>
  );
}
