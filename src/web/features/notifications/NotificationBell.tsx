import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../shared/contracts/notifications.ts';
import { SimpleList } from '../../components/SimpleList.tsx';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { useMarkRead, useNotifications, useUnreadCount } from './api.ts';
import { usePopoverFocus } from '../../lib/popoverFocus.ts';

/** The bell: my notifications, newest first; a click opens the record and marks it read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const isPhone = useIsPhone();
  const count = useUnreadCount().data;
  const list = useNotifications(open);
  const mark = useMarkRead();
  const items = list.data?.data ?? [];
  const focus = usePopoverFocus(open, () => setOpen(false));

  const go = (n: Notification) => {
    setOpen(false);
    if (!n.read_at) mark.mutate(n.id);
    navigate(`/${n.object}/${n.record_id}`);
  };

  const content = (
    <div style={{ width: isPhone ? '100%' : 340 }} data-testid="notifications-list" ref={focus.ref} onKeyDown={focus.onKeyDown}>
      {list.isLoading ? <Spin style={{ display: 'block', margin: '16px auto' }} /> : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <SimpleList
          items={items}
          rowKey={(n) => n.id}
          render={(n) => (
            <div role="link" tabIndex={0} className={`gx-notification${n.read_at ? '' : ' gx-notification-unread'}`} data-testid="notification"
              onClick={() => go(n)} onKeyDown={(e) => { if (e.key === 'Enter') go(n); }} style={{ flex: 1, minWidth: 0, cursor: 'pointer' }}>
              <Typography.Text strong={!n.read_at} style={{ display: 'block' }}>{n.text}</Typography.Text>
              {n.title ? <Typography.Text ellipsis style={{ display: 'block' }}>{n.title}</Typography.Text> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatDateTime(n.created_at)}>{formatRelative(n.created_at)}</Typography.Text>
            </div>
          )}
        />
      )}
    </div>
  );
  const title = (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
      <span>{t('notifications.title')}</span>
      <Button type="link" size="small" disabled={!count?.count} loading={mark.isPending} onClick={() => mark.mutate('all')} data-testid="notifications-read-all">
        {t('notifications.readAll')}
      </Button>
    </div>
  );
  const button = (
    <Button type="text" aria-label={t('notifications.bell', { count: count?.count ?? 0 })} data-testid="notifications-bell" onClick={isPhone ? () => setOpen(true) : undefined}>
      <Badge count={count?.capped ? `${count.count}+` : (count?.count ?? 0)} size="small" offset={[4, -2]} data-testid="notifications-count">
        <BellOutlined style={{ fontSize: 17 }} />
      </Badge>
    </Button>
  );
  // A phone has no room beside the bell for a popover: the list slides in over the page.
  if (isPhone) {
    return (
      <>
        {button}
        <Drawer open={open} onClose={() => setOpen(false)} placement="right" size="100%" title={title} styles={{ body: { padding: 12 } }}>
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover content={content} title={title} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      {button}
    </Popover>
  );
}
