import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { FieldMeta, Filter, FilterOp } from '../../api/types.ts';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format.ts';
import { optionLabel } from '../../fields/labels.ts';

/** UI operators: the API's, plus "is not empty" (empty=false) as its own choice. */
export type UiOp = FilterOp | 'notEmpty';

const TEXT: UiOp[] = ['contains', 'eq', 'ne', 'starts', 'empty', 'notEmpty'];
const NUMBER: UiOp[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'notEmpty'];
const DATE: UiOp[] = ['between', 'lt', 'gt', 'eq', 'empty', 'notEmpty'];
const DATETIME: UiOp[] = ['between', 'lt', 'gt', 'empty', 'notEmpty'];
const CHOICE: UiOp[] = ['in', 'nin', 'empty', 'notEmpty'];
const LINK: UiOp[] = ['eq', 'ne', 'empty', 'notEmpty'];

export function opsFor(f: FieldMeta): UiOp[] {
  switch (f.type) {
    case 'number':
    case 'money':
      return NUMBER;
    case 'date':
      return DATE;
    case 'datetime':
      return DATETIME;
    case 'boolean':
      return ['eq'];
    case 'select':
    case 'multiselect':
    case 'tags':
      return CHOICE;
    case 'link':
    case 'user':
      return LINK;
    default:
      return TEXT;
  }
}

export function toUiOp(f: Filter): UiOp {
  return f.op === 'empty' && f.value === 'false' ? 'notEmpty' : f.op;
}

export function fromUiOp(op: UiOp, value: string): { op: FilterOp; value: string } {
  if (op === 'notEmpty') return { op: 'empty', value: 'false' };
  if (op === 'empty') return { op: 'empty', value: 'true' };
  return { op, value };
}

export function opLabel(t: TFunction, f: FieldMeta | undefined, op: UiOp): string {
  if (f && (f.type === 'date' || f.type === 'datetime')) {
    if (op === 'lt') return t('filter.ops.before');
    if (op === 'gt') return t('filter.ops.after');
    if (op === 'eq') return t('filter.ops.on');
  }
  return t(`filter.ops.${op}`);
}

/** The query-string form the API reads: filter[field][op]=value, repeated when needed. */
export function filterParams(filters: Filter[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of filters) {
    const k = `filter[${f.field}][${f.op}]`;
    (out[k] ??= []).push(f.value);
  }
  return out;
}

/** The value of a filter as the chip shows it. */
export function valueLabel(t: TFunction, object: string, f: FieldMeta | undefined, filter: Filter, refTitle?: string): string {
  if (filter.op === 'empty') return '';
  const v = filter.value;
  if (!f) return v;
  switch (f.type) {
    case 'boolean':
      return v === 'true' ? t('common.yes') : t('common.no');
    case 'select':
    case 'multiselect':
      return v.split(',').map((x) => optionLabel(t, object, f, x)).join(', ');
    case 'money':
      return v.split(',').map((x) => formatMoney(Number(x))).join(' – ');
    case 'number':
      return v.split(',').map((x) => formatNumber(Number(x))).join(' – ');
    case 'date':
      return v.split(',').map((x) => formatDate(x)).join(' – ');
    case 'datetime':
      return v.split(',').map((x) => formatDate(dayjs(x).format('YYYY-MM-DD'))).join(' – ');
    case 'user':
      return v === 'me' ? t('common.me') : (refTitle ?? `#${v}`);
    case 'link':
      return refTitle ?? `#${v}`;
    default:
      return v;
  }
}
