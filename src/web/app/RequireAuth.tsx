import { Fragment, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors.ts';
import { useMe, useSettings } from '../api/hooks.ts';
import { setDefaultCurrency } from '../i18n/format.ts';
import { applyLocale, currentLocale, isAppLocale, storeLocale } from '../i18n/index.ts';

/** Pages behind sign-in; the user's saved language applies once we know who they are. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const settings = useSettings(Boolean(me.data));
  const { t } = useTranslation();
  const location = useLocation();
  useEffect(() => {
    const l = me.data?.locale;
    if (isAppLocale(l) && l !== currentLocale()) {
      applyLocale(l);
      storeLocale(l);
    }
  }, [me.data?.locale]);
  if (me.isLoading || (me.data && settings.isLoading)) {
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (me.isError) {
    return <Result status="warning" title={t('common.somethingWrong')} subTitle={errorText(t, me.error)} extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>} />;
  }
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // Amounts everywhere follow the organisation's currency; a change re-renders the pages.
  const currency = settings.data?.currency ?? 'CNY';
  setDefaultCurrency(currency);
  return <Fragment key={currency}>{children}</Fragment>;
}
