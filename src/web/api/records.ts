import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { invalidateRecords, keys } from './keys.ts';
import type { ApiRecord, One, Page } from './types.ts';

type Params = Record<string, string | number | undefined>;

/** One page of an object's records (keyset: `cursor` in params); the previous page stays shown while the next loads. */
export function useRecordList(object: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: keys.list(object, params),
    enabled,
    queryFn: async ({ signal }) => api.get<Page<ApiRecord>>(`/${object}`, params, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many records match (capped by the server on big tables). */
export function useRecordCount(object: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: keys.count(object, params),
    enabled,
    queryFn: async ({ signal }) => (await api.get<{ data: { count: number; capped: boolean } }>(`/${object}/count`, params, { signal })).data,
    placeholderData: keepPreviousData,
  });
}

export interface Totals { field: string; total: string; currency: string; count: number }

/** The sum of a money field over the records matching the list's filters, in the organisation currency (the server converts). */
export function useRecordTotals(object: string, field: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: keys.totals(object, field, params),
    enabled,
    queryFn: async ({ signal }) => (await api.get<{ data: Totals }>(`/${object}/totals`, { ...params, field }, { signal })).data,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useRecord(object: string, id: number | string | null | undefined) {
  return useQuery({
    queryKey: keys.record(object, id ?? 0),
    enabled: id !== null && id !== undefined && id !== '',
    queryFn: async () => (await api.get<One<ApiRecord>>(`/${object}/${id}`)).data,
  });
}

export interface SaveArgs {
  /** Absent: create. */
  id?: number;
  body: Record<string, unknown>;
  /** The version the caller read: the server answers 409 if someone saved since. */
  version?: number;
  /** Creates: the same key makes a retried request create once. */
  idempotencyKey?: string;
}

/** Creates or updates one record; the saved record replaces the cached one and everything showing the object refreshes. */
export function useSaveRecord(object: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, version, idempotencyKey }: SaveArgs) => {
      if (id !== undefined) {
        return (await api.patch<One<ApiRecord>>(`/${object}/${id}`, { ...body, ...(typeof version === 'number' ? { version } : {}) })).data;
      }
      return (await api.post<One<ApiRecord>>(`/${object}`, body, idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : undefined)).data;
    },
    onSuccess: (saved) => {
      qc.setQueryData(keys.record(object, saved.id), saved);
      invalidateRecords(qc, object);
    },
  });
}

export function useDeleteRecord(object: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => api.del(`/${object}/${id}`),
    onSuccess: (_r, id) => {
      qc.removeQueries({ queryKey: keys.record(object, id) });
      invalidateRecords(qc, object);
    },
  });
}

/** Puts a record the server answered elsewhere (a conflict's current version) into the cache. */
export function useSetRecord(object: string) {
  const qc = useQueryClient();
  return (rec: ApiRecord) => qc.setQueryData(keys.record(object, rec.id), rec);
}
