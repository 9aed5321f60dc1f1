import { useTranslation } from 'react-i18next';

/** The brand mark: 关 in English and 简体中文, 關 in 繁體中文 (drawn with a Traditional font). */
export function Logo({ size = 32 }: { size?: number }) {
  const { t, i18n } = useTranslation();
  const font = i18n.language === 'zh-TW' ? "'PingFang TC','Noto Sans CJK TC','Microsoft JhengHei'" : "'PingFang SC','Noto Sans CJK SC','Microsoft YaHei'";
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" data-testid="brand-mark" style={{ display: 'inline-block', verticalAlign: 'middle', flex: 'none' }}>
      <rect width="32" height="32" rx="7" fill="#1f5fd1" />
      <text x="16" y="22.5" fontSize="17" textAnchor="middle" fill="#fff" fontFamily={`${font},sans-serif`}>{t('links.brandMark')}</text>
    </svg>
  );
}
