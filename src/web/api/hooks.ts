import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Me, One, OrgSettings, Page, Team, User, Role } from './types.ts';

export { useMeta } from './objects.ts';

/** Who is signed in; null when nobody is (a 401 here is an answer, not an error). */
export function useMe(): UseQueryResult<Me | null> {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return (await api.get<One<Me>>('/auth/me', undefined, { allow401: true })).data;
      } catch (e) {
        if ((e as { status?: number }).status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Organisation settings (currency, name); read by every signed-in user. */
export function useSettings(enabled = true): UseQueryResult<OrgSettings> {
  return useQuery({ queryKey: ['settings'], queryFn: async () => (await api.get<One<OrgSettings>>('/settings')).data, staleTime: 5 * 60_000, enabled });
}

export function useTeams(): UseQueryResult<Team[]> {
  return useQuery({ queryKey: ['teams'], queryFn: async () => (await api.get<Page<Team>>('/teams')).data, staleTime: 60_000 });
}

export function useRoles(): UseQueryResult<Role[]> {
  return useQuery({ queryKey: ['roles'], queryFn: async () => (await api.get<Page<Role>>('/roles')).data, staleTime: 60_000 });
}

export function useAllUsers(): UseQueryResult<User[]> {
  return useQuery({ queryKey: ['users', 'all'], queryFn: async () => (await api.get<Page<User>>('/users', { limit: 200 })).data, staleTime: 60_000 });
}

export function isAdmin(me: Me | null | undefined): boolean {
  return Boolean(me?.permissions?.can?.admin);
}
export function canDo(me: Me | null | undefined, what: 'write' | 'import' | 'export' | 'delete' | 'admin'): boolean {
  return Boolean(me?.permissions?.can?.[what]);
}
