import { useEffect } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CustomField, Page } from '../../api/types.ts';
import { quoteApi, quoteError, quoteKeys, type QuoteSettings } from './api.ts';

/** Settings → Quotes (administrators): approval thresholds and the PDF template (server: quotes.settings.ts). */
export function QuoteSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<QuoteSettings>();
  const settings = useQuery({ queryKey: quoteKeys.settings, queryFn: quoteApi.settings });
  const fields = useQuery({ queryKey: ['custom-fields', 'quotes'], queryFn: async () => (await api.get<Page<CustomField>>('/custom-fields', { object: 'quotes' })).data });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: QuoteSettings) => quoteApi.saveSettings({ ...v, max_discount_percent: v.max_discount_percent ?? null, min_margin_percent: v.min_margin_percent ?? null }),
    onSuccess: (data) => {
      qc.setQueryData(quoteKeys.settings, data);
      message.success(t('quotes.settings.saved'));
    },
    onError: (e) => message.error(quoteError(t, e)),
  });
  return (
    <Card variant="borderless" title={t('quotes.settings.title')} style={{ maxWidth: 760 }} loading={settings.isLoading}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="quote-settings">
        <Typography.Title level={5}>{t('quotes.settings.approval')}</Typography.Title>
        <Form.Item name="max_discount_percent" label={t('quotes.settings.maxDiscount')} extra={t('quotes.settings.maxDiscountHelp')}>
          <InputNumber min={0} max={100} addonAfter="%" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="min_margin_percent" label={t('quotes.settings.minMargin')} extra={t('quotes.settings.minMarginHelp')}>
          <InputNumber min={-1000} max={100} addonAfter="%" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="link_days" label={t('quotes.settings.linkDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={365} style={{ width: 200 }} />
        </Form.Item>
        <Typography.Title level={5}>{t('quotes.settings.template')}</Typography.Title>
        <Form.Item name="pdf_header" label={t('quotes.settings.header')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="pdf_footer" label={t('quotes.settings.footer')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="print_fields" label={t('quotes.settings.printFields')} extra={t('quotes.settings.printFieldsHelp')}>
          <Select mode="multiple" allowClear options={(fields.data ?? []).map((f) => ({ value: f.key, label: f.label }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
      </Form>
    </Card>
  );
}
