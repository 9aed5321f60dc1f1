import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { CalendarT } from '../../../shared/contracts/calendars.ts';
import { AdminPage } from '../admin/common.tsx';
import { CalendarExceptions } from './CalendarExceptions.tsx';
import { formatRanges, parseRanges } from './ranges.ts';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
type FormValues = { name: string; time_zone: string } & Record<(typeof DAYS)[number], string>;

export const calendarsKey = ['calendars'];

/** Business calendars: working hours per weekday, time zone, holidays and 调休 make-up days. */
export function CalendarsPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: calendarsKey, queryFn: () => api.get<{ data: CalendarT[] }>('/calendars') });
  const [chosen, setChosen] = useState<number | null>(null);
  const calendars = list.data?.data ?? [];
  const calendar = calendars.find((c) => c.id === chosen) ?? calendars.find((c) => c.is_default) ?? calendars[0];
  return (
    <AdminPage
      title={t('calendars.title')}
      actions={calendars.length > 1 ? (
        <Select
          aria-label={t('calendars.calendar')}
          value={calendar?.id}
          onChange={setChosen}
          style={{ minWidth: 180 }}
          options={calendars.map((c) => ({ value: c.id, label: c.is_default ? `${c.name} (${t('calendars.default')})` : c.name }))}
        />
      ) : null}
    >
      {calendar ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <HoursCard calendar={calendar} />
          <CalendarExceptions calendar={calendar} />
        </Space>
      ) : null}
    </AdminPage>
  );
}

function HoursCard({ calendar }: { calendar: CalendarT }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z })), []);
  useEffect(() => {
    form.setFieldsValue({ name: calendar.name, time_zone: calendar.time_zone, ...Object.fromEntries(DAYS.map((d) => [d, formatRanges(calendar.week[d])])) });
  }, [calendar, form]);
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const week = Object.fromEntries(DAYS.map((d) => [d, parseRanges(v[d] ?? '')]).filter(([, r]) => r && r.length));
      return api.patch<{ data: CalendarT }>(`/calendars/${calendar.id}`, { name: v.name, time_zone: v.time_zone, week });
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: calendarsKey });
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  const rangesRule = { validator: async (_: unknown, v: string) => { if (v && parseRanges(v) === null) throw new Error(t('calendars.badRanges')); } };
  return (
    <Card variant="borderless" title={<Space>{t('calendars.hours')}{calendar.is_default ? <Tag>{t('calendars.default')}</Tag> : null}</Space>} style={{ maxWidth: 720 }}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('calendars.name')} rules={[{ required: true, message: t('form.required', { field: t('calendars.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="time_zone" label={t('calendars.timeZone')}>
          <Select showSearch options={zones} optionFilterProp="label" aria-label={t('calendars.timeZone')} />
        </Form.Item>
        <Form.Item extra={t('calendars.hoursHelp')} style={{ marginBottom: 8 }}>
          {DAYS.map((d) => (
            <Form.Item key={d} name={d} label={t(`calendars.weekdays.${d}`)} rules={[rangesRule]} style={{ marginBottom: 8 }}>
              <Input placeholder="09:00-12:00, 13:30-18:00" inputMode="numeric" />
            </Form.Item>
          ))}
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
      </Form>
    </Card>
  );
}
