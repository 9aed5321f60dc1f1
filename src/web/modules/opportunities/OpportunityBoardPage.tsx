import { useEffect, useMemo, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useMeta } from '../../api/objects.ts';
import { fieldLabel, objectLabel } from '../../fields/labels.ts';
import { formatMoney } from '../../i18n/format.ts';
import { BoardView, type ColumnView } from '../../features/board/BoardView.tsx';
import { RecordFormDrawer } from '../../features/records/RecordFormDrawer.tsx';
import { useMoveOpportunity, useOpportunityBoard, usePipelines } from './api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

const DETAILS = ['account_id', 'amount', 'expected_close_date'];

interface Missing { id: number; stage_id: number; after_id?: number; before_id?: number; fields: string[] }

/**
 * /opportunities: the kanban of one pipeline (switcher), each stage with its count, total and
 * weighted total in the organisation currency; cards dragged between stages; a move the stage
 * refuses for missing fields asks for them and tries again.
 */
export function OpportunityBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const pipelines = usePipelines();
  const meta = useMeta('opportunities');
  const chosen = Number(search.get('pipeline')) || undefined;
  const pipeline = pipelines.data?.find((p) => p.id === chosen) ?? pipelines.data?.find((p) => p.is_default) ?? pipelines.data?.[0];
  const board = useOpportunityBoard(pipeline?.id, {});
  const move = useMoveOpportunity();
  const [creating, setCreating] = useState(false);
  const [missing, setMissing] = useState<Missing | null>(null);
  const [form] = Form.useForm();
  useEffect(() => form.resetFields(), [missing, form]);
  const fields = useMemo(() => meta.data?.fields ?? [], [meta.data]);
  const currency = board.data?.currency;
  const columns: ColumnView[] | undefined = board.data && pipeline ? board.data.columns.map((c) => ({
    value: String(c.id),
    label: c.name,
    count: c.count,
    sum: c.sum === undefined ? undefined : (
      <span className="gx-opp-totals">
        {formatMoney(c.sum, currency)}
        {c.weighted !== undefined ? <span data-testid={`board-weighted-${c.id}`}> · {t('opportunities.weighted', { amount: formatMoney(c.weighted, currency) })}</span> : null}
      </span>
    ),
    cards: { object: 'opportunities', value: String(c.id), path: '/opportunities/board/cards', params: { pipeline: pipeline.id, stage: c.id } },
  })) : undefined;

  const send = async (m: Omit<Missing, 'fields'> & { values?: Record<string, unknown> }) => {
    try {
      await move.mutateAsync(m);
      setMissing(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stage_fields_required') setMissing({ ...m, fields: e.details.map((d) => d.field) });
      else message.error(errorText(t, e));
    }
  };

  return (
    <div className="gx-page">
      <Space className="gx-page-head" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <PageTitle>{objectLabel(t, 'opportunities', true)}</PageTitle>
          <Select
            data-testid="pipeline-switcher"
            aria-label={t('opportunities.pipeline')}
            style={{ minWidth: 200 }}
            loading={pipelines.isLoading}
            value={pipeline?.id}
            options={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            onChange={(v: number) => setSearch({ pipeline: String(v) })}
          />
        </Space>
        <Space>
          <Link to="/opportunities/all"><Button icon={<UnorderedListOutlined />}>{t('opportunities.list')}</Button></Link>
          {meta.data?.can?.create ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('opportunities.new')}</Button> : null}
        </Space>
      </Space>
      <BoardView
        object="opportunities"
        columns={columns}
        titleField="name"
        details={fields.filter((f) => DETAILS.includes(f.key))}
        canMove={Boolean(meta.data?.can?.update)}
        onOpen={(id) => navigate(`/opportunities/${id}`)}
        onMove={(id, plan) => send({ id, stage_id: Number(plan.to), after_id: plan.after_id, before_id: plan.before_id })}
        cardFlag={(r) => (r.rotting ? <Tag color="orange" data-testid={`rotting-${r.id}`}>{t('opportunities.rotting')}</Tag> : null)}
      />
      <Modal
        open={missing !== null}
        title={t('opportunities.fillToMove')}
        okText={t('opportunities.move')}
        confirmLoading={move.isPending}
        onCancel={() => setMissing(null)}
        onOk={() => void form.validateFields().then((values) => missing && send({ ...missing, values }))}
      >
        <Form form={form} layout="vertical">
          {(missing?.fields ?? []).map((k) => (
            <Form.Item key={k} name={k} label={fieldLabel(t, 'opportunities', fields.find((f) => f.key === k) ?? k)} rules={[{ required: true }]}>
              <Input data-testid={`fill-${k}`} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
      <RecordFormDrawer
        object="opportunities"
        open={creating}
        recordId={null}
        defaults={pipeline ? { pipeline_id: pipeline.id } : undefined}
        onClose={() => setCreating(false)}
        onSaved={() => setCreating(false)}
      />
    </div>
  );
}
