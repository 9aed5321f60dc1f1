import type { WidgetDef } from '../../core/widgets.ts';
import { clause, recordCount, recordItems } from '../../core/widget-items.ts';
import { tasksObject } from './tasks.object.ts';

const LIMIT = 10;
const mineOpen = [clause('owner_id', 'eq', 'me'), clause('status', 'eq', 'open')];

/** My open tasks due by the end of today (UTC day), overdue first, with both counts. */
export const tasksDueWidget: WidgetDef = {
  key: 'tasks.due',
  labels: { en: 'My tasks due', 'zh-CN': '我的到期任务', 'zh-TW': '我的到期任務' },
  audience: 'everyone',
  size: 'medium',
  order: 10,
  load: async (db, actor) => {
    const now = Date.now();
    const [items, overdue, today] = await Promise.all([
      recordItems(db, tasksObject, actor, { filters: [...mineOpen, clause('due_at', 'lt', 'today+1d')], sort: 'due_at', limit: LIMIT }, 'due_at',
        (row) => (row.due_at && Date.parse(String(row.due_at)) < now ? 'overdue' : 'today')),
      recordCount(db, tasksObject, actor, [...mineOpen, clause('due_at', 'lt', 'now')]),
      recordCount(db, tasksObject, actor, [...mineOpen, clause('due_at', 'gte', 'now'), clause('due_at', 'lt', 'today+1d')]),
    ]);
    return { kind: 'list', items, counts: { overdue, today } };
  },
};

/** My open tasks whose reminder comes in the next seven days, soonest first. */
export const tasksRemindersWidget: WidgetDef = {
  key: 'tasks.reminders',
  labels: { en: 'Upcoming reminders', 'zh-CN': '即将到来的提醒', 'zh-TW': '即將到來的提醒' },
  audience: 'everyone',
  size: 'small',
  order: 20,
  load: async (db, actor) => ({
    kind: 'list',
    items: await recordItems(db, tasksObject, actor, {
      filters: [...mineOpen, clause('reminder_at', 'gte', 'now'), clause('reminder_at', 'lt', 'now+7d')], sort: 'reminder_at', limit: LIMIT,
    }, 'reminder_at'),
  }),
};
