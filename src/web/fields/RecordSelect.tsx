import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiRecord, Page, User } from '../api/types.ts';
import { useDebounced } from '../lib/useDebounced.ts';
import { useObject } from '../api/objects.ts';
import { useRefTitle } from './useRefTitle.ts';
import { objectLabel } from './labels.ts';
import { fieldAria, type FieldAria } from './aria.ts';

interface Props extends FieldAria {
  /** 'users' or a record object. */
  target: string;
  value?: number | number[] | string | null;
  onChange?: (v: any) => void;
  /** Titles of values already chosen (from the record's refs), so the select shows names, not ids. */
  initialOptions?: { value: number | string; label: string }[];
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Offer "Me" first (filters by owner). */
  withMe?: boolean;
  style?: React.CSSProperties;
  id?: string;
  autoFocus?: boolean;
  /** The name screen readers give it where no form label points at it (a table cell, a filter bar). */
  ariaLabel?: string;
}

/** A searchable select over records or users, asking the server as the user types. */
export function RecordSelect(props: Props) {
  const { target, value, onChange, initialOptions, multiple, placeholder, allowClear = true, disabled, withMe, style, id, autoFocus, ariaLabel } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const [known, setKnown] = useState<Map<string, string>>(() => new Map((initialOptions ?? []).map((o) => [String(o.value), o.label])));
  const [open, setOpen] = useState(false);
  const title = useObject(target)?.title_field ?? 'name';

  const results = useQuery({
    queryKey: ['pick', target, q, title],
    enabled: open || q !== '',
    staleTime: 30_000,
    queryFn: async () => {
      if (target === 'users') {
        const r = await api.get<Page<User>>('/users', { q: q || undefined, limit: 20 });
        return r.data.map((u) => ({ value: u.id, label: u.name, sub: u.email }));
      }
      const r = await api.get<Page<ApiRecord>>(`/${target}`, { q: q || undefined, limit: 20, ...(q ? {} : { sort: title }) });
      return r.data.map((rec) => ({ value: rec.id, label: String(rec[title] ?? `#${rec.id}`), sub: '' }));
    },
  });

  // A single chosen value we have no title for yet (defaults, saved filters): ask for it.
  const single = !Array.isArray(value) && value !== null && value !== undefined && value !== 'me' ? String(value) : null;
  const missingTitle = useRefTitle(target, single, single !== null && !known.has(single) && !(results.data ?? []).some((o) => String(o.value) === single));

  const options = useMemo(() => {
    const list: { value: number | string; label: string; sub?: string }[] = [];
    const seen = new Set<string>();
    if (withMe) {
      list.push({ value: 'me', label: t('common.me') });
      seen.add('me');
    }
    for (const o of results.data ?? []) {
      if (!seen.has(String(o.value))) {
        list.push(o);
        seen.add(String(o.value));
      }
    }
    const selected = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
    for (const v of selected) {
      if (!seen.has(String(v))) list.unshift({ value: v, label: known.get(String(v)) ?? (String(v) === single && missingTitle ? missingTitle : `#${String(v)}`) });
    }
    return list;
  }, [results.data, value, known, withMe, t, single, missingTitle]);

  const searchPlaceholder = target === 'users' ? t('form.searchUser') : t('form.searchRecords', { objects: objectLabel(t, target, true) });

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      {...fieldAria(props)}
      autoFocus={autoFocus}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      style={{ width: '100%', ...style }}
      placeholder={placeholder ?? searchPlaceholder}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={results.isFetching}
      onOpenChange={setOpen}
      notFoundContent={results.isFetching ? t('common.loading') : t('common.noMatches')}
      options={options.map((o) => ({ value: o.value, label: o.label, sub: o.sub }))}
      optionRender={(o) => (
        <span>
          {o.label}
          {o.data.sub ? <span style={{ color: '#595959', marginInlineStart: 8, fontSize: 12 }}>{o.data.sub}</span> : null}
        </span>
      )}
      onChange={(v, opt) => {
        const picked = Array.isArray(opt) ? opt : opt ? [opt] : [];
        setKnown((m) => {
          const next = new Map(m);
          for (const o of picked) if (o && 'value' in o) next.set(String(o.value), String(o.label));
          return next;
        });
        setSearch('');
        onChange?.(v ?? null);
      }}
    />
  );
}
