import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoginEntry } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { AdminPage, useCursorList } from './common.tsx';

export function LoginHistoryPage() {
  const { t } = useTranslation();
  const log = useCursorList<LoginEntry>(['login-history'], '/auth/login-history');
  return (
    <AdminPage adminOnly={false} title={t('admin.logins.title')}>
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<LoginEntry>
          rowKey="id"
          loading={log.isLoading}
          dataSource={log.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'when', title: t('admin.logins.when'), width: 170, render: (_, e) => formatDateTime(e.at ?? e.created_at) },
            { key: 'email', title: t('admin.logins.email'), dataIndex: 'email', width: 220 },
            { key: 'ok', title: t('admin.logins.result'), width: 110, render: (_, e) => ((e.success ?? e.ok) ? <Tag color="green">{t('admin.logins.ok')}</Tag> : <Tag color="red">{t('admin.logins.failed')}</Tag>) },
            { key: 'ip', title: t('admin.logins.ip'), dataIndex: 'ip', width: 140 },
            { key: 'ua', title: t('admin.logins.agent'), width: 360, render: (_, e) => <Typography.Text type="secondary" ellipsis style={{ maxWidth: 340 }}>{e.user_agent}</Typography.Text> },
          ]}
        />
        {log.hasNextPage ? <Button block type="text" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>{t('common.loadMore')}</Button> : null}
      </Card>
    </AdminPage>
  );
}
