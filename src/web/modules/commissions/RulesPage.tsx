import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { COMMISSION_BASES, TIER_MODES } from '../../../shared/contracts/commissions.ts';
import { useTeams } from '../../api/hooks.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import { commissionError, useDeleteRule, useRules, useSaveRule, type RuleData } from './api.ts';
import { RowOpen } from '../../components/RowOpen.tsx';

interface FormValues {
  name: string; basis: string; tier_mode: string; tiers: { from: number; rate: number }[]; product_category?: string;
  team_ids?: number[]; user_ids?: number[]; valid?: [Dayjs | null, Dayjs | null] | null; clawback_days?: number; active: boolean;
}

const toForm = (r: RuleData): FormValues => ({
  ...r, product_category: r.product_category ?? undefined, tiers: r.tiers.map((x) => ({ from: Number(x.from), rate: Number(x.rate) })),
  valid: r.valid_from || r.valid_to ? [r.valid_from ? dayjs(r.valid_from) : null, r.valid_to ? dayjs(r.valid_to) : null] : null,
});

/** Settings → Commission rules: bases, tiers (marginal or whole amount), scopes, validity and clawback window. */
export function RulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const teams = useTeams();
  const save = useSaveRule();
  const del = useDeleteRule();
  const [editing, setEditing] = useState<RuleData | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const open = (r: RuleData | 'new') => {
    form.setFieldsValue(r === 'new' ? { name: '', basis: 'invoiced', tier_mode: 'marginal', tiers: [{ from: 0, rate: 3 }], clawback_days: 90, active: true, valid: null } : toForm(r));
    setEditing(r);
  };
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      name: v.name, basis: v.basis, tier_mode: v.tier_mode, tiers: v.tiers.map((x) => ({ from: String(x.from), rate: String(x.rate) })),
      product_category: v.product_category || null, team_ids: v.team_ids ?? [], user_ids: v.user_ids ?? [], clawback_days: v.clawback_days ?? 0, active: v.active,
      valid_from: v.valid?.[0]?.format('YYYY-MM-DD') ?? null, valid_to: v.valid?.[1]?.format('YYYY-MM-DD') ?? null,
    };
    save.mutate({ ...(editing !== 'new' && editing ? { id: editing.id } : {}), ...body }, {
      onSuccess: () => { message.success(t('commissions.ruleSaved')); setEditing(null); },
      onError: (e) => message.error(commissionError(t, e)),
    });
  };
  const tiersText = (r: RuleData) => r.tiers.map((x) => `≥${x.from}: ${x.rate} %`).join(' · ');
  return (
    <Card title={t('commissions.rulesTitle')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('commissions.newRule')}</Button>}>
      <Table<RuleData> rowKey="id" size="middle" loading={rules.isLoading} dataSource={rules.data ?? []} pagination={false} scroll={{ x: 'max-content' }} columns={[
        { key: 'name', title: t('commissions.ruleName'), render: (_, r) => <RowOpen onOpen={() => open(r)}>{r.name}</RowOpen> },
        { key: 'basis', title: t('commissions.basisKind'), render: (_, r) => t(`commissions.bases.${r.basis}`) },
        { key: 'tiers', title: t('commissions.tiers'), render: (_, r) => <>{tiersText(r)} <Tag>{t(`commissions.modes.${r.tier_mode}`)}</Tag></> },
        { key: 'clawback', title: t('commissions.clawbackDays'), align: 'right', dataIndex: 'clawback_days' },
        { key: 'active', title: t('commissions.active'), render: (_, r) => (r.active ? <Tag color="green">{t('commissions.yes')}</Tag> : <Tag>{t('commissions.no')}</Tag>) },
        {
          key: 'del', render: (_, r) => (
            <Popconfirm title={t('commissions.deleteRule')} onConfirm={() => del.mutate(r.id, { onError: (e) => message.error(commissionError(t, e)) })}>
              <Button size="small" danger type="text">{t('commissions.delete')}</Button>
            </Popconfirm>
          ),
        },
      ]} />
      <Modal open={editing !== null} title={editing === 'new' ? t('commissions.newRule') : t('commissions.editRule')} onOk={submit} onCancel={() => setEditing(null)} okText={t('commissions.save')} confirmLoading={save.isPending} destroyOnHidden width={640}>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('commissions.ruleName')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Space wrap>
            <Form.Item name="basis" label={t('commissions.basisKind')}><Select style={{ width: 200 }} options={COMMISSION_BASES.map((b) => ({ value: b, label: t(`commissions.bases.${b}`) }))} /></Form.Item>
            <Form.Item name="tier_mode" label={t('commissions.tierMode')}><Select style={{ width: 200 }} options={TIER_MODES.map((m) => ({ value: m, label: t(`commissions.modes.${m}`) }))} /></Form.Item>
          </Space>
          <Form.List name="tiers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'from']} label={t('commissions.tierFrom')} rules={[{ required: true }]}><InputNumber min={0} style={{ width: 160 }} /></Form.Item>
                    <Form.Item name={[f.name, 'rate']} label={t('commissions.rate')} rules={[{ required: true }]}><InputNumber min={0} max={100} addonAfter="%" style={{ width: 140 }} /></Form.Item>
                    {fields.length > 1 ? <Button type="text" size="small" icon={<MinusCircleOutlined />} aria-label={t('commissions.remove')} onClick={() => remove(f.name)} /> : null}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ from: undefined, rate: undefined })}>{t('commissions.addTier')}</Button>
              </>
            )}
          </Form.List>
          <Form.Item name="product_category" label={t('commissions.productCategory')} style={{ marginTop: 12 }}><Input maxLength={200} /></Form.Item>
          <Form.Item name="team_ids" label={t('commissions.teams')}><Select mode="multiple" options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} /></Form.Item>
          <Form.Item name="user_ids" label={t('commissions.users')}><RecordSelect target="users" multiple /></Form.Item>
          <Space wrap>
            <Form.Item name="valid" label={t('commissions.validity')}><DatePicker.RangePicker allowEmpty={[true, true]} /></Form.Item>
            <Form.Item name="clawback_days" label={t('commissions.clawbackDays')}><InputNumber min={0} max={3650} /></Form.Item>
            <Form.Item name="active" label={t('commissions.active')}><Select style={{ width: 100 }} options={[{ value: true, label: t('commissions.yes') }, { value: false, label: t('commissions.no') }]} /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
