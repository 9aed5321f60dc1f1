import { App, Button, Empty, List, Popconfirm, Skeleton, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import type { Page } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';

interface Attachment { id: number; name: string; size: number; content_type: string; created_at: string; created_by: { id: number; name: string | null } | null }

const UNITS = ['B', 'KB', 'MB', 'GB'];
function formatSize(n: number): string {
  let i = 0;
  while (n >= 1024 && i < UNITS.length - 1) { n /= 1024; i++; }
  return `${i ? n.toFixed(1) : n} ${UNITS[i]}`;
}

/** Files on a record: upload, list with size and uploader, download, delete with confirmation. */
export function Attachments({ object, id, canEdit }: { object: string; id: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = keys.attachments(object, id);
  // The first 200 files; a record with more is rare, and the API pages beyond.
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<Page<Attachment>>(`/${object}/${id}/attachments`, { limit: 200 }, { signal }) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: keys.timeline() });
  };
  const upload = useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.set('file', file, file.name);
      return api.post(`/${object}/${id}/attachments`, fd);
    },
    onSuccess: () => { message.success(t('attachments.uploaded')); refresh(); },
    onError: (e) => message.error(errorText(t, e)),
  });
  const remove = useMutation({
    mutationFn: (a: Attachment) => api.del(`/attachments/${a.id}`),
    onSuccess: () => { message.success(t('attachments.deleted')); refresh(); },
    onError: (e) => message.error(errorText(t, e)),
  });
  const files = q.data?.data ?? [];

  return (
    <div data-testid="attachments">
      {canEdit ? (
        <Upload showUploadList={false} beforeUpload={(file) => { upload.mutate(file); return false; }}>
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachments-upload">{t('attachments.upload')}</Button>
        </Upload>
      ) : null}
      {q.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : q.isError ? (
        <Typography.Text type="danger">{errorText(t, q.error)}</Typography.Text>
      ) : files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />
      ) : (
        <List
          size="small"
          dataSource={files}
          renderItem={(a) => (
            <List.Item
              data-testid="attachment-row"
              actions={[
                <Button key="dl" type="text" size="small" icon={<DownloadOutlined />} aria-label={t('attachments.download')} onClick={() => download(`/attachments/${a.id}/download`)} />,
                ...(canEdit ? [
                  <Popconfirm key="rm" title={t('attachments.confirmDelete', { name: a.name })} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(a)}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>,
                ] : []),
              ]}
            >
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={<Typography.Text ellipsis style={{ maxWidth: '100%' }}>{a.name}</Typography.Text>}
                description={t('attachments.meta', { size: formatSize(a.size), name: a.created_by?.name ?? '—', date: formatDateTime(a.created_at) })}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
