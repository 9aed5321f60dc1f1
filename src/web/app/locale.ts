import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { AppLocale, Me, One } from '../api/types.ts';
import { applyLocale, storeLocale } from '../i18n/index.ts';

const CHOSEN_BEFORE_LOGIN = 'gx_locale_chosen';

/** Switches the language now, remembers it in this browser, and for the signed-in user on the server. */
export function useSetLanguage(): (l: AppLocale) => void {
  const qc = useQueryClient();
  return useCallback(
    (l: AppLocale) => {
      applyLocale(l);
      storeLocale(l);
      const me = qc.getQueryData<Me | null>(['me']);
      if (me) {
        qc.setQueryData(['me'], { ...me, locale: l });
        void api.patch<One<Me>>('/auth/me', { locale: l }).catch(() => undefined);
        // Labels of options and fields come translated from i18n, but refetching keeps server-made titles fresh.
      } else {
        try {
          sessionStorage.setItem(CHOSEN_BEFORE_LOGIN, l);
        } catch {
          /* ignore */
        }
      }
    },
    [qc],
  );
}

/**
 * After sign-in: a language picked on the sign-in page wins and is saved for the user;
 * otherwise the user's saved language applies.
 */
export async function settleLocaleAfterLogin(user: Me, current: AppLocale): Promise<Me> {
  let chosen: string | null = null;
  try {
    chosen = sessionStorage.getItem(CHOSEN_BEFORE_LOGIN);
    sessionStorage.removeItem(CHOSEN_BEFORE_LOGIN);
  } catch {
    /* ignore */
  }
  if (chosen && chosen !== user.locale) {
    await api.patch('/auth/me', { locale: current }).catch(() => undefined);
    return { ...user, locale: current };
  }
  if (user.locale === 'en' || user.locale === 'zh-CN' || user.locale === 'zh-TW') {
    applyLocale(user.locale);
    storeLocale(user.locale);
  }
  return user;
}
