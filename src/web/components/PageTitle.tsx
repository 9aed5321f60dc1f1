import { useEffect, type CSSProperties } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The page's one `h1` (styled at Ant Design's level-3 size) and the browser tab's title, so
 * screen-reader users land on a heading and every tab says where it is ("Contacts · Guanxi").
 */
export function PageTitle({ children, style, testId }: { children: string; style?: CSSProperties; testId?: string }) {
  const { t } = useTranslation();
  const brand = t('a11y.brand');
  useEffect(() => {
    document.title = children ? `${children} · ${brand}` : brand;
  }, [children, brand]);
  return (
    <Typography.Title level={1} className="gx-page-title" style={{ margin: 0, ...style }} data-testid={testId}>{children}</Typography.Title>
  );
}
