import { useMemo } from 'react';
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../api/hooks.ts';
import { CODES, joinPhone, splitPhone } from './phoneCode.ts';
import { fieldAria, type FieldAria } from './aria.ts';

interface Props extends FieldAria {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  disabled?: boolean;
}

/** A phone number with its country code: the number's own, else the organisation's default region's. */
export function PhoneInput(props: Props) {
  const { value, onChange, id, disabled } = props;
  const { t } = useTranslation();
  // Until the settings arrive the default ('CN', as on the server) stands in.
  const region = useSettings().data?.phone_region ?? 'CN';
  const [code, number] = useMemo(() => splitPhone(value, region), [value, region]);
  const emit = (c: string, n: string) => onChange?.(joinPhone(c, n));
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
      <Input id={id} {...fieldAria(props)} type="tel" inputMode="tel" autoComplete="tel" disabled={disabled} value={number} onChange={(e) => emit(code, e.target.value)} />
    </Space.Compact>
  );
}
