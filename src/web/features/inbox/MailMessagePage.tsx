import { Button, Card, Descriptions, List, Skeleton, Typography } from 'antd';
import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, download } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { MailMessage, One } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

/**
 * One received message. Its body is shown as plain text only (the HTML it came with is never
 * rendered), so nothing in a mail can run script or load images in the app.
 */
export function MailMessagePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['inbox-message', id], queryFn: async () => (await api.get<One<MailMessage>>(`/inbox/messages/${id}`)).data });
  if (q.isLoading) return <div className="gx-page"><Skeleton active /></div>;
  if (q.isError || !q.data) return <div className="gx-page"><Typography.Text type="danger">{errorText(t, q.error)}</Typography.Text></div>;
  const m = q.data;
  return (
    <div className="gx-page">
      <div className="gx-page-head"><PageTitle>{m.subject || t('inbox.noSubject')}</PageTitle></div>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('inbox.from')}>{m.from_name ? `${m.from_name} <${m.from_address}>` : m.from_address}</Descriptions.Item>
          <Descriptions.Item label={t('inbox.to')}>{m.to.join(', ')}</Descriptions.Item>
          {m.cc.length ? <Descriptions.Item label={t('inbox.cc')}>{m.cc.join(', ')}</Descriptions.Item> : null}
          <Descriptions.Item label={t('inbox.received')}>{formatDateTime(m.received_at)}</Descriptions.Item>
          <Descriptions.Item label={t('inbox.thread')}>{m.thread_token}</Descriptions.Item>
          {m.contact_ids.length ? (
            <Descriptions.Item label={t('inbox.contacts')}>
              {m.contact_ids.map((c) => <Link key={c} to={`/contacts/${c}`} style={{ marginRight: 8 }}>#{c}</Link>)}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Typography.Paragraph data-testid="mail-text" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.text}</Typography.Paragraph>
        {m.has_html ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('inbox.htmlAsText')}</Typography.Text> : null}
      </Card>
      {m.attachments.length ? (
        <Card variant="borderless" title={t('inbox.attachments')}>
          <List size="small" dataSource={m.attachments} renderItem={(a) => (
            <List.Item actions={[<Button key="dl" type="text" size="small" icon={<DownloadOutlined />} aria-label={t('attachments.download')} onClick={() => download(`/inbox/messages/${m.id}/files/${a.id}`)} />]}>
              <PaperClipOutlined style={{ marginRight: 8 }} />{a.name} <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{Math.ceil(a.size / 1024)} KB</Typography.Text>
            </List.Item>
          )} />
        </Card>
      ) : null}
    </div>
  );
}
