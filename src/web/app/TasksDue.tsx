import { Badge, Button, Checkbox, Empty,  Popover, Typography } from 'antd';
import { SimpleList } from '../components/SimpleList.tsx';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { ApiRecord, Page } from '../api/types.ts';
import { formatDateTime, formatRelative } from '../i18n/format.ts';

export function useTasksDue() {
  return useQuery({
    queryKey: ['tasks-due'],
    queryFn: async () =>
      api.get<Page<ApiRecord>>('/tasks', {
        'filter[owner_id]': 'me',
        'filter[status]': 'open',
        'filter[due_at][lte]': new Date().toISOString(),
        sort: 'due_at',
        limit: 50,
      }),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

/** The bell: my open tasks that are due now or overdue. */
export function TasksDue() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const due = useTasksDue();
  const [open, setOpen] = useState(false);
  const list = due.data?.data ?? [];
  const count = list.length;
  const done = useMutation({
    mutationFn: (id: number) => api.patch(`/tasks/${id}`, { status: 'done' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['tasks-due'] });
      void qc.invalidateQueries({ queryKey: ['list', 'tasks'] });
      void qc.invalidateQueries({ queryKey: ['my-tasks'] });
    },
  });
  const content = (
    <div style={{ width: 320, maxWidth: 'calc(100vw - 48px)' }}>
      {count === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('topbar.noTasksDue')} />
      ) : (
        <SimpleList
          items={list.slice(0, 8)}
          rowKey={(task) => task.id}
          render={(task) => (
            <>
              <Checkbox disabled={done.isPending} onChange={() => done.mutate(task.id)} style={{ marginInlineEnd: 8 }} aria-label={t('tasks.markDone')} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text ellipsis style={{ display: 'block' }}>{String(task.title ?? '')}</Typography.Text>
                <Typography.Text type="danger" style={{ fontSize: 12 }} title={formatDateTime(task.due_at)}>
                  {formatRelative(task.due_at)}
                </Typography.Text>
              </div>
            </>
          )}
        />
      )}
      <div style={{ textAlign: 'right', marginTop: 8 }}>
        <Link to="/tasks" onClick={() => setOpen(false)}>{t('topbar.allTasks')}</Link>
      </div>
    </div>
  );
  return (
    <Popover content={content} title={t('topbar.tasksDueCount', { count })} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button type="text" aria-label={t('topbar.tasksDue')} data-testid="tasks-due">
        <Badge count={due.data?.next_cursor ? '50+' : count} size="small" offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 17 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
