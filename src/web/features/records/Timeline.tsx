import { Button, Empty, Select, Skeleton, Timeline as AntTimeline, Tooltip, Typography } from 'antd';
import {
  CalendarOutlined, CarOutlined, CheckCircleOutlined, EditOutlined, FileTextOutlined, MailOutlined, MergeCellsOutlined,
  MessageOutlined, PaperClipOutlined, PhoneOutlined, PlusCircleOutlined, ProfileOutlined, TeamOutlined, UploadOutlined,
} from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { keys } from '../../api/keys.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { Page, TimelineEvent } from '../../api/types.ts';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';
import { useObjects } from '../../api/objects.ts';
import { objectLabel } from '../../fields/labels.ts';
import { plainMentions } from '../../../shared/mentions.ts';
import { foldTaskRuns } from './timelineGroups.ts';

const ICONS: Record<string, React.ReactNode> = {
  call: <PhoneOutlined />, visit: <CarOutlined />, meeting: <TeamOutlined />, email: <MailOutlined />, note: <FileTextOutlined />,
  message: <MessageOutlined />, task: <ProfileOutlined />, task_done: <CheckCircleOutlined />, created: <PlusCircleOutlined />,
  email_received: <MailOutlined />, email_sent: <MailOutlined />,
  updated: <EditOutlined />, merge: <MergeCellsOutlined />, import: <UploadOutlined />, file_attached: <PaperClipOutlined />,
};
const COLORS: Record<string, string> = { call: 'blue', visit: 'purple', meeting: 'cyan', email: 'geekblue', note: 'gray', message: 'green', task: 'orange', task_done: 'green' };
export const FILTER_KINDS = ['call', 'visit', 'meeting', 'email', 'note', 'message', 'task', 'task_done'];

/** Everything that happened with a contact or an account, newest first. */
export function Timeline({ object, id }: { object: string; id: number }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<string[]>([]);
  // A module's events may be of its object's kind (a device's 'device'): named by the object's label.
  const objects = useObjects().data ?? [];
  const kindLabel = (kind: string) => {
    const owner = objects.find((d) => d.singular === kind);
    return t(`timeline.kinds.${kind}`, { defaultValue: owner ? objectLabel(t, owner.name) : kind });
  };
  const q = useInfiniteQuery({
    queryKey: [...keys.timeline(), object, id, kinds],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      api.get<Page<TimelineEvent>>(`/${object}/${id}/timeline`, { kind: kinds.length ? kinds.join(',') : undefined, cursor: pageParam ?? undefined, limit: 20 }, { signal }),
    getNextPageParam: (last) => last.next_cursor,
  });
  const events = q.data?.pages.flatMap((p) => p.data) ?? [];
  // Runs of task events fold into one entry unless the user filtered for kinds (then they asked for them).
  const [opened, setOpened] = useState<Set<string>>(new Set());
  const items = (kinds.length ? events.map((event) => ({ kind: 'event' as const, event })) : foldTaskRuns(events))
    .flatMap((i) => (i.kind === 'folded' && opened.has(i.key) ? i.events.map((event) => ({ kind: 'event' as const, event })) : [i]));

  const eventItem = (e: TimelineEvent) => ({
    key: e.id,
    color: COLORS[e.kind] ?? 'gray',
    icon: ICONS[e.kind] ?? <CalendarOutlined />,
    content: (
      <div className="gx-tl-item" data-testid="timeline-item">
        <div className="gx-tl-head">
          <Typography.Text strong>{kindLabel(e.kind)}</Typography.Text>
          <Tooltip title={formatDateTime(e.occurred_at)}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatRelative(e.occurred_at)}</Typography.Text>
          </Tooltip>
        </div>
        {e.ref_type === 'mail_message' && e.ref_id ? (
          // Received mail: the entry opens the message (shown as text, with its attachments).
          <div className="gx-tl-title"><Link to={`/inbox/messages/${e.ref_id}`}>{e.title || t('inbox.noSubject')}</Link></div>
        ) : e.title ? <div className="gx-tl-title">{e.title}</div> : null}
        {e.body ? (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true, symbol: t('common.more') }} style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
            {plainMentions(e.body)}
          </Typography.Paragraph>
        ) : null}
        {e.actor ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('timeline.by', { name: e.actor.name })}</Typography.Text> : null}
      </div>
    ),
  });

  return (
    <div data-testid="timeline">
      <Select
        mode="multiple"
        allowClear
        size="small"
        style={{ width: '100%', marginBottom: 16 }}
        placeholder={t('timeline.allKinds')}
        value={kinds}
        onChange={setKinds}
        maxTagCount="responsive"
        aria-label={t('timeline.filterKind')}
        options={FILTER_KINDS.map((k) => ({ value: k, label: t(`timeline.kinds.${k}`) }))}
      />
      {q.isLoading ? (
        <Skeleton active avatar paragraph={{ rows: 4 }} />
      ) : q.isError ? (
        <Typography.Text type="danger">{errorText(t, q.error)}</Typography.Text>
      ) : events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />
      ) : (
        <AntTimeline
          items={items.map((item) => item.kind === 'folded' ? {
            key: item.key,
            color: 'gray',
            icon: ICONS.task,
            content: (
              <div className="gx-tl-item" data-testid="timeline-folded">
                <Button type="link" size="small" style={{ padding: 0 }} aria-expanded={false} onClick={() => setOpened(new Set([...opened, item.key]))}>
                  {t('timeline.foldedTasks', { count: item.events.length })}
                </Button>
                <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatRelative(item.events[0]!.occurred_at)}</Typography.Text></div>
              </div>
            ),
          } : eventItem(item.event))}
        />
      )}
      {q.hasNextPage ? (
        <Button block onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>{t('common.loadMore')}</Button>
      ) : null}
    </div>
  );
}
