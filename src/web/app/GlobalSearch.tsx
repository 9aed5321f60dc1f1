import { useEffect, useMemo, useRef, useState } from 'react';
import { isTyping } from '../lib/keys.ts';
import { AutoComplete, Typography } from 'antd';
import type { RefSelectProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useObjects } from '../api/objects.ts';
import type { SearchHit } from '../api/types.ts';
import { objectLabel } from '../fields/labels.ts';
import { inMenuOrder } from './nav.tsx';
import { useDebounced } from '../lib/useDebounced.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Top-bar search over the objects whose definitions put them in global search (hits name their object's singular); Ctrl/⌘+K focuses it from anywhere. */
export function GlobalSearch({ autoFocus, onDone }: { autoFocus?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 200);
  const inputRef = useRef<RefSelectProps>(null);
  const objects = useObjects().data;
  // A hit's `type` is its object's singular: the descriptors say which object (and route) that is.
  const searched = inMenuOrder(objects ?? []).filter((d) => d.features.search).map((d) => objectLabel(t, d.name, true).toLowerCase());
  const objectOf = useMemo(() => new Map((objects ?? []).map((d) => [d.singular, d.name])), [objects]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Ctrl/⌘K anywhere; `/` when not typing in a field (lib/keys.ts), as on GitHub and Gmail.
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e);
      if (slash || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k')) {
        e.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const results = useQuery({
    queryKey: ['search', q],
    enabled: q.length > 0,
    queryFn: async ({ signal }) => (await api.get<{ data: SearchHit[] }>('/search', { q, limit: 12 }, { signal })).data,
    staleTime: 10_000,
  });

  // One flat list, hits of one object together, each naming its object: grouped options put a
  // heading (role presentation) into the list screen readers are given, beside the active hit,
  // with aria-selected on it, which that role does not allow. The aria-label is what the hidden
  // accessible copy of the list reads for a hit.
  const options = useMemo(() => {
    const hits = (results.data ?? []).filter((h) => objectOf.has(h.type));
    const order = [...new Set(hits.map((h) => h.type))];
    return order.flatMap((type) => {
      const kind = objectLabel(t, objectOf.get(type)!, true);
      return hits.filter((h) => h.type === type).map((h) => ({
        value: `${type}:${h.id}`,
        'aria-label': `${h.title} · ${kind}${h.subtitle ? ` · ${h.subtitle}` : ''}`,
        label: (
          <div className="gx-search-hit" data-testid="search-hit">
            <div className="gx-search-head">
              <span className="gx-search-title">{h.title}</span>
              <span className="gx-search-kind">{kind}</span>
            </div>
            {h.subtitle ? <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{h.subtitle}</Typography.Text> : null}
          </div>
        ),
      }));
    });
  }, [results.data, t, objectOf]);

  const empty = q && !results.isFetching && results.data && results.data.length === 0;

  return (
    <AutoComplete
      className="gx-global-search"
      value={text}
      options={options}
      onChange={(v: string) => {
        // Choosing a hit sets its `type:id` value: that is not text to search for.
        if (!options.some((o) => o.value === v)) setText(String(v ?? ''));
      }}
      onSelect={(v: string) => {
        const [type, id] = v.split(':');
        setText('');
        onDone?.();
        navigate(`/${objectOf.get(type!)}/${id}`);
      }}
      notFoundContent={empty ? t('topbar.noResults', { q }) : results.isFetching ? t('topbar.searching') : null}
      popupMatchSelectWidth={360}
      // The first hit is active: the input's aria-activedescendant names a real option (not
      // `…_list_-1`) and Enter opens the top hit.
      defaultActiveFirstOption
      style={{ width: '100%' }}
      ref={inputRef}
      autoFocus={autoFocus}
      prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
      suffixIcon={text ? null : <span className="gx-kbd">{isMac ? '⌘K' : 'Ctrl K'}</span>}
      placeholder={t('topbar.searchPlaceholder', { objects: searched.join(t('topbar.searchSeparator')), interpolation: { escapeValue: false } })}
      allowClear
      aria-label={t('common.search')}
      data-testid="global-search"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setText('');
          (e.target as HTMLInputElement).blur();
        }
      }}
    />
  );
}
