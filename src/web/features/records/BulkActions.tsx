import { useState } from 'react';
import { App, Button, Dropdown, Modal, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';

interface Props {
  object: string;
  selected: number[];
  onClear: () => void;
  canWrite: boolean;
  canExport: boolean;
  hasOwner: boolean;
  onExport: (format: 'csv' | 'xlsx') => void;
  onDone: () => void;
}

type Action = { kind: 'delete' } | { kind: 'assign'; owner: number };

/** What can be done with the selected rows: assign an owner, export, delete (after confirming). */
export function BulkActions({ object, selected, onClear, canWrite, canExport, hasOwner, onExport, onDone }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [assigning, setAssigning] = useState(false);
  const [owner, setOwner] = useState<number | null>(null);

  // One request for the selection; the server writes and audits each record on its own and
  // reports the ones it could not change (permission, deleted meanwhile).
  const bulk = useMutation({
    mutationFn: async (action: Action) => {
      const body = action.kind === 'delete'
        ? { ids: selected, action: 'delete' }
        : { ids: selected, action: 'update', values: { owner_id: action.owner } };
      const r = await api.post<{ data: { done: number; errors: { id: number; code: string; message: string; details?: unknown }[] } }>(`/${object}/bulk`, body);
      const failures = r.data.errors.map((e) => errorText(t, new ApiError(400, e.code, e.message, e.details)));
      return { done: r.data.done, failures, kind: action.kind };
    },
    onSuccess: ({ done, failures, kind }) => {
      if (done) message.success(t(kind === 'delete' ? 'list.deletedCount' : 'list.assignedCount', { count: done }));
      if (failures.length) message.error(failures[0]);
      onClear();
      setAssigning(false);
      onDone();
    },
  });

  if (selected.length === 0) return null;
  return (
    <div className="gx-bulk-bar" data-testid="bulk-bar">
      <Typography.Text strong>{t('list.selected', { count: selected.length })}</Typography.Text>
      {canWrite && hasOwner ? (
        <Button size="small" icon={<UserSwitchOutlined />} onClick={() => { setOwner(null); setAssigning(true); }}>{t('list.assignOwner')}</Button>
      ) : null}
      {canExport ? (
        <Dropdown trigger={['click']} menu={{ items: [{ key: 'csv', label: t('list.exportCsv') }, { key: 'xlsx', label: t('list.exportXlsx') }], onClick: ({ key }) => onExport(key as 'csv' | 'xlsx') }}>
          <Button size="small" icon={<DownloadOutlined />}>{t('list.exportSelected')}</Button>
        </Dropdown>
      ) : null}
      {canWrite ? (
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          onClick={() =>
            modal.confirm({
              title: t('list.confirmDelete', { count: selected.length }),
              content: t('list.confirmDeleteText'),
              okText: t('common.delete'),
              okButtonProps: { danger: true },
              onOk: () => bulk.mutateAsync({ kind: 'delete' }),
            })
          }
        >
          {t('list.deleteSelected')}
        </Button>
      ) : null}
      <Button size="small" type="link" onClick={onClear}>{t('common.cancel')}</Button>
      <Modal
        open={assigning}
        title={t('list.assignOwner')}
        onCancel={() => setAssigning(false)}
        okButtonProps={{ disabled: !owner, loading: bulk.isPending }}
        onOk={() => owner && bulk.mutate({ kind: 'assign', owner })}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('list.selected', { count: selected.length })}</Typography.Paragraph>
        <RecordSelect target="users" value={owner} onChange={setOwner} placeholder={t('list.pickOwner')} />
      </Modal>
    </div>
  );
}
