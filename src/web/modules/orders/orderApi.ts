import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CreditAnswer, OrderActionAnswer, OrderProgressAnswer } from '../../../shared/contracts/orders.ts';

// The orders module's calls (server: modules/orders/orders.routes.ts) and their cache keys.

export type Progress = OrderProgressAnswer['data'];
export type ActionResult = OrderActionAnswer['data'];

const key = (id: number, what: string) => ['orders', id, what] as const;

export function useCredit(id: number, enabled: boolean) {
  return useQuery({ queryKey: key(id, 'credit'), enabled, retry: false, queryFn: ({ signal }) => api.get<{ data: CreditAnswer }>(`/orders/${id}/credit`, undefined, { signal }).then((r) => r.data) });
}

export function useProgress(id: number) {
  return useQuery({ queryKey: key(id, 'progress'), queryFn: ({ signal }) => api.get<{ data: Progress }>(`/orders/${id}/progress`, undefined, { signal }).then((r) => r.data) });
}

/** Runs an action and refreshes the record and what hangs off it. */
export function useOrderAction(id: number, reload: () => void) {
  const qc = useQueryClient();
  return async (action: string, body?: unknown): Promise<ActionResult> => {
    const r = await api.post<OrderActionAnswer>(`/orders/${id}/${action}`, body);
    await qc.invalidateQueries({ queryKey: ['orders', id] });
    reload();
    return r.data;
  };
}
