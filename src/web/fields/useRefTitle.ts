import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { ApiRecord, One, User } from '../api/types.ts';
import { useObject } from '../api/objects.ts';

/** The title of one linked record (or user's name), for labels where only an id is at hand. */
export function useRefTitle(target: string | null | undefined, id: unknown, enabled = true): string | undefined {
  const n = Number(id);
  const titleField = useObject(target)?.title_field ?? 'name';
  const q = useQuery({
    queryKey: ['ref-title', target, n, titleField],
    enabled: enabled && Boolean(target) && Number.isInteger(n) && n > 0,
    staleTime: 5 * 60_000,
    retry: false,
    queryFn: async () => {
      if (target === 'users') return (await api.get<One<User>>(`/users/${n}`)).data.name;
      const r = (await api.get<One<ApiRecord>>(`/${target}/${n}`)).data;
      return String(r[titleField] ?? `#${n}`);
    },
  });
  return q.data;
}
