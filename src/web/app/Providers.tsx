import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import { useTranslation } from 'react-i18next';

const ANTD = { en: enUS, 'zh-CN': zhCN, 'zh-TW': zhTW } as const;

/** Ant Design's own texts, date pickers and validation messages follow the chosen language. */
export function LocaleProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = ANTD[i18n.language as keyof typeof ANTD] ?? enUS;
  return (
    <ConfigProvider
      locale={locale}
      theme={{
        algorithm: theme.defaultAlgorithm,
        // Contrast (WCAG AA 4.5:1 on white): Ant Design's default secondary/placeholder greys
        // (45%/25% black) and its bright error/success/warning reds, greens and oranges fail as
        // text; these darker values are what made almost all of the audit's contrast failures go.
        // The primary hover is darker than the primary, not the lighter blue Ant Design derives
        // (#4582de: 3.8:1 under a primary button's white text while the pointer rests on it).
        token: { colorPrimary: '#1f5fd1', colorPrimaryHover: '#1a50b0', colorTextSecondary: 'rgba(0,0,0,0.65)', colorTextTertiary: 'rgba(0,0,0,0.62)', colorTextDescription: 'rgba(0,0,0,0.62)',
          colorTextPlaceholder: 'rgba(0,0,0,0.56)', colorTextQuaternary: 'rgba(0,0,0,0.56)', colorError: '#c81e1e', colorSuccess: '#237804', colorWarning: '#ad5b00', colorInfo: '#1f5fd1',
          borderRadius: 6, fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif" },
        components: { Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 }, Table: { cellPaddingBlockSM: 6 } },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
