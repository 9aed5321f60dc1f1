import { useState } from 'react';
import { Mentions } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { useDebounced } from '../lib/useDebounced.ts';

interface Props {
  value?: string | null;
  onChange?: (v: string) => void;
  id?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  rows?: { minRows: number; maxRows: number };
}

/**
 * Long text where typing @ offers users: the choice is written as `@[Name](user:12)`
 * (src/shared/mentions.ts), so the server knows exactly who is meant (two people may share a name).
 */
export function MentionTextArea({ value, onChange, rows = { minRows: 3, maxRows: 10 }, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState<string | null>(null);
  const q = useDebounced(search, 200);
  const users = useQuery({
    queryKey: ['mention-users', q],
    queryFn: () => api.get<Page<{ id: number; name: string; email: string }>>('/users', { q: q || undefined, limit: 8 }),
    enabled: q !== null,
    staleTime: 60_000,
  });
  const options = (users.data?.data ?? []).map((u) => ({
    key: String(u.id),
    // Inserted after the @ prefix: the token the server reads.
    value: `[${u.name.replace(/[\]\r\n]/g, ' ')}](user:${u.id})`,
    label: <span>{u.name} <span style={{ opacity: 0.6, fontSize: 12 }}>{u.email}</span></span>,
  }));
  return (
    <Mentions
      {...rest}
      value={value ?? ''}
      onChange={(v) => onChange?.(v)}
      onSearch={(text) => setSearch(text)}
      options={options}
      filterOption={false}
      loading={users.isFetching}
      notFoundContent={t('mentions.noUsers')}
      autoSize={rows}
      data-testid="mention-input"
    />
  );
}
