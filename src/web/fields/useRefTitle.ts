import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { ApiRecord, One, User } from '../api/types.ts';
import { TITLE_FIELD } from './layout.ts';

/** The title of one linked record (or user's name), for labels where only an id is at hand. */
export function useRefTitle(target: string | null | undefined, id: unknown, enabled = true): string | undefined {
  const n = Number(id);
  const q = useQuery({
    queryKey: ['ref-title', target, n],
    enabled: enabled && Boolean(target) && Number.isInteger(n) && n > 0,
    staleTime: 5 * 60_000,
    retry: false,
    queryFn: async () => {
      if (target === 'users') return (await api.get<One<User>>(`/users/${n}`)).data.name;
      const r = (await api.get<One<ApiRecord>>(`/${target}/${n}`)).data;
      return String(r[TITLE_FIELD[target!] ?? 'name'] ?? `#${n}`);
    },
  });
  return q.data;
}
