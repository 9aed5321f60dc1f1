import type { QueryClient } from '@tanstack/react-query';

// Every query key of record data, in one place: the record hooks (api/records.ts) write and
// invalidate through these, so a save refreshes exactly what shows that object's records.
export const keys = {
  objects: () => ['objects'] as const,
  meta: (object?: string) => (object ? (['meta', object] as const) : (['meta'] as const)),
  /** The root of everything showing an object's records (lists, counts, single records). */
  records: (object: string) => ['records', object] as const,
  list: (object: string, params: unknown) => ['records', object, 'list', params] as const,
  count: (object: string, params: unknown) => ['records', object, 'count', params] as const,
  totals: (object: string, field: string, params: unknown) => ['records', object, 'totals', field, params] as const,
  record: (object: string, id: number | string) => ['records', object, 'one', Number(id)] as const,
  board: (object: string, params: unknown) => ['records', object, 'board', params] as const,
  boardCards: (object: string, value: string, params: unknown) => ['records', object, 'board-cards', value, params] as const,
  views: (object: string) => ['views', object] as const,
  related: () => ['related'] as const,
  timeline: () => ['timeline'] as const,
  attachments: (object: string, id: number) => ['attachments', object, id] as const,
  /** Under the object's records root: any write of the object's records refreshes its lines (and version). */
  lines: (object: string, id: number) => ['records', object, 'lines', id] as const,
  tasksDue: () => ['tasks-due'] as const,
  myTasks: (scope?: string) => (scope ? (['my-tasks', scope] as const) : (['my-tasks'] as const)),
  duplicates: (object: string, id?: number) => (id === undefined ? (['duplicates', object] as const) : (['duplicates', object, id] as const)),
};

/**
 * After a write to `object`'s records: its lists, counts and records, the related lists and
 * timelines that show them, and the task widgets (tasks appear in the top bar and their own page).
 */
export function invalidateRecords(qc: QueryClient, object: string): void {
  void qc.invalidateQueries({ queryKey: keys.records(object) });
  void qc.invalidateQueries({ queryKey: keys.related() });
  void qc.invalidateQueries({ queryKey: keys.timeline() });
  if (object === 'tasks') {
    void qc.invalidateQueries({ queryKey: keys.tasksDue() });
    void qc.invalidateQueries({ queryKey: keys.myTasks() });
  }
}
