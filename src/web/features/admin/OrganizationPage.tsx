import { useEffect, useMemo } from 'react';
import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useSettings } from '../../api/hooks.ts';
import type { One, OrgSettings } from '../../api/types.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatMoney } from '../../i18n/format.ts';
import { AdminPage } from './common.tsx';
import { NumberingCard } from './NumberingCard.tsx';
import { ExchangeRates } from './ExchangeRates.tsx';
import { timeZoneOptions } from '../../lib/timeZones.ts';

// The currencies a Chinese or international team most often uses come first.
const COMMON = ['CNY', 'HKD', 'TWD', 'MOP', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'SGD', 'MYR', 'THB', 'AUD', 'CAD'];

// Regions a Chinese or international team most often dials first.
const COMMON_REGIONS = ['CN', 'HK', 'TW', 'MO', 'SG', 'MY', 'US', 'GB', 'DE', 'FR', 'JP', 'KR', 'AU', 'CA'];

function regionOptions(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const all: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    const name = names.of(code);
    if (name && name !== code) all.push(code);
  }
  const ordered = [...COMMON_REGIONS, ...all.filter((c) => !COMMON_REGIONS.includes(c))];
  return ordered.map((c) => ({ value: c, label: `${c} · ${names.of(c) ?? c}` }));
}

function currencyOptions(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  const all = Intl.supportedValuesOf('currency');
  const ordered = [...COMMON.filter((c) => all.includes(c)), ...all.filter((c) => !COMMON.includes(c))];
  return ordered.map((c) => ({ value: c, label: `${c} · ${names.of(c) ?? c}` }));
}

export function OrganizationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const settings = useSettings();
  const [form] = Form.useForm<OrgSettings>();
  const options = useMemo(() => currencyOptions(currentLocale()), []);
  const regions = useMemo(() => regionOptions(currentLocale()), []);
  const zones = useMemo(() => timeZoneOptions(), []);
  const currency = Form.useWatch('currency', form);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: async (v: OrgSettings) => (await api.patch<One<OrgSettings>>('/settings', v)).data,
    onSuccess: (data) => {
      message.success(t('common.saved'));
      qc.setQueryData(['settings'], data);
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  return (
    <AdminPage title={t('admin.organization.title')}>
      <Card variant="borderless" style={{ maxWidth: 640 }}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={settings.isLoading}>
          <Form.Item name="organization_name" label={t('admin.organization.name')}>
            <Input maxLength={200} placeholder={t('admin.organization.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="currency" label={t('admin.organization.currency')} extra={t('admin.organization.currencyHelp')} rules={[{ required: true, message: t('form.required', { field: t('admin.organization.currency') }) }]}>
            <Select showSearch options={options} optionFilterProp="label" aria-label={t('admin.organization.currency')} />
          </Form.Item>
          <Form.Item name="phone_region" label={t('admin.organization.phoneRegion')} extra={t('admin.organization.phoneRegionHelp')}>
            <Select showSearch options={regions} optionFilterProp="label" aria-label={t('admin.organization.phoneRegion')} />
          </Form.Item>
          <Form.Item name="time_zone" label={t('admin.organization.timeZone')} extra={t('admin.organization.timeZoneHelp')}>
            <Select showSearch options={zones} optionFilterProp="label" aria-label={t('admin.organization.timeZone')} />
          </Form.Item>
          {currency ? <Typography.Paragraph type="secondary">{t('admin.organization.example', { amount: formatMoney(1234567.5, currency) })}</Typography.Paragraph> : null}
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
        </Form>
      </Card>
      <NumberingCard />
      <ExchangeRates currency={settings.data?.currency} options={options} />
    </AdminPage>
  );
}
