import type { FieldType, FilterOp } from './fields.ts';

// Which operators a condition may use on a field of each type: the builder offers these and the
// server's tree validation (records/conditions.ts) accepts only these, so the two never disagree.
const TEXT: FilterOp[] = ['eq', 'ne', 'contains', 'starts', 'in', 'nin', 'empty'];
const ORDERED: FilterOp[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'empty'];
const CHOICE: FilterOp[] = ['eq', 'ne', 'in', 'nin', 'empty'];

export const OPS_BY_TYPE: Record<FieldType, readonly FilterOp[]> = {
  text: TEXT,
  longtext: ['contains', 'starts', 'empty'],
  email: TEXT,
  phone: TEXT,
  url: TEXT,
  number: [...ORDERED, 'in', 'nin'],
  money: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  boolean: ['eq', 'ne', 'empty'],
  select: CHOICE,
  multiselect: ['in', 'nin', 'empty'],
  tags: ['in', 'nin', 'empty'],
  link: CHOICE,
  user: CHOICE,
};

/** Separator of a `between` value's two ends (`a..b`); `a,b` is read too, as flat filters always did. */
export function splitBetween(value: string): [string, string] | null {
  const parts = value.includes('..') ? value.split('..') : value.split(',');
  return parts.length === 2 ? [parts[0]!.trim(), parts[1]!.trim()] : null;
}
