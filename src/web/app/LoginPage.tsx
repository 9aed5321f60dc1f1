import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { useMe } from '../api/hooks.ts';
import type { Me, One } from '../api/types.ts';
import { currentLocale } from '../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { settleLocaleAfterLogin } from './locale.ts';
import { Logo } from './Logo.tsx';
import { SetupForm, type SetupValues } from './SetupForm.tsx';
import { useResetAvailable } from './PasswordReset.tsx';

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: async () => (await api.get<One<{ needed: boolean }>>('/setup')).data.needed,
    staleTime: Infinity,
  });

  // Every hook before the early return below (a signed-in visitor is sent on).
  const resetAvailable = useResetAvailable().data === true;

  if (me.data && !busy) return <Navigate to={next} replace />;

  const onFinish = async (v: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.code === 'unauthenticated')) setError(t('auth.failed'));
      else if (e instanceof ApiError && e.status === 429) setError(t('auth.rateLimited'));
      else setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const signIn = async (v: { email: string; password: string }) => {
    const r = await api.post<One<{ token: string; user: Me }>>('/auth/login', v, { allow401: true });
    const user = await settleLocaleAfterLogin(r.data.user, currentLocale());
    qc.clear();
    qc.setQueryData(['me'], user);
    navigate(next, { replace: true });
  };

  const firstRun = setup.data === true;

  return (
    <div className="gx-login">
      <div className="gx-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="gx-login-card" variant="borderless">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Logo size={44} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>{t(firstRun ? 'auth.setup.title' : 'auth.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        {firstRun ? (
          <SetupForm
            onCreated={async (v: SetupValues) => {
              setBusy(true);
              await signIn(v);
            }}
          />
        ) : (
          <>
            {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
            <Form layout="vertical" onFinish={onFinish} requiredMark={false} name="login">
              <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('auth.emailRequired') }]}>
                <Input prefix={<MailOutlined />} autoComplete="username" type="email" size="large" autoFocus />
              </Form.Item>
              <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('auth.submit')}</Button>
            </Form>
            {resetAvailable ? <div style={{ textAlign: 'center', marginTop: 12 }}><Link to="/forgot-password" data-testid="forgot-password">{t('auth.reset.forgot')}</Link></div> : null}
          </>
        )}
      </Card>
    </div>
  );
}
