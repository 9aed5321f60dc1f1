import type { ReactNode } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useMe, isAdmin } from '../../api/hooks.ts';
import { Forbidden } from '../../app/NotFound.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

export function AdminPage({ title, actions, children, adminOnly = true }: { title: string; actions?: ReactNode; children: ReactNode; adminOnly?: boolean }) {
  const me = useMe().data;
  if (adminOnly && !isAdmin(me)) return <Forbidden />;
  return (
    <div className="gx-page">
      <div className="gx-page-head">
        <PageTitle>{title}</PageTitle>
        <span style={{ flex: 1 }} />
        {actions}
      </div>
      {children}
    </div>
  );
}

/** A keyset-paged admin list with "Load more". */
export function useCursorList<T>(key: unknown[], path: string, query: Query = {}) {
  const q = useInfiniteQuery({
    queryKey: [...key, query],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => api.get<Page<T>>(path, { ...query, limit: 50, cursor: pageParam ?? undefined }),
    getNextPageParam: (p) => p.next_cursor,
  });
  return { ...q, rows: q.data?.pages.flatMap((p) => p.data) ?? [] };
}
