import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLocale } from '../i18n/index.ts';
import { useSetLanguage } from './locale.ts';

/** English / 简体中文 / 繁體中文, each written in its own language. */
export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const setLanguage = useSetLanguage();
  const cur = currentLocale();
  const label = LANGUAGES.find((l) => l.code === cur)?.label;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [cur],
        items: LANGUAGES.map((l) => ({ key: l.code, label: <span lang={l.code}>{l.label}</span> })),
        onClick: ({ key }) => setLanguage(key as (typeof LANGUAGES)[number]['code']),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={compact ? t('topbar.language') : `${label} · ${t('topbar.language')}`} data-testid="language-switch">
        {compact ? null : label}
      </Button>
    </Dropdown>
  );
}
