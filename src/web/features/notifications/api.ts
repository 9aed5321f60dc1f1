import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Notification, NotificationPreferences } from '../../../shared/contracts/notifications.ts';

export const notificationKeys = {
  all: () => ['notifications'] as const,
  count: () => ['notifications', 'count'] as const,
  list: () => ['notifications', 'list'] as const,
  preferences: () => ['notification-preferences'] as const,
};

/** The bell's count: polled every 30 s and when the window regains focus (no websockets). */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.count(),
    queryFn: () => api.get<{ count: number; capped: boolean }>('/notifications/unread-count'),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: () => api.get<{ data: Notification[]; next_cursor: string | null }>('/notifications', { limit: 20 }),
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') => (id === 'all' ? api.post('/notifications/read-all') : api.post(`/notifications/${id}/read`)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.all() }),
  });
}

export function usePreferences() {
  return useQuery({ queryKey: notificationKeys.preferences(), queryFn: async () => (await api.get<{ data: NotificationPreferences }>('/notifications/preferences')).data });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (email: Partial<NotificationPreferences['email']>) => (await api.put<{ data: NotificationPreferences }>('/notifications/preferences', { email })).data,
    onSuccess: (data) => qc.setQueryData(notificationKeys.preferences(), data),
  });
}
