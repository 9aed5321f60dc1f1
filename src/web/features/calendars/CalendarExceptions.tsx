import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { CalendarExceptionT, CalendarT } from '../../../shared/contracts/calendars.ts';
import { formatRanges, parseRanges } from './ranges.ts';

interface AddValues { day: Dayjs; working: boolean; name?: string; ranges?: string }

/** One year's exceptions of a calendar: list, add or replace a date, delete, re-seed from the holiday data. */
export function CalendarExceptions({ calendar }: { calendar: CalendarT }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [form] = Form.useForm<AddValues>();
  const key = ['calendars', calendar.id, 'exceptions', year];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<{ data: CalendarExceptionT[] }>(`/calendars/${calendar.id}/exceptions`, { year }) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['calendars', calendar.id, 'exceptions'] });
  const onError = (e: unknown) => message.error(errorText(t, e));

  const put = useMutation({
    mutationFn: (v: AddValues) => api.put(`/calendars/${calendar.id}/exceptions/${v.day.format('YYYY-MM-DD')}`, {
      working: v.working,
      name: v.name ?? '',
      ranges: v.working && v.ranges ? parseRanges(v.ranges) : null,
    }),
    onSuccess: () => {
      form.resetFields(['day', 'name', 'ranges']);
      message.success(t('common.saved'));
      void refresh();
    },
    onError,
  });
  const remove = useMutation({ mutationFn: (day: string) => api.del(`/calendars/${calendar.id}/exceptions/${day}`), onSuccess: () => void refresh(), onError });
  const reseed = useMutation({
    mutationFn: () => api.post<{ data: { seeded: number } }>(`/calendars/${calendar.id}/seed`, { year }),
    onSuccess: (r) => {
      message.success(t('calendars.reseeded', { count: r.data.seeded }));
      void refresh();
    },
    onError,
  });
  const working = Form.useWatch('working', form);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 2 + i);

  return (
    <Card
      variant="borderless"
      title={t('calendars.exceptions')}
      extra={<Select aria-label={t('calendars.year')} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: y }))} />}
      style={{ maxWidth: 720 }}
    >
      <Form form={form} layout="inline" initialValues={{ working: false }} onFinish={(v) => put.mutate(v)} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="day" rules={[{ required: true, message: t('form.required', { field: t('calendars.date') }) }]}>
          <DatePicker aria-label={t('calendars.date')} placeholder={t('calendars.date')} />
        </Form.Item>
        <Form.Item name="working">
          <Select aria-label={t('calendars.kind')} style={{ width: 150 }} options={[{ value: false, label: t('calendars.holiday') }, { value: true, label: t('calendars.workday') }]} />
        </Form.Item>
        <Form.Item name="name">
          <Input aria-label={t('calendars.name')} placeholder={t('calendars.name')} maxLength={100} style={{ width: 140 }} />
        </Form.Item>
        {working ? (
          <Form.Item name="ranges" rules={[{ validator: async (_, v: string) => { if (v && parseRanges(v) === null) throw new Error(t('calendars.badRanges')); } }]}>
            <Input aria-label={t('calendars.ranges')} placeholder={t('calendars.normalRanges')} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={put.isPending}>{t('calendars.add')}</Button>
      </Form>
      <Table<CalendarExceptionT>
        size="small"
        rowKey="day"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content', y: 420 }}
        locale={{ emptyText: t('calendars.none') }}
        columns={[
          { title: t('calendars.date'), dataIndex: 'day' },
          { title: t('calendars.kind'), dataIndex: 'working', render: (w: boolean) => (w ? <Tag color="blue">{t('calendars.workday')}</Tag> : <Tag color="red">{t('calendars.holiday')}</Tag>) },
          { title: t('calendars.name'), dataIndex: 'name' },
          { title: t('calendars.ranges'), render: (_, r) => (r.working ? formatRanges(r.ranges) || t('calendars.normalRanges') : '') },
          { title: t('calendars.source'), dataIndex: 'source', render: (s: string) => t(s === 'seed' ? 'calendars.seed' : 'calendars.manual') },
          {
            title: '', width: 48, render: (_, r) => (
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove.mutate(r.day)} />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Popconfirm title={t('calendars.reseedConfirm', { year })} onConfirm={() => reseed.mutate()}>
          <Button loading={reseed.isPending}>{t('calendars.reseed', { year })}</Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
