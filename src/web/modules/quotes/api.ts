import type { TFunction } from 'i18next';
import { api, ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { ApiRecord } from '../../api/types.ts';
import type { z } from 'zod';
import type { ApprovalAnswer, QuoteSettings, VersionsAnswer } from '../../../shared/contracts/quotes.ts';

// The quote actions' calls (server: modules/quotes/quotes.routes.ts) and their refusals in the user's language.

export type Approval = z.infer<typeof ApprovalAnswer>['data'];
export type Versions = z.infer<typeof VersionsAnswer>['data'];
export type { QuoteSettings };

export const quoteKeys = {
  approval: (id: number) => ['quotes', id, 'approval'] as const,
  versions: (id: number) => ['quotes', id, 'versions'] as const,
  link: (id: number) => ['quotes', id, 'public-link'] as const,
  settings: ['settings', 'quotes'] as const,
};

export const quoteApi = {
  action: (id: number, action: string, body: Record<string, unknown> = {}) => api.post<{ data: ApiRecord }>(`/quotes/${id}/${action}`, body),
  approval: async (id: number) => (await api.get<{ data: Approval }>(`/quotes/${id}/approval`)).data,
  versions: async (id: number) => (await api.get<{ data: Versions }>(`/quotes/${id}/versions`)).data,
  link: async (id: number) => (await api.get<{ data: { url: string; path: string; expires_at: string } }>(`/quotes/${id}/public-link`)).data,
  settings: async () => (await api.get<{ data: QuoteSettings }>('/settings/quotes')).data,
  saveSettings: async (patch: Partial<QuoteSettings>) => (await api.patch<{ data: QuoteSettings }>('/settings/quotes', patch)).data,
};

const OWN_CODES = ['quote_not_editable', 'approval_required', 'quote_not_open'];

/** A refusal of a quote action: this module's codes (with their reason), else the app's usual words. */
export function quoteError(t: TFunction, e: unknown): string {
  if (e instanceof ApiError && OWN_CODES.includes(e.code)) {
    const reason = (e.raw as { reason?: string } | undefined)?.reason;
    const why = reason && reason !== e.code ? t(`quotes.reasons.${reason}`, { defaultValue: '' }) : '';
    return `${t(`quotes.errors.${e.code}`)}${why ? ` ${why}` : ''}`;
  }
  return errorText(t, e);
}
