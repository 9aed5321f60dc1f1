import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiRecord, FieldMeta } from '../api/types.ts';
import { currencySymbol } from '../i18n/format.ts';
import { fieldLabel, optionLabel } from './labels.ts';
import { linkTarget } from './layout.ts';
import { PhoneInput } from './PhoneInput.tsx';
import { fieldAria, type FieldAria } from './aria.ts';
import { RecordSelect } from './RecordSelect.tsx';
import { MentionTextArea } from './MentionTextArea.tsx';
import { WorkingDaysInput } from '../features/calendars/WorkingDaysInput.tsx';

// Due fields that offer "in N working days" (the default business calendar) beside the picker.
const WORKING_DAYS_FIELDS = new Set(['tasks.due_at']);

interface InputProps extends FieldAria {
  object: string;
  field: FieldMeta;
  record?: ApiRecord | null;
  value?: any;
  onChange?: (v: any) => void;
  id?: string;
  disabled?: boolean;
  autoFocus?: boolean;
}

/** The input for one field type. Values stay in API form (strings for dates, ids for links). */
export function FieldInput(props: InputProps) {
  const { object, field, record, value, onChange, id, disabled, autoFocus } = props;
  const { t } = useTranslation();
  // The form item's error/hint ties (aria-describedby, aria-invalid) go on to the real input.
  const common = { id, disabled, autoFocus, ...fieldAria(props) };
  switch (field.type) {
    case 'longtext':
      if (field.mentions) return <MentionTextArea {...common} value={value} onChange={onChange} />;
      return <Input.TextArea {...common} value={value ?? ''} onChange={(e) => onChange?.(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} />;
    case 'email':
      return <Input {...common} type="email" autoComplete="email" value={value ?? ''} onChange={(e) => onChange?.(e.target.value)} />;
    case 'url':
      return <Input {...common} type="url" value={value ?? ''} onChange={(e) => onChange?.(e.target.value)} placeholder="https://" />;
    case 'phone':
      return <PhoneInput {...common} value={value} onChange={onChange} />;
    case 'number':
      return <InputNumber {...common} value={value} onChange={(v) => onChange?.(v ?? null)} style={{ width: '100%' }} />;
    case 'money':
      return (
        <InputNumber
          {...common}
          value={value}
          onChange={(v) => onChange?.(v ?? null)}
          style={{ width: '100%' }}
          prefix={currencySymbol(typeof record?.currency === 'string' && record.currency ? record.currency : undefined)}
          stringMode
          min={-1e15}
          max={1e15}
          step={100}
          formatter={(v) => (v === undefined || v === null || v === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
          parser={(v) => (v ? v.replace(/,/g, '') : '') as unknown as number}
        />
      );
    case 'date':
      return (
        <DatePicker
          {...common}
          style={{ width: '100%' }}
          value={value ? dayjs(value) : null}
          onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
        />
      );
    case 'datetime': {
      const picker = (
        <DatePicker
          {...common}
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%', flex: '1 1 200px' }}
          value={value ? dayjs(value) : null}
          onChange={(d: Dayjs | null) => onChange?.(d ? d.toISOString() : null)}
        />
      );
      if (!WORKING_DAYS_FIELDS.has(`${object}.${field.key}`)) return picker;
      return (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {picker}
          <WorkingDaysInput disabled={disabled} onPick={(iso) => onChange?.(iso)} />
        </div>
      );
    }
    case 'boolean':
      return <Switch {...common} checked={Boolean(value)} onChange={(c) => onChange?.(c)} />;
    case 'select':
    case 'multiselect':
      return (
        <Select
          {...common}
          mode={field.type === 'multiselect' ? 'multiple' : undefined}
          allowClear
          value={value ?? undefined}
          onChange={(v) => onChange?.(v ?? null)}
          showSearch={{ optionFilterProp: 'label' }}
          options={(field.options ?? []).map((o) => ({ value: o.value, label: optionLabel(t, object, field, o.value) }))}
          placeholder={t('common.selectPlaceholder')}
        />
      );
    case 'tags':
      return <Select {...common} mode="tags" value={value ?? []} onChange={(v) => onChange?.(v)} tokenSeparators={[',', '，', ';', '；']} open={false} suffixIcon={null} />;
    case 'link':
    case 'user': {
      const target = linkTarget(field)!; // a link field always names its object
      const ref = record?.refs?.[field.key];
      return (
        <RecordSelect
          {...common}
          target={target}
          value={value}
          onChange={onChange}
          initialOptions={ref ? [{ value: ref.id, label: ref.title }] : undefined}
        />
      );
    }
    default:
      return <Input {...common} value={value ?? ''} onChange={(e) => onChange?.(e.target.value)} autoComplete={field.key === 'name' ? 'name' : undefined} />;
  }
}

export function fieldRules(t: ReturnType<typeof useTranslation>['t'], object: string, f: FieldMeta): Rule[] {
  const rules: Rule[] = [];
  const label = fieldLabel(t, object, f);
  if (f.required) rules.push({ required: true, whitespace: true, message: t('form.required', { field: label }) });
  if (f.type === 'email') rules.push({ type: 'email', message: t('form.invalidEmail') });
  if (f.type === 'url') rules.push({ pattern: /^(https?:\/\/)?[^\s.]+\.[^\s]{2,}$/i, message: t('form.invalidUrl') });
  if (f.type === 'phone') rules.push({ pattern: /^\+?[0-9()\-.\s/]{3,40}(?:\s*(?:ext\.?|x|转)\s*\d{1,6})?$/i, message: t('form.invalidPhone') });
  return rules;
}

interface ItemProps {
  object: string;
  field: FieldMeta;
  record?: ApiRecord | null;
  autoFocus?: boolean;
}

/** A Form.Item for a field: label, rules, help for the name, the right input. */
export function FieldFormItem({ object, field, record, autoFocus }: ItemProps) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={field.key}
      label={fieldLabel(t, object, field)}
      rules={fieldRules(t, object, field)}
      extra={object === 'contacts' && field.key === 'name' ? t('form.nameHint') : undefined}
      tooltip={field.readonly ? t('form.forbiddenField') : undefined}
    >
      <FieldInput object={object} field={field} record={record} disabled={field.readonly} autoFocus={autoFocus} />
    </Form.Item>
  );
}
