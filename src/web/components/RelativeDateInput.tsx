import { InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../api/types.ts';
import { FilterValueInput } from '../fields/FilterValueInput.tsx';
import { formatRelativeDate, parseRelativeDate, type RelativeUnit } from '../../shared/relative-dates.ts';

interface Props {
  object: string;
  field: FieldMeta;
  op: string;
  value: string;
  onChange: (v: string) => void;
}

type Mode = 'date' | 'ago' | 'ahead' | 'today';

/**
 * A date condition's value: a calendar date, or one relative to the day the rule runs
 * (`today-90d`: "90 days ago", stored as words so a saved view keeps meaning "the last 90 days").
 */
export function RelativeDateInput({ object, field, op, value, onChange }: Props) {
  const { t } = useTranslation();
  const rel = parseRelativeDate(value);
  const mode: Mode = !rel ? 'date' : rel.amount === 0 ? 'today' : rel.amount < 0 ? 'ago' : 'ahead';
  const amount = rel ? Math.abs(rel.amount) : 30;
  const unit: RelativeUnit = rel && rel.amount !== 0 ? rel.unit : 'd';
  const write = (m: Mode, n: number, u: RelativeUnit) =>
    onChange(m === 'date' ? '' : formatRelativeDate({ base: 'today', amount: m === 'today' ? 0 : m === 'ago' ? -n : n, unit: u }));
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<Mode> style={{ width: 120 }} value={mode} onChange={(m) => write(m, amount, unit)} aria-label={t('conditions.dateMode')} data-testid="condition-date-mode"
        options={(['date', 'today', 'ago', 'ahead'] as const).map((m) => ({ value: m, label: t(`conditions.dateModes.${m}`) }))} />
      {mode === 'date' ? (
        <FilterValueInput object={object} field={field} op={op} value={value} onChange={onChange} />
      ) : mode === 'today' ? null : (
        <>
          <InputNumber style={{ width: 80 }} min={1} max={99999} value={amount} onChange={(n) => write(mode, n ?? 1, unit)} aria-label={t('conditions.amount')} data-testid="condition-date-amount" />
          <Select<RelativeUnit> style={{ width: 90 }} value={unit} onChange={(u) => write(mode, amount, u)} aria-label={t('conditions.unit')}
            options={(['d', 'w', 'mo', 'y'] as const).map((u) => ({ value: u, label: t(`conditions.units.${u}`) }))} />
        </>
      )}
    </Space.Compact>
  );
}
