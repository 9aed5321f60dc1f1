import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import en from './en.ts';
import zhCN from './zh-CN.ts';
import zhTW from './zh-TW.ts';
import type { AppLocale } from '../api/types.ts';

dayjs.extend(localizedFormat);
dayjs.extend(relativeTime);

export const LANGUAGES: { code: AppLocale; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
];

const STORAGE_KEY = 'gx_locale';

export function isAppLocale(v: unknown): v is AppLocale {
  return v === 'en' || v === 'zh-CN' || v === 'zh-TW';
}

/** The browser's language mapped onto ours (Hong Kong, Macau and Taiwan read Traditional). */
function fromNavigator(): AppLocale {
  for (const l of navigator.languages ?? [navigator.language]) {
    const s = l.toLowerCase();
    if (s.startsWith('zh')) return /tw|hk|mo|hant/.test(s) ? 'zh-TW' : 'zh-CN';
    if (s.startsWith('en')) return 'en';
  }
  return 'en';
}

export function storedLocale(): AppLocale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isAppLocale(v) ? v : null;
  } catch {
    return null;
  }
}

export function storeLocale(l: AppLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

const DAYJS: Record<AppLocale, string> = { en: 'en', 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw' };

export function applyLocale(l: AppLocale): void {
  dayjs.locale(DAYJS[l]);
  document.documentElement.lang = l;
  if (i18n.language !== l) void i18n.changeLanguage(l);
}

export function currentLocale(): AppLocale {
  return isAppLocale(i18n.language) ? i18n.language : 'en';
}

const initial = storedLocale() ?? fromNavigator();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW } },
  lng: initial,
  fallbackLng: { 'zh-TW': ['zh-CN', 'en'], default: ['en'] },
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
});
dayjs.locale(DAYJS[initial]);
document.documentElement.lang = initial;

export default i18n;
