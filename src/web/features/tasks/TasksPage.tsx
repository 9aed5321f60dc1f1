import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined, ProjectOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidateRecords, keys } from '../../api/keys.ts';
import { useSaveRecord } from '../../api/records.ts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useMeta } from '../../api/hooks.ts';
import type { ApiRecord, Page } from '../../api/types.ts';
import { optionLabel } from '../../fields/labels.ts';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';
import { RecordFormDrawer } from '../records/RecordFormDrawer.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

type Bucket = 'overdue' | 'today' | 'upcoming' | 'noDate';

function bucketOf(task: ApiRecord): Bucket {
  if (!task.due_at) return 'noDate';
  const d = dayjs(String(task.due_at));
  if (d.isBefore(dayjs())) return 'overdue';
  if (d.isBefore(dayjs().endOf('day'))) return 'today';
  return 'upcoming';
}

/** My open tasks by when they are due; tick to mark done. */
export function TasksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const saveTask = useSaveRecord('tasks');
  const navigate = useNavigate();
  const meta = useMeta('tasks');
  const [scope, setScope] = useState<'open' | 'done'>('open');
  const [editing, setEditing] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const priority = meta.data?.fields.find((f) => f.key === 'priority');

  const tasks = useQuery({
    queryKey: keys.myTasks(scope),
    queryFn: async () =>
      api.get<Page<ApiRecord>>('/tasks', scope === 'open'
        ? { 'filter[owner_id]': 'me', 'filter[status]': 'open', sort: 'due_at', limit: 200 }
        : { 'filter[owner_id]': 'me', 'filter[status]': 'done', sort: '-completed_at', limit: 50 }),
  });
  const toggle = useMutation({
    mutationFn: ({ id, done }: { id: number; done: boolean }) => saveTask.mutateAsync({ id, body: { status: done ? 'done' : 'open' } }),
    onSuccess: (_r, v) => {
      if (v.done) message.success(t('tasks.markedDone'));
    },
    onError: (e) => message.error(errorText(t, e)),
  });

  const rows = tasks.data?.data ?? [];
  const buckets: Bucket[] = ['overdue', 'today', 'upcoming', 'noDate'];
  const grouped = buckets.map((b) => ({ b, items: rows.filter((r) => bucketOf(r) === b) })).filter((g) => g.items.length);

  const renderTask = (task: ApiRecord) => {
    const done = task.status === 'done';
    const b = bucketOf(task);
    const target = task.refs?.contact_id ? { path: `/contacts/${task.contact_id}`, title: task.refs.contact_id.title } : task.refs?.account_id ? { path: `/accounts/${task.account_id}`, title: task.refs.account_id.title } : null;
    return (
      <div className="gx-list-row" key={task.id} data-testid="task-item">
        <Checkbox checked={done} onChange={(e) => toggle.mutate({ id: task.id, done: e.target.checked })} style={{ marginInlineEnd: 12 }} aria-label={t('tasks.markDone')} />
        <div style={{ flex: 1, minWidth: 0, cursor: 'pointer' }} onClick={() => setEditing(task.id)} data-click-area="task-open">
          <button type="button" className="gx-text-button" onClick={(e) => { e.stopPropagation(); setEditing(task.id); }} data-testid="task-open">
            <Typography.Text delete={done} strong={!done} ellipsis style={{ display: 'block' }}>{String(task.title ?? '')}</Typography.Text>
          </button>
          <Space size={8} wrap style={{ fontSize: 12 }}>
            {task.due_at ? (
              <Typography.Text type={b === 'overdue' && !done ? 'danger' : 'secondary'} style={{ fontSize: 12 }} title={formatDateTime(task.due_at)}>
                {t('tasks.due', { when: formatRelative(task.due_at) })}
              </Typography.Text>
            ) : null}
            {task.priority && task.priority !== 'normal' && priority ? (
              <Tag color={task.priority === 'urgent' ? 'red' : task.priority === 'high' ? 'orange' : 'default'} style={{ fontSize: 11 }}>
                {optionLabel(t, 'tasks', priority, task.priority)}
              </Tag>
            ) : null}
            {target ? <Link to={target.path} onClick={(e) => e.stopPropagation()}>{target.title}</Link> : null}
          </Space>
        </div>
      </div>
    );
  };

  return (
    <div className="gx-page" style={{ maxWidth: 920 }}>
      <div className="gx-page-head">
        <PageTitle>{t('tasks.title')}</PageTitle>
        <span style={{ flex: 1 }} />
        <Space wrap>
          <Button icon={<UnorderedListOutlined />} onClick={() => navigate('/tasks/all')}>{t('tasks.allTasks')}</Button>
          <Button icon={<ProjectOutlined />} onClick={() => navigate('/tasks/all?layout=board')} data-testid="tasks-board">{t('board.board')}</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('tasks.newTask')}</Button>
        </Space>
      </div>
      <Segmented
        value={scope}
        onChange={(v) => setScope(v as 'open' | 'done')}
        options={[{ value: 'open', label: t('tasks.open') }, { value: 'done', label: t('tasks.completedRecently') }]}
        style={{ marginBottom: 16 }}
      />
      {tasks.isLoading ? (
        <Card variant="borderless"><Skeleton active paragraph={{ rows: 6 }} /></Card>
      ) : rows.length === 0 ? (
        <Card variant="borderless"><Empty description={t('tasks.empty')} /></Card>
      ) : scope === 'done' ? (
        <Card variant="borderless" size="small"><div className="gx-list">{rows.map(renderTask)}</div></Card>
      ) : (
        grouped.map((g) => (
          <Card key={g.b} variant="borderless" size="small" className="gx-card"
            title={<span>{t(`tasks.${g.b}`)} <Tag style={{ marginInlineStart: 6 }} color={g.b === 'overdue' ? 'red' : undefined}>{g.items.length}</Tag></span>}>
            <div className="gx-list">{g.items.map(renderTask)}</div>
          </Card>
        ))
      )}
      <RecordFormDrawer
        object="tasks"
        open={creating || editing !== null}
        recordId={creating ? null : editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
          invalidateRecords(qc, 'tasks');
        }}
      />
    </div>
  );
}
