import { useEffect, useState } from 'react';
import { App, Button, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { ConditionBuilder } from '../../components/ConditionBuilder.tsx';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import type { ConditionGroup } from '../../../shared/contracts/conditions.ts';

const EMPTY: ConditionGroup = { kind: 'group', match: 'all', conditions: [] };

/** Which accounts the book prices for: a condition on accounts (the condition builder); none = everyone. */
export function AudienceTab({ id, canEdit }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['price_books', id, 'audience'];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<{ data: { audience: ConditionGroup | null } }>(`/price-books/${id}/audience`).then((r) => r.data.audience) });
  const [tree, setTree] = useState<ConditionGroup>(EMPTY);
  useEffect(() => {
    if (q.data !== undefined) setTree(q.data ?? EMPTY);
  }, [q.data]);
  const save = useMutation({
    mutationFn: () => api.put<{ data: { audience: ConditionGroup | null } }>(`/price-books/${id}/audience`, { audience: tree.conditions.length ? tree : null }),
    onSuccess: (r) => {
      qc.setQueryData(key, r.data.audience);
      message.success(t('priceBooks.saved'));
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  if (q.isLoading) return <Skeleton active />;
  return (
    <div data-testid="price-book-audience">
      <Typography.Paragraph type="secondary">{tree.conditions.length ? t('priceBooks.audienceHelp') : t('priceBooks.everyone')}</Typography.Paragraph>
      {canEdit ? <ConditionBuilder object="accounts" value={tree} onChange={setTree} /> : <Typography.Text code>{JSON.stringify(q.data)}</Typography.Text>}
      {canEdit ? (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => save.mutate()}>{t('priceBooks.save')}</Button>
        </Space>
      ) : null}
    </div>
  );
}
