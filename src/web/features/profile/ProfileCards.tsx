import { useState } from 'react';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useMe } from '../../api/hooks.ts';
import type { AppLocale, Me, One } from '../../api/types.ts';
import { LANGUAGES } from '../../i18n/index.ts';
import { useSetLanguage } from '../../app/locale.ts';
import { NewPasswordFields } from '../../app/PasswordReset.tsx';

/** My settings: my name and language (PATCH /auth/me). */
export function ProfileCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const qc = useQueryClient();
  const setLanguage = useSetLanguage();
  const [busy, setBusy] = useState(false);
  if (!me) return null;
  const onFinish = async (v: { name: string; locale: AppLocale }) => {
    setBusy(true);
    try {
      const r = await api.patch<One<Me>>('/auth/me', { name: v.name });
      qc.setQueryData(['me'], r.data);
      if (v.locale !== me.locale) setLanguage(v.locale);
      message.success(t('mySettings.profile.saved'));
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('mySettings.profile.title')} style={{ marginBottom: 16 }} data-testid="profile-card">
      <Form layout="vertical" name="profile" initialValues={{ name: me.name, locale: me.locale }} onFinish={onFinish} requiredMark={false}>
        <Form.Item label={t('mySettings.profile.email')}>
          <Input value={me.email} disabled />
        </Form.Item>
        <Form.Item name="name" label={t('mySettings.profile.name')} rules={[{ required: true, whitespace: true, message: t('auth.setup.nameRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="locale" label={t('mySettings.profile.language')}>
          <Select options={LANGUAGES.map((l) => ({ value: l.code, label: <span lang={l.code}>{l.label}</span> }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('mySettings.profile.save')}</Button>
      </Form>
    </Card>
  );
}

/** My settings: a new password, with the current one (the server signs my other sessions out). */
export function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(0);
  const onFinish = async (v: { password: string; current_password?: string }) => {
    setBusy(true);
    try {
      await api.patch('/auth/me', { password: v.password, current_password: v.current_password });
      message.success(t('mySettings.password.saved'));
      setKey((k) => k + 1);
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('mySettings.password.title')} style={{ marginBottom: 16 }} data-testid="password-card">
      <NewPasswordFields key={key} withCurrent onFinish={(v) => void onFinish(v)} busy={busy} submit={t('mySettings.password.save')} />
    </Card>
  );
}
