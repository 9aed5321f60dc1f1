import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound({ title }: { title?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={title ?? t('common.notFound')}
      extra={<Link to="/"><Button type="primary">{t('common.goHome')}</Button></Link>}
    />
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title={t('common.noPermission')} extra={<Link to="/"><Button type="primary">{t('common.goHome')}</Button></Link>} />;
}
