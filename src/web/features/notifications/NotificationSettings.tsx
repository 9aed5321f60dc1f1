import { App, Card, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KINDS } from '../../../shared/notification-kinds.ts';
import { SimpleList } from '../../components/SimpleList.tsx';
import { errorText } from '../../api/errors.ts';
import { usePreferences, useSavePreferences } from './api.ts';
import { PasswordCard, ProfileCard } from '../profile/ProfileCards.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

/** My settings: my profile, my password, and which kinds of notification also come by e-mail (the bell shows them all). */
export function NotificationSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const prefs = usePreferences();
  const save = useSavePreferences();
  return (
    <div style={{ maxWidth: 640 }}>
      <PageTitle style={{ marginBottom: 16 }}>{t('mySettings.title')}</PageTitle>
      <ProfileCard />
      <PasswordCard />
      <Card title={t('notifications.preferences.title')} loading={prefs.isLoading} data-testid="notification-preferences">
        <Typography.Paragraph type="secondary">{t('notifications.preferences.intro')}</Typography.Paragraph>
        <SimpleList
          items={[...NOTIFICATION_KINDS]}
          rowKey={(k) => k}
          render={(kind) => (
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', width: '100%', gap: 12 }}>
              <div>
                <div>{t(`notifications.kinds.${kind}`)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`notifications.kindHelp.${kind}`)}</Typography.Text>
              </div>
              <Switch
                checked={prefs.data?.email[kind] ?? true}
                loading={save.isPending && save.variables?.[kind] !== undefined}
                aria-label={t('notifications.preferences.emailFor', { kind: t(`notifications.kinds.${kind}`) })}
                data-testid={`pref-${kind}`}
                onChange={(v) => save.mutate({ [kind]: v }, { onSuccess: () => void message.success(t('notifications.preferences.saved')), onError: (e) => void message.error(errorText(t, e)) })}
              />
            </div>
          )}
        />
      </Card>
    </div>
  );
}
