import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OpportunityBoard, OpportunityContactOut, OpportunityHistory, Pipeline } from '../../../shared/contracts/opportunities.ts';
import { api, type Query } from '../../api/client.ts';
import { invalidateRecords, keys } from '../../api/keys.ts';
import type { ApiRecord, One } from '../../api/types.ts';

// The opportunities module's API hooks (server: modules/opportunities).
export type PipelineData = z.infer<typeof Pipeline>;
export type BoardData = z.infer<typeof OpportunityBoard>;
export type ContactRole = z.infer<typeof OpportunityContactOut>;

const pipelinesKey = ['pipelines'] as const;

export function usePipelines(archived = false) {
  return useQuery({
    queryKey: [...pipelinesKey, archived],
    queryFn: async ({ signal }) => (await api.get<{ data: PipelineData[] }>('/pipelines', archived ? { archived: 'true' } : {}, { signal })).data,
    staleTime: 60_000,
  });
}

/** Saves a pipeline (id: PATCH, else POST); every pipeline query refreshes after. */
export function useSavePipeline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: { id?: number } & Record<string, unknown>) =>
      (id ? await api.patch<One<PipelineData>>(`/pipelines/${id}`, body) : await api.post<One<PipelineData>>('/pipelines', body)).data,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: pipelinesKey });
      invalidateRecords(qc, 'opportunities');
    },
  });
}

/** The columns of a pipeline's board (counts, sums, weighted sums) over the list's filters. */
export function useOpportunityBoard(pipeline: number | undefined, params: Query) {
  return useQuery({
    queryKey: keys.board('opportunities', { pipeline, ...params }),
    enabled: pipeline !== undefined,
    queryFn: async ({ signal }) => (await api.get<{ data: BoardData }>('/opportunities/board', { pipeline, ...params }, { signal })).data,
  });
}

export function useMoveOpportunity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: { id: number; stage_id: number; after_id?: number; before_id?: number; values?: Record<string, unknown> }) =>
      (await api.post<One<ApiRecord>>(`/opportunities/${id}/move`, body)).data,
    onSettled: () => invalidateRecords(qc, 'opportunities'),
  });
}

export function useCreateQuote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => (await api.post<One<ApiRecord>>(`/opportunities/${id}/quote`, {})).data,
    onSettled: () => invalidateRecords(qc, 'quotes'),
  });
}

export function useContactRoles(id: number) {
  return useQuery({
    queryKey: [...keys.records('opportunities'), 'contacts', id],
    queryFn: async ({ signal }) => (await api.get<{ data: ContactRole[] }>(`/opportunities/${id}/contacts`, {}, { signal })).data,
  });
}

export function useSaveContactRoles(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (contacts: { contact_id: number; role: string }[]) => (await api.put<{ data: ContactRole[] }>(`/opportunities/${id}/contacts`, { contacts })).data,
    onSettled: () => invalidateRecords(qc, 'opportunities'),
  });
}

export type HistoryData = z.infer<typeof OpportunityHistory>;

/** The opportunity's append-only history of stage, amount, close date and probability (hidden fields left out by the server). */
export function useOpportunityHistory(id: number) {
  return useQuery({
    queryKey: [...keys.records('opportunities'), id, 'history'],
    queryFn: async ({ signal }) => (await api.get<One<HistoryData>>(`/opportunities/${id}/history`, {}, { signal })).data,
  });
}
