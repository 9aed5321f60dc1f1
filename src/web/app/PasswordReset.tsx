import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import type { One } from '../api/types.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';

// "Forgot password?" from the sign-in page (server: modules/auth/password-reset.*): ask for a
// link by e-mail, then choose a new password on the page the link opens.

function ResetFrame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="gx-login">
      <div className="gx-login-lang"><LanguageSwitch /></div>
      <Card className="gx-login-card" variant="borderless">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Logo size={44} />
          <Typography.Title level={1} style={{ margin: '12px 0 4px', fontSize: 24 }}>{title}</Typography.Title>
        </div>
        {children}
        <div style={{ textAlign: 'center', marginTop: 16 }}><Link to="/login">{t('auth.reset.backToLogin')}</Link></div>
      </Card>
    </div>
  );
}

/** Whether reset by e-mail works here (mail and the public address set); the sign-in page hides the link otherwise. */
export function useResetAvailable() {
  return useQuery({
    queryKey: ['password-reset-available'],
    queryFn: async () => (await api.get<One<{ available: boolean }>>('/auth/password-reset')).data.available,
    staleTime: 60_000,
  });
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const available = useResetAvailable();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (v: { email: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password-reset', v);
      setSent(true);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ResetFrame title={t('auth.reset.title')}>
      {available.data === false ? <Alert type="info" showIcon title={t('auth.reset.unavailable')} data-testid="reset-unavailable" /> : sent ? (
        <Alert type="success" showIcon title={t('auth.reset.sent')} data-testid="reset-sent" />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('auth.reset.intro')}</Typography.Paragraph>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Form layout="vertical" onFinish={onFinish} requiredMark={false} name="forgot">
            <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('auth.emailRequired') }]}>
              <Input prefix={<MailOutlined />} autoComplete="username" type="email" size="large" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('auth.reset.send')}</Button>
          </Form>
        </>
      )}
    </ResetFrame>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (v: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password-reset/confirm', { token, password: v.password });
      setDone(true);
    } catch (e) {
      const invalid = e instanceof ApiError && e.details?.some((d) => d.field === 'token');
      setError(invalid ? t('auth.reset.invalid') : errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ResetFrame title={t('auth.reset.newTitle')}>
      {done ? <Alert type="success" showIcon title={t('auth.reset.done')} data-testid="reset-done" /> : !token ? <Alert type="error" showIcon title={t('auth.reset.invalid')} /> : (
        <>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="reset-error" /> : null}
          <NewPasswordFields onFinish={onFinish} busy={busy} submit={t('auth.reset.save')} />
        </>
      )}
    </ResetFrame>
  );
}

/** A new password typed twice, checked the same (length here; the server's policy decides). */
export function NewPasswordFields({ onFinish, busy, submit, withCurrent }: { onFinish: (v: { password: string; current_password?: string }) => void; busy: boolean; submit: string; withCurrent?: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  return (
    <Form form={form} layout="vertical" requiredMark={false} name="new-password" onFinish={(v) => { onFinish(v); }}>
      {withCurrent ? (
        <Form.Item name="current_password" label={t('mySettings.password.current')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
      ) : null}
      <Form.Item name="password" label={t('auth.reset.newPassword')} extra={t('mySettings.password.hint')}
        rules={[{ required: true, message: t('auth.passwordRequired') }, { min: 10, message: t('auth.setup.short') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('auth.reset.confirm')} dependencies={['password']}
        rules={[{ required: true, message: t('auth.passwordRequired') }, ({ getFieldValue }) => ({
          validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('mySettings.password.mismatch')))),
        })]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block={!withCurrent} loading={busy}>{submit}</Button>
    </Form>
  );
}
