import { useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditEntry, FieldMeta } from '../../api/types.ts';
import type { ObjectMetaFull } from '../../api/objects.ts';
import { fieldLabel, optionLabel } from '../../fields/labels.ts';
import { formatDateTime } from '../../i18n/format.ts';

/** What the page needs to turn stored values into words: the object's fields and user names. */
export interface AuditContext { meta: Map<string, ObjectMetaFull>; users: Map<number, string> }

function raw(v: unknown): string {
  if (v === null || v === undefined || v === '') return '∅';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatDateTime(v);
  if (Array.isArray(v)) return v.map(raw).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A stored value as a person reads it: option labels, user names, yes/no; raw otherwise. */
function show(t: TFunction, object: string, field: FieldMeta | undefined, ctx: AuditContext, v: unknown): string {
  if (v === null || v === undefined || v === '' || !field) return raw(v);
  if (field.options?.length) return (Array.isArray(v) ? v : [v]).map((x) => optionLabel(t, object, field, x)).join(', ');
  if ((field.type === 'user' || field.key === 'owner_id') && typeof v === 'number') return ctx.users.get(v) ?? `#${v}`;
  if (field.type === 'boolean' && typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  return raw(v);
}

const SHORT = 4;

/** Changes as one line per field, "label: old → new" (old struck out); other shapes as label: value lines. */
export function AuditChanges({ entry, ctx }: { entry: AuditEntry; ctx: AuditContext }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const c = entry.changes;
  if (!c || typeof c !== 'object') return null;
  const fields = new Map((ctx.meta.get(entry.object)?.fields ?? []).map((f) => [f.key, f]));
  const label = (k: string) => fieldLabel(t, entry.object, fields.get(k) ?? k);
  const value = (k: string, v: unknown) => show(t, entry.object, fields.get(k), ctx, v);
  const more = (n: number) => (n > SHORT && !open ? <a role="button" tabIndex={0} onClick={() => setOpen(true)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') setOpen(true); }}>{t('admin.audit.more', { count: n - SHORT })}</a> : null);
  const pairs = Object.entries(c).filter(([, v]) => Array.isArray(v) && v.length === 2) as [string, [unknown, unknown]][];
  if (pairs.length && pairs.length === Object.keys(c).length) {
    return (
      <div className="gx-changes">
        {(open ? pairs : pairs.slice(0, SHORT)).map(([k, [a, b]]) => (
          <div key={k}>
            <Typography.Text type="secondary">{label(k)}:</Typography.Text>{' '}
            <Typography.Text delete type="secondary">{value(k, a)}</Typography.Text> → <Typography.Text>{value(k, b)}</Typography.Text>
          </div>
        ))}
        {more(pairs.length)}
      </div>
    );
  }
  // Other shapes (before-images of deleted records, lists of changed settings): key: value lines.
  const source = 'before' in c && c.before && typeof c.before === 'object' ? (c.before as Record<string, unknown>) : c;
  const entries = Object.entries(source).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <div className="gx-changes">
      {'before' in c ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('admin.audit.before')}</Typography.Text> : null}
      {(open ? entries : entries.slice(0, SHORT)).map(([k, v]) => (
        <div key={k} style={{ wordBreak: 'break-word' }}>
          <Typography.Text type="secondary">{label(k)}:</Typography.Text> {value(k, v)}
        </div>
      ))}
      {more(entries.length)}
    </div>
  );
}
