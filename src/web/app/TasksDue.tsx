import { App, Badge, Button, Checkbox, Empty, Popover, Typography } from 'antd';
import { SimpleList } from '../components/SimpleList.tsx';
import { ScheduleOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { keys } from '../api/keys.ts';
import { useSaveRecord } from '../api/records.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { ApiRecord, Page } from '../api/types.ts';
import { formatDateTime, formatRelative } from '../i18n/format.ts';

const DUE_LIMIT = 50;
const EMPTY: ApiRecord[] = [];

/** My open tasks that are due, or whose reminder time has come: the bell's list, soonest first. */
export function useTasksDue() {
  return useQuery({
    queryKey: keys.tasksDue(),
    queryFn: async () => {
      const now = new Date().toISOString();
      const base = { 'filter[owner_id]': 'me', 'filter[status]': 'open', limit: DUE_LIMIT };
      const [due, reminded] = await Promise.all([
        api.get<Page<ApiRecord>>('/tasks', { ...base, 'filter[due_at][lte]': now, sort: 'due_at' }),
        api.get<Page<ApiRecord>>('/tasks', { ...base, 'filter[reminder_at][lte]': now, sort: 'reminder_at' }),
      ]);
      const byId = new Map<number, ApiRecord>();
      for (const task of [...due.data, ...reminded.data]) byId.set(task.id, task);
      const when = (task: ApiRecord) => String(task.due_at && (!task.reminder_at || task.due_at < task.reminder_at) ? task.due_at : task.reminder_at);
      const data = [...byId.values()].sort((a, b) => when(a).localeCompare(when(b)));
      return { data, more: Boolean(due.next_cursor || reminded.next_cursor) };
    },
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

const NOTIFIED_KEY = 'gx_reminded';

/** Runs `fn` alone among this browser's tabs (Web Locks), or just runs it where they are missing. */
function acrossTabs(fn: () => void): void {
  if (typeof navigator !== 'undefined' && navigator.locks) void navigator.locks.request(NOTIFIED_KEY, async () => fn());
  else fn();
}

/**
 * Pops a notification once per reminder in this browser — across its tabs too (the reminders
 * shown are kept in localStorage, read and written under a lock) — at the bottom right, where it
 * covers no part of the header.
 */
function useReminderNotifications(tasks: ApiRecord[]) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  useEffect(() => {
    acrossTabs(() => {
      let seen: Set<string>;
      try {
        seen = new Set<string>(JSON.parse(localStorage.getItem(NOTIFIED_KEY) ?? '[]') as string[]);
      } catch {
        seen = new Set();
      }
      const now = Date.now();
      let changed = false;
      for (const task of tasks) {
        const at = typeof task.reminder_at === 'string' ? Date.parse(task.reminder_at) : NaN;
        const key = `${task.id}@${String(task.reminder_at)}`;
        if (!(at <= now) || seen.has(key)) continue;
        seen.add(key);
        changed = true;
        notification.info({ key, title: t('topbar.reminder'), description: String(task.title ?? ''), placement: 'bottomRight', duration: 8 });
      }
      if (changed) localStorage.setItem(NOTIFIED_KEY, JSON.stringify([...seen].slice(-500)));
    });
  }, [tasks, notification, t]);
}

/** Overdue (red) only once the due time has passed: a task due in two days whose reminder came is not late. */
const isOverdue = (task: ApiRecord) => typeof task.due_at === 'string' && Date.parse(task.due_at) < Date.now();

/** My open tasks that are due now or overdue (beside the notifications bell). */
export function TasksDue() {
  const { t } = useTranslation();
  const saveTask = useSaveRecord('tasks');
  const due = useTasksDue();
  const [open, setOpen] = useState(false);
  const list = due.data?.data ?? EMPTY;
  const count = list.length;
  useReminderNotifications(list);
  const done = useMutation({
    mutationFn: (id: number) => saveTask.mutateAsync({ id, body: { status: 'done' } }),
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
                <Typography.Text type={isOverdue(task) ? 'danger' : 'secondary'} style={{ fontSize: 12 }} title={formatDateTime(task.due_at)} data-testid="task-due-when">
                  {formatRelative(task.due_at ?? task.reminder_at)}
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
        <Badge count={due.data?.more ? `${DUE_LIMIT}+` : count} size="small" offset={[4, -2]}>
          <ScheduleOutlined style={{ fontSize: 17 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
