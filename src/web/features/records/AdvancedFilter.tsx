import { useState } from 'react';
import { Badge, Button, Drawer, Modal, Space, Typography } from 'antd';
import { CodeOutlined, FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { isAdmin, useMe } from '../../api/hooks.ts';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { ConditionBuilder, completeTree } from '../../components/ConditionBuilder.tsx';
import { MATCH_ALL, type ConditionGroup } from '../../../shared/contracts/conditions.ts';

/** Leaves in a tree (related conditions count once, with their own). */
export function conditionCount(g: ConditionGroup): number {
  return g.conditions.reduce((n, c) => n + (c.kind === 'group' ? conditionCount(c) : c.kind === 'related' ? 1 + conditionCount(c.where) : 1), 0);
}

interface Props {
  object: string;
  value: ConditionGroup;
  onApply: (v: ConditionGroup) => void;
}

/** The list's advanced filter: a condition tree edited in a drawer, applied on "Apply"; administrators may see its SQL. */
export function AdvancedFilter({ object, value, onApply }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ConditionGroup>(value);
  const [shown, setShown] = useState<{ sql: string; parameters: unknown[] } | string | null>(null);
  const n = conditionCount(value);
  const showSql = async () => {
    try {
      setShown((await api.post<{ data: { sql: string; parameters: unknown[] } }>(`/${object}/conditions/sql`, { conditions: completeTree(draft) })).data);
    } catch (e) {
      setShown(errorText(t, e));
    }
  };
  const actions = (
    <Space wrap style={isPhone ? { justifyContent: 'flex-end', width: '100%' } : undefined}>
      {isAdmin(me.data) ? <Button icon={<CodeOutlined />} onClick={() => void showSql()} data-testid="show-sql">{t('conditions.showSql')}</Button> : null}
      <Button onClick={() => setDraft(MATCH_ALL)}>{t('filter.clear')}</Button>
      <Button type="primary" onClick={() => { onApply(completeTree(draft)); setOpen(false); }} data-testid="conditions-apply">{t('common.apply')}</Button>
    </Space>
  );
  return (
    <>
      <Badge count={n} size="small">
        <Button icon={<FilterOutlined />} onClick={() => { setDraft(value); setOpen(true); }} data-testid="advanced-filter">{isPhone ? null : t('conditions.advanced')}</Button>
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('conditions.title')}
        size={isPhone ? '100%' : 720}
        destroyOnHidden
        // On a phone the actions sit under the builder, so the title keeps its line.
        {...{ [isPhone ? 'footer' : 'extra']: actions }}
      >
        <ConditionBuilder object={object} value={draft} onChange={setDraft} />
      </Drawer>
      <Modal open={shown !== null} onCancel={() => setShown(null)} footer={null} title={t('conditions.sqlTitle')} width={760}>
        {typeof shown === 'string' ? <Typography.Text type="danger">{shown}</Typography.Text> : shown ? (
          <>
            <pre className="gx-sql" data-testid="sql-text">{shown.sql}</pre>
            <Typography.Text type="secondary">{t('conditions.parameters')}</Typography.Text>
            <pre className="gx-sql">{JSON.stringify(shown.parameters)}</pre>
          </>
        ) : null}
      </Modal>
    </>
  );
}
