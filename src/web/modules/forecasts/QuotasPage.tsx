import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Popconfirm, Select, Space, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useAllUsers, useTeams } from '../../api/hooks.ts';
import { formatMoney } from '../../i18n/format.ts';
import { quarters } from './periods.ts';

interface Quota { id: number; owner_type: 'user' | 'team' | 'territory'; owner_id: number; period: string; amount: number }

/** settings/quotas: an administrator's quotas per rep or team for a quarter (one per owner and period). */
export function QuotasPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const periods = quarters();
  const [period, setPeriod] = useState(periods[4]!);
  const users = useAllUsers().data ?? [];
  const teams = useTeams().data ?? [];
  const [form] = Form.useForm<{ owner: string; amount: number }>();
  const q = useQuery({ queryKey: ['quotas', period], queryFn: async () => (await api.get<{ data: Quota[] }>('/quotas', { period })).data });
  const done = { onSuccess: () => void qc.invalidateQueries({ queryKey: ['quotas'] }), onError: (e: unknown) => void message.error(errorText(t, e)) };
  const add = useMutation({
    mutationFn: async (v: { owner: string; amount: number }) => {
      const [owner_type, id] = v.owner.split(':');
      return api.post('/quotas', { owner_type, owner_id: Number(id), period, amount: v.amount });
    },
    ...done,
  });
  const del = useMutation({ mutationFn: async (id: number) => api.del(`/quotas/${id}`), ...done });
  const nameOf = (x: Quota) => (x.owner_type === 'user' ? users.find((u) => u.id === x.owner_id)?.name
    : x.owner_type === 'team' ? `${t('forecasts.team')}: ${teams.find((m) => m.id === x.owner_id)?.name ?? ''}` : `#${x.owner_id}`);
  const owners = [...users.map((u) => ({ value: `user:${u.id}`, label: u.name })), ...teams.map((m) => ({ value: `team:${m.id}`, label: `${t('forecasts.team')}: ${m.name}` }))];
  return (
    <Card title={t('forecasts.quotas')} extra={<Select aria-label={t('forecasts.period')} value={period} onChange={setPeriod} options={periods.map((p) => ({ value: p, label: p }))} style={{ width: 120 }} />}>
      <Form form={form} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} onFinish={(v) => add.mutate(v, { onSuccess: () => form.resetFields() })}>
        <Form.Item name="owner" rules={[{ required: true }]}><Select showSearch optionFilterProp="label" placeholder={t('forecasts.owner')} options={owners} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="amount" rules={[{ required: true }]}><InputNumber min={0} placeholder={t('forecasts.quota')} style={{ width: 160 }} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{t('forecasts.addQuota')}</Button>
      </Form>
      <Table<Quota> size="small" rowKey="id" loading={q.isLoading} dataSource={q.data ?? []} pagination={false}
        columns={[
          { key: 'owner', title: t('forecasts.owner'), render: (_, x) => nameOf(x) },
          { key: 'amount', title: t('forecasts.quota'), align: 'right', render: (_, x) => formatMoney(x.amount) },
          { key: 'actions', title: '', render: (_, x) => (
            <Space><Popconfirm title={t('forecasts.deleteQuota')} onConfirm={() => del.mutate(x.id)}><Button size="small" danger>{t('forecasts.delete')}</Button></Popconfirm></Space>
          ) },
        ]} />
    </Card>
  );
}
