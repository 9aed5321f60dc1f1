import { useEffect, useState } from 'react';
import { App, Button, Select, Space, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONTACT_ROLES } from '../../../shared/contracts/opportunities.ts';
import { errorText } from '../../api/errors.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { useContactRoles, useSaveContactRoles } from './api.ts';

interface Row { contact_id: number; role: string; name: string | null }

/** The buying committee: contacts with their role on this opportunity, saved as a whole. */
export function ContactRolesTab({ id, canEdit }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roles = useContactRoles(id);
  const save = useSaveContactRoles(id);
  const [rows, setRows] = useState<Row[]>([]);
  const [adding, setAdding] = useState<number | null>(null);
  useEffect(() => setRows(roles.data ?? []), [roles.data]);
  const roleOptions = CONTACT_ROLES.map((r) => ({ value: r, label: t(`opportunities.roles.${r}`) }));
  const store = (next: Row[]) => save.mutate(next.map(({ contact_id, role }) => ({ contact_id, role })), { onError: (e) => message.error(errorText(t, e)) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Row>
        size="small"
        rowKey="contact_id"
        loading={roles.isLoading}
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('opportunities.contact'), render: (_, r) => <Link to={`/contacts/${r.contact_id}`}>{r.name ?? `#${r.contact_id}`}</Link> },
          {
            title: t('opportunities.role'),
            render: (_, r) => (
              <Select size="small" style={{ minWidth: 160 }} disabled={!canEdit} value={r.role} options={roleOptions}
                onChange={(role: string) => store(rows.map((x) => (x.contact_id === r.contact_id ? { ...x, role } : x)))} />
            ),
          },
          ...(canEdit ? [{
            key: 'remove', width: 48,
            render: (_: unknown, r: Row) => <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('opportunities.removeContact')}
              onClick={() => store(rows.filter((x) => x.contact_id !== r.contact_id))} />,
          }] : []),
        ]}
      />
      {canEdit ? (
        <Space>
          <RecordSelect target="contacts" style={{ minWidth: 220 }} placeholder={t('opportunities.contact')} value={adding} onChange={(v) => setAdding(typeof v === 'number' ? v : null)} />
          <Button icon={<PlusOutlined />} disabled={!adding} onClick={() => {
            if (adding) store([...rows, { contact_id: adding, role: 'other', name: null }]);
            setAdding(null);
          }}>{t('opportunities.addContact')}</Button>
        </Space>
      ) : null}
    </Space>
  );
}
