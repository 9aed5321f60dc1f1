import { useState } from 'react';
import { App, Button, Card, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { NumberSequence, One } from '../../api/types.ts';

const KEY = ['settings', 'numbering'];

/** One type's pattern, edited in place; saved on its own (the server checks it and audits the change). */
function PatternEditor({ row }: { row: NumberSequence }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [pattern, setPattern] = useState(row.pattern);
  const save = useMutation({
    mutationFn: async () => (await api.patch<One<NumberSequence>>(`/settings/numbering/${encodeURIComponent(row.type)}`, { pattern })).data,
    onSuccess: () => {
      message.success(t('admin.numbering.saved'));
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input value={pattern} maxLength={60} onChange={(e) => setPattern(e.target.value)} onPressEnter={() => save.mutate()} aria-label={t('admin.numbering.pattern')} />
      <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} disabled={pattern === row.pattern}>{t('common.save')}</Button>
    </Space.Compact>
  );
}

/** Document number types (GET /settings/numbering): pattern, next number, whether consecutive. */
export function NumberingCard() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: KEY, queryFn: async () => (await api.get<{ data: NumberSequence[] }>('/settings/numbering')).data });
  return (
    <Card variant="borderless" title={t('admin.numbering.title')} style={{ maxWidth: 860, marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('admin.numbering.hint')}</Typography.Paragraph>
      <Table<NumberSequence>
        rowKey="type"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={[
          { title: t('admin.numbering.type'), dataIndex: 'type', render: (type: string) => t(`admin.numbering.types.${type}`, { defaultValue: type }) },
          // Keyed by the saved pattern: a saved change resets the editor to it.
          { title: t('admin.numbering.pattern'), dataIndex: 'pattern', width: 340, render: (_, row) => <PatternEditor key={row.pattern} row={row} /> },
          { title: t('admin.numbering.next'), dataIndex: 'next', render: (next: string) => <Typography.Text code>{next}</Typography.Text> },
          {
            title: t('admin.numbering.gapFree'),
            dataIndex: 'gap_free',
            render: (v: boolean) => (v ? <Tooltip title={t('admin.numbering.gapFreeHelp')}><Tag color="blue">{t('admin.numbering.gapFree')}</Tag></Tooltip> : null),
          },
        ]}
      />
    </Card>
  );
}
