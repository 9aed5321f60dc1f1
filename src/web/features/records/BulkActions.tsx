import { useState } from 'react';
import { App, Button, Dropdown, Modal, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
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

  // One request per record: the API has no bulk endpoint, and a failure on one row
  // (permission, a row deleted meanwhile) must not stop the others.
  const bulk = useMutation({
    mutationFn: async (action: Action) => {
      let done = 0;
      const failures: string[] = [];
      for (const id of selected) {
        try {
          if (action.kind === 'delete') await api.del(`/${object}/${id}`);
          else await api.patch(`/${object}/${id}`, { owner_id: action.owner });
          done++;
        } catch (e) {
          failures.push(errorText(t, e));
        }
      }
      return { done, failures, kind: action.kind };
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
