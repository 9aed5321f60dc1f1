import { Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RECORD_ACTIONS, type RecordAction } from '../../../shared/objects.ts';
import { objectLabel } from '../../fields/labels.ts';

/** A role's own setting per object and action; an action left out follows the object's default policy. */
export type ObjectRules = Record<string, Partial<Record<RecordAction, boolean>>>;
type Choice = 'default' | 'allow' | 'deny';

const choiceOf = (v: boolean | undefined): Choice => (v === undefined ? 'default' : v ? 'allow' : 'deny');

/** Objects × actions: default / allowed / not allowed for the role being edited. */
export function ObjectActionsGrid({ objects, rules, onChange }: { objects: readonly string[]; rules: ObjectRules; onChange: (object: string, action: RecordAction, v: boolean | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('admin.roles.actions.hint')}</Typography.Paragraph>
      <Table<{ object: string }>
        size="small"
        rowKey="object"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={objects.map((object) => ({ object }))}
        data-testid="object-actions"
        columns={[
          { key: 'object', title: t('admin.roles.object'), fixed: 'left', render: (_, r) => objectLabel(t, r.object, true) },
          ...RECORD_ACTIONS.map((action) => ({
            key: action,
            title: t(`admin.roles.actions.${action}`),
            render: (_: unknown, r: { object: string }) => (
              <Select<Choice>
                size="small"
                style={{ width: 110 }}
                value={choiceOf(rules[r.object]?.[action])}
                aria-label={t('a11y.actionFor', { object: objectLabel(t, r.object, true), action: t(`admin.roles.actions.${action}`) })}
                onChange={(c) => onChange(r.object, action, c === 'default' ? undefined : c === 'allow')}
                options={(['default', 'allow', 'deny'] as const).map((c) => ({ value: c, label: t(`admin.roles.actions.${c}`) }))}
                data-testid={`action-${r.object}-${action}`}
              />
            ),
          })),
        ]}
      />
    </>
  );
}

/** The PATCH body part for the changes: a setting turned back to default goes as null (the server drops it). */
export function objectRulesPatch(before: ObjectRules, after: ObjectRules): Record<string, Partial<Record<RecordAction, boolean | null>>> {
  const out: Record<string, Partial<Record<RecordAction, boolean | null>>> = {};
  for (const o of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const changes: Partial<Record<RecordAction, boolean | null>> = {};
    for (const a of RECORD_ACTIONS) if (before[o]?.[a] !== after[o]?.[a]) changes[a] = after[o]?.[a] ?? null;
    if (Object.keys(changes).length) out[o] = changes;
  }
  return out;
}
