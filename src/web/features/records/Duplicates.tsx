import { useState } from 'react';
import { App, Button, Checkbox, Empty,  Skeleton, Space, Typography } from 'antd';
import { SimpleList } from '../../components/SimpleList.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidateRecords, keys } from '../../api/keys.ts';

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { DuplicateMatch } from '../../api/types.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';

interface Props {
  object: string;
  id: number;
  name: string;
  /** In the merge dialog: also offer to pick any record. */
  withPicker?: boolean;
  onMerged?: () => void;
}

/** Records that look like this one, and merging them into it. */
export function Duplicates({ object, id, name, withPicker, onMerged }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [picked, setPicked] = useState<number[]>([]);
  const [extra, setExtra] = useState<number[]>([]);
  const dupes = useQuery({
    queryKey: keys.duplicates(object, id),
    queryFn: async () => (await api.get<{ data: DuplicateMatch[] }>(`/${object}/${id}/duplicates`)).data,
  });
  const merge = useMutation({
    mutationFn: (ids: number[]) => api.post(`/${object}/merge`, { primary_id: id, duplicate_ids: ids }),
    onSuccess: () => {
      message.success(t('duplicates.merged'));
      setPicked([]);
      setExtra([]);
      invalidateRecords(qc, object);
      void qc.invalidateQueries({ queryKey: keys.duplicates(object) });
      onMerged?.();
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  const ids = [...new Set([...picked, ...extra])].filter((x) => x !== id);
  const confirm = () =>
    modal.confirm({
      title: t('duplicates.confirm', { count: ids.length, name }),
      content: t('duplicates.confirmText', { name }),
      okText: t('record.merge'),
      onOk: () => merge.mutateAsync(ids),
    });

  if (dupes.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const list = dupes.data ?? [];
  return (
    <div data-testid="duplicates">
      {list.length === 0 && !withPicker ? (
        <Typography.Text type="secondary">{t('duplicates.none')}</Typography.Text>
      ) : null}
      {list.length === 0 && withPicker ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duplicates.none')} /> : null}
      {list.length > 0 ? (
        <SimpleList
          items={list}
          rowKey={(d) => d.id}
          render={(d) => (
            <>
              <Checkbox
                checked={picked.includes(d.id)}
                onChange={(e) => setPicked((p) => (e.target.checked ? [...p, d.id] : p.filter((x) => x !== d.id)))}
                style={{ marginInlineEnd: 8 }}
              />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Link to={`/${object}/${d.id}`}>{d.name}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {(d.reasons ?? []).map((r) => t(`duplicates.reasons.${r}`, { defaultValue: r })).join(' · ')}
                  </Typography.Text>
                </div>
              </div>
            </>
          )}
        />
      ) : null}
      {withPicker ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('duplicates.pick')}</Typography.Text>
          <RecordSelect target={object} multiple value={extra} onChange={(v) => setExtra((v ?? []) as number[])} style={{ marginTop: 4 }} />
        </div>
      ) : null}
      {list.length > 0 || withPicker ? (
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" size="small" disabled={ids.length === 0} loading={merge.isPending} onClick={confirm} data-testid="merge-button">
            {t('duplicates.mergeInto')}
          </Button>
        </Space>
      ) : null}
    </div>
  );
}
