import { App, Button, Card, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { RowOpen } from '../../components/RowOpen.tsx';

interface Rate { from_currency: string; to_currency: string; valid_from: string; rate: string }
interface RateForm { from_currency: string; valid_from: Dayjs; rate: string }

/** Organisation page section: exchange rates into the organisation currency (administrators). */
export function ExchangeRates({ currency, options }: { currency: string | undefined; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<RateForm>();
  const rates = useQuery({ queryKey: ['exchange-rates', currency], queryFn: async () => (await api.get<{ data: Rate[] }>('/settings/exchange-rates')).data });
  const save = useMutation({
    mutationFn: async (v: RateForm) =>
      (await api.put<{ data: Rate[] }>('/settings/exchange-rates', { rates: [{ from_currency: v.from_currency, valid_from: v.valid_from.format('YYYY-MM-DD'), rate: String(v.rate).trim() }] })).data,
    onSuccess: (data) => {
      message.success(t('common.saved'));
      qc.setQueryData(['exchange-rates', currency], data);
      // Totals shown in lists convert with these rates.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'records' && q.queryKey[2] === 'totals' });
      form.resetFields(['rate']);
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  const edit = (r: Rate) => form.setFieldsValue({ from_currency: r.from_currency, rate: r.rate.replace(/\.?0+$/, '') });
  return (
    <Card variant="borderless" style={{ maxWidth: 640, marginTop: 16 }} title={t('admin.organization.rates.title')}>
      <Typography.Paragraph type="secondary">{t('admin.organization.rates.help')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item name="from_currency" rules={[{ required: true, message: t('form.required', { field: t('admin.organization.rates.from') }) }]}>
          <Select showSearch options={options.filter((o) => o.value !== currency)} optionFilterProp="label" placeholder={t('admin.organization.rates.from')} aria-label={t('admin.organization.rates.from')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="valid_from" rules={[{ required: true, message: t('form.required', { field: t('admin.organization.rates.validFrom') }) }]}>
          <DatePicker placeholder={t('admin.organization.rates.validFrom')} aria-label={t('admin.organization.rates.validFrom')} />
        </Form.Item>
        <Form.Item name="rate" rules={[{ required: true, pattern: /^\d+(\.\d{1,10})?$/, message: t('serverErrors.invalidRate') }]}>
          <Input inputMode="decimal" placeholder={t('admin.organization.rates.rate')} aria-label={t('admin.organization.rates.rate')} style={{ width: 140 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('admin.organization.rates.add')}</Button>
      </Form>
      <Table<Rate>
        size="small"
        rowKey={(r) => `${r.from_currency}|${r.valid_from}`}
        loading={rates.isLoading}
        dataSource={rates.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('admin.organization.rates.empty') }}
        onRow={(r) => ({ onClick: () => edit(r) })}
        columns={[
          { key: 'from', title: t('admin.organization.rates.from'), render: (_, r) => <RowOpen onOpen={() => edit(r)}>{`1 ${r.from_currency} =`}</RowOpen> },
          { key: 'rate', title: t('admin.organization.rates.rate'), className: 'gx-num', render: (_, r) => `${r.rate.replace(/\.?0+$/, '')} ${r.to_currency}` },
          { key: 'valid_from', title: t('admin.organization.rates.validFrom'), dataIndex: 'valid_from' },
        ]}
      />
    </Card>
  );
}
