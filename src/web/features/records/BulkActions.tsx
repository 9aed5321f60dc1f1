import { useState } from 'react';
import { App, Button, Dropdown, Modal, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../../api/types.ts';
import { errorText } from '../../api/errors.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import { changedCount, runBulk, scopeCount, type BulkScope } from './bulk-scope.ts';
import { BulkUpdateModal, showFailures } from './BulkUpdateModal.tsx';

interface Props {
  object: string;
  fields: FieldMeta[];
  /** The ticked rows, or all matching (then the export and counts follow the list's query). */
  scope: BulkScope;
  onClear: () => void;
  canWrite: boolean;
  canExport: boolean;
  hasOwner: boolean;
  onExport: (format: 'csv' | 'xlsx') => void;
  onDone: () => void;
}

type Action = { kind: 'delete' } | { kind: 'assign'; owner: number };

/** What can be done with the selection: assign an owner, set a field, export, delete (after confirming the count). */
export function BulkActions({ object, fields, scope, onClear, canWrite, canExport, hasOwner, onExport, onDone }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [assigning, setAssigning] = useState(false);
  const [updating, setUpdating] = useState(false);
  const [owner, setOwner] = useState<number | null>(null);
  const count = scopeCount(scope);

  const bulk = useMutation({
    mutationFn: async (action: Action) => {
      const r = await runBulk(object, scope, action.kind === 'delete' ? { action: 'delete' } : { action: 'update', values: { owner_id: action.owner } });
      return { ...r, kind: action.kind };
    },
    onSuccess: (r) => {
      if (r.done) message.success(t(r.kind === 'delete' ? 'list.deletedCount' : 'list.assignedCount', { count: r.done }));
      showFailures(t, modal, r);
      onClear();
      setAssigning(false);
      onDone();
    },
    onError: (e) => {
      const now = changedCount(e);
      message.error(now !== null ? t('faster.bulk.countChanged', { count: now }) : errorText(t, e));
    },
  });

  if (count === 0) return null;
  const selectedText = scope.kind === 'match' ? t('faster.bulk.allSelected', { count }) : t('list.selected', { count });
  return (
    <div className="gx-bulk-bar" data-testid="bulk-bar">
      <Typography.Text strong>{selectedText}</Typography.Text>
      {canWrite && hasOwner ? (
        <Button size="small" icon={<UserSwitchOutlined />} onClick={() => { setOwner(null); setAssigning(true); }}>{t('list.assignOwner')}</Button>
      ) : null}
      {canWrite ? <Button size="small" icon={<EditOutlined />} onClick={() => setUpdating(true)}>{t('faster.bulk.title')}</Button> : null}
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
              title: t('list.confirmDelete', { count }),
              content: t('list.confirmDeleteText'),
              okText: t('common.delete'),
              okButtonProps: { danger: true },
              onOk: () => bulk.mutateAsync({ kind: 'delete' }).catch(() => undefined),
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
        okText={t('faster.bulk.apply', { count })}
        okButtonProps={{ disabled: !owner, loading: bulk.isPending }}
        onOk={() => owner && bulk.mutate({ kind: 'assign', owner })}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="bulk-scope">{t('faster.bulk.scope', { count })}</Typography.Paragraph>
        <RecordSelect target="users" value={owner} onChange={setOwner} placeholder={t('list.pickOwner')} />
      </Modal>
      <BulkUpdateModal object={object} fields={fields} scope={scope} open={updating} onClose={() => setUpdating(false)} onDone={() => { onClear(); onDone(); }} />
    </div>
  );
}
