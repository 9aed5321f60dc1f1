import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { MailPreview, MailTemplate, One, SmtpView, TestSendResult } from '../../api/types.ts';
import { currentLocale } from '../../i18n/index.ts';
import { AdminPage } from './common.tsx';

type SmtpForm = Omit<SmtpView, 'password_set' | 'password_unreadable'> & { password?: string };

/** SMTP server and "send a test e-mail": the SMTP server's own error is shown as it came. */
function SmtpCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<SmtpForm>();
  const [to, setTo] = useState('');
  const [result, setResult] = useState<TestSendResult | null>(null);
  const settings = useQuery({ queryKey: ['mail-settings'], queryFn: async () => (await api.get<One<SmtpView>>('/mail/settings')).data });
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ ...settings.data, password: undefined });
  }, [settings.data, form]);
  const save = useMutation({
    // An empty password field keeps the stored one (it is never sent back to the browser).
    mutationFn: async ({ password, ...v }: SmtpForm) => (await api.patch<One<SmtpView>>('/mail/settings', password ? { ...v, password } : v)).data,
    onSuccess: (data) => {
      message.success(t('common.saved'));
      qc.setQueryData(['mail-settings'], data);
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  const test = useMutation({
    mutationFn: async () => (await api.post<One<TestSendResult>>('/mail/test', { to, locale: currentLocale() })).data,
    onSuccess: setResult,
    onError: (e) => message.error(errorText(t, e)),
  });
  return (
    <Card variant="borderless" title={t('admin.mail.server')} style={{ maxWidth: 720, marginBottom: 16 }}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={settings.isLoading}>
        <Space wrap align="start">
          <Form.Item name="host" label={t('admin.mail.host')}><Input style={{ width: 260 }} maxLength={255} /></Form.Item>
          <Form.Item name="port" label={t('admin.mail.port')}><InputNumber min={1} max={65535} /></Form.Item>
          <Form.Item name="security" label={t('admin.mail.security')}>
            <Select style={{ width: 200 }} options={(['starttls', 'tls', 'none'] as const).map((v) => ({ value: v, label: t(`admin.mail.securities.${v}`) }))} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="user" label={t('admin.mail.user')}><Input style={{ width: 260 }} autoComplete="off" /></Form.Item>
          <Form.Item name="password" label={t('admin.mail.password')} extra={settings.data?.password_unreadable ? t('admin.mail.passwordUnreadable') : settings.data?.password_set ? t('admin.mail.passwordKept') : undefined}
            validateStatus={settings.data?.password_unreadable ? 'warning' : undefined}>
            <Input.Password style={{ width: 260 }} autoComplete="new-password" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="from_address" label={t('admin.mail.fromAddress')}><Input style={{ width: 260 }} type="email" /></Form.Item>
          <Form.Item name="from_name" label={t('admin.mail.fromName')}><Input style={{ width: 260 }} maxLength={200} /></Form.Item>
          <Form.Item name="rate_per_minute" label={t('admin.mail.rate')}><InputNumber min={1} max={100000} /></Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('admin.mail.test')}</Typography.Title>
      <Space.Compact style={{ maxWidth: 480, width: '100%' }}>
        <Input value={to} onChange={(e) => setTo(e.target.value)} placeholder={t('admin.mail.testTo')} aria-label={t('admin.mail.testTo')} type="email" />
        <Button onClick={() => test.mutate()} loading={test.isPending} disabled={!to}>{t('admin.mail.sendTest')}</Button>
      </Space.Compact>
      {result ? (
        <Alert style={{ marginTop: 12 }} type={result.sent ? 'success' : 'error'} showIcon
          message={result.sent ? t('admin.mail.testSent') : t('admin.mail.testFailed', { code: result.error?.code ?? '' })}
          description={result.error?.message} />
      ) : null}
    </Card>
  );
}

/** Templates per key and locale: edit, preview with sample values, save, back to the default. */
function TemplatesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ subject: string; html: string; text?: string | null }>();
  const [pick, setPick] = useState<{ key: string; locale: string }>({ key: 'task_reminder', locale: currentLocale() });
  const [preview, setPreview] = useState<MailPreview | null>(null);
  const list = useQuery({ queryKey: ['mail-templates'], queryFn: async () => (await api.get<{ data: MailTemplate[] }>('/mail/templates')).data });
  const current = list.data?.find((x) => x.key === pick.key && x.locale === pick.locale);
  useEffect(() => {
    if (current) form.setFieldsValue({ subject: current.subject, html: current.html, text: current.text ?? '' });
    setPreview(null);
  }, [current, form]);
  const path = `/mail/templates/${pick.key}/${pick.locale}`;
  const body = () => {
    const v = form.getFieldsValue();
    return { subject: v.subject, html: v.html, text: v.text ? v.text : null };
  };
  const done = (data: MailTemplate) => {
    qc.setQueryData(['mail-templates'], (old: MailTemplate[] | undefined) => old?.map((x) => (x.key === data.key && x.locale === data.locale ? data : x)));
    message.success(t('common.saved'));
  };
  const fail = (e: unknown) => message.error(errorText(t, e));
  const save = useMutation({ mutationFn: async () => (await api.put<One<MailTemplate>>(path, body())).data, onSuccess: done, onError: fail });
  const reset = useMutation({ mutationFn: async () => (await api.del<One<MailTemplate>>(path)).data, onSuccess: done, onError: fail });
  const show = useMutation({ mutationFn: async () => (await api.post<One<MailPreview>>(`${path}/preview`, body())).data, onSuccess: setPreview, onError: fail });
  const keys = [...new Set(list.data?.map((x) => x.key) ?? [])];
  return (
    <Card variant="borderless" title={t('admin.mail.templates')} style={{ maxWidth: 720 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 220 }} value={pick.key} aria-label={t('admin.mail.template')} onChange={(key) => setPick({ ...pick, key })}
          options={keys.map((k) => ({ value: k, label: t(`admin.mail.keys.${k}`, { defaultValue: k }) }))} />
        <Select style={{ width: 140 }} value={pick.locale} aria-label={t('admin.mail.locale')} onChange={(locale) => setPick({ ...pick, locale })}
          options={['en', 'zh-CN', 'zh-TW'].map((l) => ({ value: l, label: l }))} />
        {current?.customised ? <Typography.Text type="warning">{t('admin.mail.customised')}</Typography.Text> : null}
      </Space>
      {current ? <Typography.Paragraph type="secondary">{t('admin.mail.variables', { list: current.variables.map((v) => `{{ ${v} }}`).join(' ') })}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="subject" label={t('admin.mail.subject')}><Input maxLength={500} /></Form.Item>
        <Form.Item name="html" label={t('admin.mail.html')}><Input.TextArea rows={8} style={{ fontFamily: 'monospace' }} /></Form.Item>
        <Form.Item name="text" label={t('admin.mail.text')} extra={t('admin.mail.textHelp')}><Input.TextArea rows={4} style={{ fontFamily: 'monospace' }} /></Form.Item>
      </Form>
      <Space wrap>
        <Button onClick={() => show.mutate()} loading={show.isPending}>{t('admin.mail.preview')}</Button>
        <Button type="primary" onClick={() => save.mutate()} loading={save.isPending}>{t('common.save')}</Button>
        <Button onClick={() => reset.mutate()} loading={reset.isPending} disabled={!current?.customised}>{t('admin.mail.reset')}</Button>
      </Space>
      {preview ? (
        <Card size="small" style={{ marginTop: 16 }} title={preview.subject}>
          {/* The preview is shown as text, never as live HTML in the admin's page. */}
          <Typography.Paragraph><pre style={{ whiteSpace: 'pre-wrap' }}>{preview.html}</pre></Typography.Paragraph>
          <Typography.Paragraph type="secondary"><pre style={{ whiteSpace: 'pre-wrap' }}>{preview.text}</pre></Typography.Paragraph>
        </Card>
      ) : null}
    </Card>
  );
}

export function MailPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('admin.mail.title')}>
      <SmtpCard />
      <TemplatesCard />
    </AdminPage>
  );
}
