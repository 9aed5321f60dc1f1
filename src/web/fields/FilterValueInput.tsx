import { DatePicker, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../api/types.ts';
import { optionLabel } from './labels.ts';
import { linkTarget } from './layout.ts';
import { RecordSelect } from './RecordSelect.tsx';

function splitPair(v: string): [string, string] {
  const [a = '', b = ''] = v.split(',');
  return [a, b];
}

interface Props {
  object: string;
  field: FieldMeta;
  /** The operator the value is for (between: two ends; in/nin: several values). */
  op: string;
  value: string;
  onChange: (value: string) => void;
  onEnter?: () => void;
}

/** The value of one filter or condition, in the input that suits the field's type (the filter bar's and the condition builder's). */
export function FilterValueInput({ object, field, op, value, onChange, onEnter }: Props) {
  const { t } = useTranslation();
  const multi = op === 'in' || op === 'nin';
  switch (field.type) {
    case 'number':
    case 'money':
      if (op === 'between') {
        const [a, b] = splitPair(value);
        return (
          <Space.Compact style={{ width: '100%' }}>
            <InputNumber style={{ width: '50%' }} value={a === '' ? null : Number(a)} onChange={(x) => onChange(`${x ?? ''},${b}`)} />
            <InputNumber style={{ width: '50%' }} value={b === '' ? null : Number(b)} onChange={(x) => onChange(`${a},${x ?? ''}`)} />
          </Space.Compact>
        );
      }
      return <InputNumber style={{ width: '100%' }} value={value === '' ? null : Number(value)} onChange={(x) => onChange(x === null ? '' : String(x))} autoFocus />;
    case 'date':
    case 'datetime': {
      const isDT = field.type === 'datetime';
      const toDay = (s: string) => (s ? dayjs(s) : null);
      if (op === 'between') {
        const [a, b] = splitPair(value);
        return (
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            value={[toDay(a), toDay(b)]}
            onChange={(r) => {
              const [s, e] = (r ?? [null, null]) as [Dayjs | null, Dayjs | null];
              if (!s || !e) return onChange('');
              onChange(isDT ? `${s.startOf('day').toISOString()},${e.endOf('day').toISOString()}` : `${s.format('YYYY-MM-DD')},${e.format('YYYY-MM-DD')}`);
            }}
          />
        );
      } else {
        return (
          <DatePicker
            style={{ width: '100%' }}
            value={toDay(value)}
            onChange={(d: Dayjs | null) => {
              if (!d) return onChange('');
              if (!isDT) return onChange(d.format('YYYY-MM-DD'));
              onChange((op === 'gt' ? d.endOf('day') : d.startOf('day')).toISOString());
            }}
          />
        );
      }
    }
    case 'boolean':
      return (
        <Radio.Group value={value} onChange={(e) => onChange(e.target.value as string)}>
          <Radio value="true">{t('common.yes')}</Radio>
          <Radio value="false">{t('common.no')}</Radio>
        </Radio.Group>
      );
    case 'select':
    case 'multiselect':
      return (
        <Select
          mode={multi ? 'multiple' : undefined}
          style={{ width: '100%' }}
          value={value ? (multi ? value.split(',') : value) : multi ? [] : undefined}
          onChange={(v: string | string[]) => onChange(Array.isArray(v) ? v.join(',') : (v ?? ''))}
          options={(field.options ?? []).map((o) => ({ value: o.value, label: optionLabel(t, object, field, o.value) }))}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('common.selectPlaceholder')}
        />
      );
    case 'tags':
      return (
        <Select mode="tags" style={{ width: '100%' }} value={value ? value.split(',') : []} onChange={(v: string[]) => onChange(v.join(','))}
          open={false} suffixIcon={null} />
      );
    case 'link':
    case 'user':
      return (
        <RecordSelect
          target={linkTarget(field)!} // a link field always names its object
          withMe={field.type === 'user'}
          value={value ? (value === 'me' ? 'me' : Number(value)) : undefined}
          onChange={(v) => onChange(v === null || v === undefined ? '' : String(v))}
        />
      );
    default:
      return <Input value={value} onChange={(e) => onChange(e.target.value)} onPressEnter={onEnter} autoFocus />;
  }
}
