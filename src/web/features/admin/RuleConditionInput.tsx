import { ConditionBuilder } from '../../components/ConditionBuilder.tsx';
import { MATCH_ALL, type ConditionGroup } from '../../../shared/contracts/conditions.ts';

/** The rule's condition as a Form.Item child (value/onChange), built with the shared condition builder. */
export function RuleConditionInput({ object, value, onChange }: { object: string; value?: ConditionGroup; onChange?: (v: ConditionGroup) => void }) {
  return <ConditionBuilder object={object} value={value ?? MATCH_ALL} onChange={(v) => onChange?.(v)} />;
}
