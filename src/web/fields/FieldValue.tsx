import { Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApiRecord, FieldMeta } from '../api/types.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../i18n/format.ts';
import { optionLabel } from './labels.ts';
import { recordPath } from './layout.ts';
import { plainMentions } from '../../shared/mentions.ts';
import { useObjects } from '../api/objects.ts';

const TIER_COLORS: Record<string, string> = { vip: 'magenta', platinum: 'purple', gold: 'gold', silver: 'default', standard: 'default' };
const STATUS_COLORS: Record<string, string> = {
  lead: 'cyan', prospect: 'blue', active: 'green', loyal: 'geekblue', at_risk: 'orange', churned: 'red', inactive: 'default',
  open: 'blue', done: 'green', cancelled: 'default', urgent: 'red', high: 'orange', normal: 'blue', low: 'default',
  good: 'green', watch: 'gold', late: 'orange', blocked: 'red',
};

function optionColor(field: string, value: string): string | undefined {
  if (field === 'tier') return TIER_COLORS[value];
  return STATUS_COLORS[value];
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

interface Props {
  object: string;
  field: FieldMeta;
  record: ApiRecord;
  /** Table cells: one line, no wrapping. */
  compact?: boolean;
}

/** A field's value shown read-only, formatted for its type and the user's language. */
export function FieldValue({ object, field, record, compact }: Props) {
  const { t } = useTranslation();
  const v = record[field.key];
  if (isBlank(v)) return null;
  switch (field.type) {
    case 'email':
      return <a className="gx-plain-link" href={`mailto:${String(v)}`} onClick={(e) => e.stopPropagation()}>{String(v)}</a>;
    case 'phone':
      return <a className="gx-plain-link" href={`tel:${String(v).replace(/[^\d+]/g, '')}`} onClick={(e) => e.stopPropagation()}>{String(v)}</a>;
    case 'url': {
      const href = /^https?:\/\//i.test(String(v)) ? String(v) : `https://${String(v)}`;
      return <a href={href} target="_blank" rel="noreferrer noopener" onClick={(e) => e.stopPropagation()}>{String(v)}</a>;
    }
    case 'number':
      return <span className="gx-num">{formatNumber(v)}</span>;
    case 'money':
      return <span className="gx-num">{formatMoney(v, typeof record.currency === 'string' ? record.currency : undefined)}</span>;
    case 'date':
      return <span>{formatDate(v)}</span>;
    case 'datetime':
      return <span>{formatDateTime(v)}</span>;
    case 'boolean':
      return v ? <span><CheckOutlined /> {t('common.yes')}</span> : <span><CloseOutlined /> {t('common.no')}</span>;
    case 'select': {
      const s = String(v);
      return <Tag color={optionColor(field.key, s)} style={{ marginInlineEnd: 0 }}>{optionLabel(t, object, field, s)}</Tag>;
    }
    case 'multiselect':
    case 'tags': {
      const list = Array.isArray(v) ? v : [v];
      return (
        <span className={compact ? 'gx-tags-line' : undefined}>
          {list.map((x) => (
            <Tag key={String(x)}>{field.type === 'multiselect' ? optionLabel(t, object, field, x) : String(x)}</Tag>
          ))}
        </span>
      );
    }
    case 'link':
    case 'user': {
      const ref = record.refs?.[field.key];
      const title = ref?.title ?? `#${String(v)}`;
      return <RefLink target={field.type === 'user' ? 'users' : field.link} id={Number(v)} title={title} />;
    }
    case 'longtext':
      // @mention tokens (`@[Name](user:12)`) read as `@Name`.
      return compact ? <span>{plainMentions(String(v))}</span> : <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{plainMentions(String(v))}</Typography.Paragraph>;
    default:
      return <span>{String(v)}</span>;
  }
}

/** A linked record's title: a link when its object has a record page the user may open. */
function RefLink({ target, id, title }: { target: string | undefined; id: number; title: string }) {
  const descriptor = useObjects().data?.find((d) => d.name === target);
  const path = descriptor?.record_page ? recordPath(descriptor, id) : null;
  if (!path) return <span>{title}</span>;
  return <Link to={path} onClick={(e) => e.stopPropagation()}>{title}</Link>;
}
