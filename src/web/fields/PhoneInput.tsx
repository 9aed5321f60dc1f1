import { useMemo } from 'react';
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.ts';

const CODES = ['+86', '+852', '+853', '+886', '+1', '+44', '+61', '+65', '+60', '+81', '+82', '+49', '+33', '+971'];

function split(value: string | null | undefined, fallback: string): [string, string] {
  const v = (value ?? '').trim();
  const m = /^(\+\d{1,4})[\s-]*(.*)$/.exec(v);
  if (m && CODES.includes(m[1]!)) return [m[1]!, m[2]!];
  if (v.startsWith('+')) return ['', v];
  return [fallback, v];
}

interface Props {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  disabled?: boolean;
}

/** A phone number with its country code (+86 unless the language suggests otherwise). */
export function PhoneInput({ value, onChange, id, disabled }: Props) {
  const { t } = useTranslation();
  const fallback = currentLocale() === 'zh-TW' ? '+886' : '+86';
  const [code, number] = useMemo(() => split(value, fallback), [value, fallback]);
  const emit = (c: string, n: string) => {
    const clean = n.trim();
    if (!clean) return onChange?.(null);
    onChange?.(clean.startsWith('+') || !c ? clean : `${c} ${clean}`);
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        aria-label={t('form.countryCode')}
        value={code || undefined}
        disabled={disabled}
        style={{ width: 96, flex: 'none' }}
        options={CODES.map((c) => ({ value: c, label: c }))}
        onChange={(c: string) => emit(c, number)}
        popupMatchSelectWidth={false}
      />
      <Input id={id} type="tel" inputMode="tel" autoComplete="tel" disabled={disabled} value={number} onChange={(e) => emit(code, e.target.value)} />
    </Space.Compact>
  );
}
