import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ByRepAnswer, LinesAnswer, Rule, SplitsAnswer } from '../../../shared/contracts/commissions.ts';
import { api, ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';

// The commissions module's API hooks (server: modules/commissions) and its refusals in the user's language.
export type RuleData = z.infer<typeof Rule>;
export type SplitsData = z.infer<typeof SplitsAnswer>['data'];
export type LineData = z.infer<typeof LinesAnswer>['data'][number];
export type ByRepRow = z.infer<typeof ByRepAnswer>['data'][number];

const rulesKey = ['commission-rules'] as const;

export function useRules() {
  return useQuery({ queryKey: rulesKey, queryFn: async ({ signal }) => (await api.get<{ data: RuleData[] }>('/commission-rules', {}, { signal })).data });
}

export function useSaveRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: { id?: number } & Record<string, unknown>) =>
      (id ? await api.patch<{ data: RuleData }>(`/commission-rules/${id}`, body) : await api.post<{ data: RuleData }>('/commission-rules', body)).data,
    onSettled: () => void qc.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useDeleteRule() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: async (id: number) => api.del(`/commission-rules/${id}`), onSettled: () => void qc.invalidateQueries({ queryKey: rulesKey }) });
}

export function useSplits(id: number) {
  return useQuery({ queryKey: ['opportunity-splits', id], queryFn: async ({ signal }) => (await api.get<{ data: SplitsData }>(`/opportunities/${id}/splits`, {}, { signal })).data });
}

export function useSaveSplits(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (splits: { user_id: number; percent: string }[]) => (await api.put<{ data: SplitsData }>(`/opportunities/${id}/splits`, { splits })).data,
    onSettled: () => void qc.invalidateQueries({ queryKey: ['opportunity-splits', id] }),
  });
}

export function useLines(id: number, version: unknown) {
  return useQuery({ queryKey: ['commission-lines', id, version], queryFn: async ({ signal }) => (await api.get<{ data: LineData[] }>(`/commission-statements/${id}/lines`, {}, { signal })).data });
}

export function useByRep(periodKind: string, periodDate: string) {
  return useQuery({
    queryKey: ['commissions-by-rep', periodKind, periodDate],
    queryFn: async ({ signal }) => (await api.get<{ data: ByRepRow[] }>('/reports/commissions/by-rep', { period_kind: periodKind, period_date: periodDate }, { signal })).data,
  });
}

/** The module's refusal codes (code or details.reason) in the user's language, else the shared wording. */
export function commissionError(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    const reason = (e.raw as { reason?: string } | undefined)?.reason;
    for (const code of [reason, e.code]) if (code && ['split_not_100', 'statement_locked', 'status_not_allowed'].includes(code)) return t(`commissions.errors.${code}`);
  }
  return errorText(t, e);
}
