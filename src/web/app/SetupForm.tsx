import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { currentLocale } from '../i18n/index.ts';
import { PASSWORD_MIN } from '../../shared/password-policy.ts';

export interface SetupValues {
  name: string;
  email: string;
  password: string;
}

/** First run: while no user exists, the sign-in page creates the first administrator. */
export function SetupForm({ onCreated }: { onCreated: (v: SetupValues) => Promise<void> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: SetupValues & { confirm: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/setup', { name: v.name, email: v.email, password: v.password, locale: currentLocale() });
      await onCreated(v);
    } catch (e) {
      setError(errorText(t, e));
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>{t('auth.setup.intro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="setup-error" /> : null}
      <Form layout="vertical" onFinish={onFinish} requiredMark={false} name="setup">
        <Form.Item name="name" label={t('auth.setup.name')} rules={[{ required: true, whitespace: true, message: t('auth.setup.nameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="name" size="large" autoFocus />
        </Form.Item>
        <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email', message: t('auth.emailRequired') }]}>
          <Input prefix={<MailOutlined />} autoComplete="username" type="email" size="large" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, min: PASSWORD_MIN, message: t('auth.setup.short') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" size="large" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.setup.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('auth.setup.mismatch') },
            ({ getFieldValue }) => ({
              validator: (_r, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('auth.setup.mismatch')))),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('auth.setup.submit')}</Button>
      </Form>
    </>
  );
}
