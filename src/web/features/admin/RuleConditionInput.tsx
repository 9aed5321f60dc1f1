import { useState } from 'react';
import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConditionGroup } from '../../../shared/contracts/conditions.ts';

/**
 * The rule's condition in a form. PLACEHOLDER until the ConditionBuilder component (branch
 * h-conditions) is merged: the tree as JSON; the server checks it (invalid_condition).
 */
export function RuleConditionInput({ value, onChange }: { object: string; value?: ConditionGroup; onChange?: (v: ConditionGroup) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [bad, setBad] = useState(false);
  return (
    <>
      <Input.TextArea rows={6} value={text} status={bad ? 'error' : undefined} style={{ fontFamily: 'monospace' }}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange?.(JSON.parse(e.target.value) as ConditionGroup);
            setBad(false);
          } catch {
            setBad(true);
          }
        }} />
      {bad ? <Typography.Text type="danger">{t('admin.assignment.badJson')}</Typography.Text> : null}
    </>
  );
}
