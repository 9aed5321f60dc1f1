import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiRecord, One } from '../../api/types.ts';

export function useRecord(object: string, id: number | string | null | undefined) {
  return useQuery({
    queryKey: ['record', object, Number(id)],
    enabled: id !== null && id !== undefined && id !== '',
    queryFn: async () => (await api.get<One<ApiRecord>>(`/${object}/${id}`)).data,
  });
}
