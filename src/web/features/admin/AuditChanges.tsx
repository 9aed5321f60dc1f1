import { useState } from 'react';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditEntry, FieldMeta } from '../../api/types.ts';
import type { ObjectMetaFull } from '../../api/objects.ts';
import { fieldLabel, objectLabel, optionLabel } from '../../fields/labels.ts';
import { permissionChanges, permissionValue, settingsFieldLabel, settingsValue, type SettingsNames } from './auditSettings.ts';
import { formatDateTime } from '../../i18n/format.ts';

/** What the page needs to turn stored values into words: the objects' fields, user and team names, languages. */
export interface AuditContext extends SettingsNames { meta: Map<string, ObjectMetaFull> }

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
  const meta = ctx.meta.get(entry.object);
  const fields = new Map((meta?.fields ?? []).map((f) => [f.key, f]));
  // Record objects label their keys from their descriptor; users, roles, settings… from links.auditFields.
  const label = (k: string) => (meta ? fieldLabel(t, entry.object, fields.get(k) ?? k) : settingsFieldLabel(t, k));
  const value = (k: string, v: unknown) => (meta ? null : settingsValue(t, k, v, ctx)) ?? show(t, entry.object, fields.get(k), ctx, v);
  const more = (n: number) => (n > SHORT && !open ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(true)}>{t('admin.audit.more', { count: n - SHORT })}</Button> : null);
  if (entry.object === 'roles' && 'before' in c && 'after' in c) return <RoleChanges entry={entry} />;
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

/** A permission path in words: "Field rules · Contacts · Phone", "Visibility · All objects". */
function permissionPath(t: TFunction, path: string[]): string {
  const [section, object, rest] = path;
  const parts = [settingsFieldLabel(t, section)];
  if (object !== undefined) parts.push(object === '*' ? t('links.allObjects') : section === 'can' ? settingsFieldLabel(t, object) : objectLabel(t, object, true));
  if (rest !== undefined) parts.push(section === 'field_rules' ? fieldLabel(t, object, rest) : settingsFieldLabel(t, rest));
  return parts.join(' · ');
}

/** A role update: the role, then each permission that changed as "path: old → new". */
function RoleChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const c = entry.changes as { role?: string; before: unknown; after: unknown };
  const changes = permissionChanges(c.before, c.after);
  return (
    <div className="gx-changes">
      {c.role ? <div><Typography.Text type="secondary">{settingsFieldLabel(t, 'role')}:</Typography.Text> {settingsValue(t, 'role', c.role, { users: new Map(), teams: new Map(), languages: new Map() })}</div> : null}
      {changes.map((x) => (
        <div key={x.path.join('.')}>
          <Typography.Text type="secondary">{permissionPath(t, x.path)}:</Typography.Text>{' '}
          <Typography.Text delete type="secondary">{permissionValue(t, x.before)}</Typography.Text> → <Typography.Text>{permissionValue(t, x.after)}</Typography.Text>
        </div>
      ))}
    </div>
  );
}
