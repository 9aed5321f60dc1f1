import { lazy, type ComponentType } from 'react';
import { Navigate, useParams } from 'react-router';
import { useObjects } from '../api/objects.ts';
import { ListPage } from '../features/records/ListPage.tsx';
import { RecordPage } from '../features/records/RecordPage.tsx';
import { NotFound } from './NotFound.tsx';
import { listPageOf } from '../extensions/registry.ts';

// Module-specific pages that replace an object's list at /<object> (the generic list stays
// reachable at /<object>/all). Keyed by object name; everything else is built from descriptors.
const TasksPage = lazy(() => import('../features/tasks/TasksPage.tsx').then((m) => ({ default: m.TasksPage })));
const LIST_OVERRIDES: Record<string, ComponentType> = { tasks: TasksPage };

/** /:object — the object's list (or its module's own page); unknown objects and objects the user may not use are not found. */
export function ObjectListRoute() {
  const name = useParams().object ?? '';
  const descriptor = useObjects().data?.find((d) => d.name === name);
  if (!descriptor) return <NotFound />;
  const Override = LIST_OVERRIDES[name] ?? listPageOf(name);
  return Override ? <Override /> : <ListPage key={name} object={name} />;
}

/** /:object/all — the generic list of an object whose /:object is a module page. */
export function ObjectAllRoute() {
  const name = useParams().object ?? '';
  const descriptor = useObjects().data?.find((d) => d.name === name);
  if (!descriptor) return <NotFound />;
  return <ListPage key={name} object={name} />;
}

/** /:object/:id — the record page, or the list with the record's drawer open for objects without pages. */
export function ObjectRecordRoute() {
  const { object: name = '', id = '' } = useParams();
  const descriptor = useObjects().data?.find((d) => d.name === name);
  if (!descriptor) return <NotFound />;
  // The drawer opens over the generic list (at /<object>/all when a module page holds /<object>).
  if (!descriptor.record_page) return <Navigate to={`/${name}${LIST_OVERRIDES[name] || listPageOf(name) ? '/all' : ''}?open=${encodeURIComponent(id)}`} replace />;
  return <RecordPage key={name} object={name} />;
}
