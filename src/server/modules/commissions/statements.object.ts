import type { ObjectDef, Row, WriteContext } from '../../records/types.ts';
import { opts } from '../../records/options.ts';
import { searchValues } from '../../records/search-values.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { visibleOwners } from '../../core/redact.ts';
import { orgCurrency } from '../../records/money.ts';
import { PERIOD_KINDS, STATEMENT_STATUSES } from '../../../shared/contracts/commissions.ts';
import { statementsLabels } from './statements.labels.ts';
import { periodOf } from './period.ts';
import { repOf } from './statements.repo.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export const locked = (status: string) =>
  new AppError('statement_locked', `This statement is ${status}: only a draft changes`, { reason: 'statement_locked', status });

const FIXED = ['user_id', 'period_kind', 'period_start'];

// A new statement: the period normalised to the month or quarter holding the given date, for a
// rep the caller's visibility covers (a manager makes statements for their team only); named
// "2026-Q3 Wang Fang" unless given a name. After creation only the note changes, and only until
// the statement is approved; status and amounts are written by the statement actions.
async function beforeStatementWrite(ctx: WriteContext, values: Row, existing: Row | null): Promise<void> {
  if (existing) {
    if (existing.status === 'approved' || existing.status === 'paid') throw locked(existing.status);
    const fixed = FIXED.filter((k) => values[k] !== undefined && String(values[k]) !== String(existing[k]));
    if (fixed.length) throw invalid(fixed.map((field) => ({ field, message: 'A statement keeps its rep and period', code: 'not_editable' })));
    return;
  }
  const userId = Number(values.user_id);
  const rep = await repOf(ctx.trx, userId);
  const seen = rep ? await visibleOwners(ctx.trx as Kysely<DB>, ctx.actor, 'commission_statements', [userId]) : new Set();
  if (!rep || !seen.has(userId)) throw invalid([{ field: 'user_id', message: 'No such rep in your team', code: 'unknown_user' }]);
  const p = periodOf(values.period_kind, String(values.period_start ?? new Date().toISOString().slice(0, 10)));
  Object.assign(values, { period_start: p.start, period_end: p.end, name: values.name || `${p.label} ${rep.name}`, status: 'draft', currency: await orgCurrency(ctx.trx), basis_total: '0', commission_total: '0' });
}

const money = (key: string) => ({ key, type: 'money' as const, system: true });

// Commission statements: one per rep (the owner: a rep sees their own, a manager the team's)
// per month or quarter; lines at GET /commission_statements/{id}/lines, written by generate.
export const statementsObject: ObjectDef = {
  name: 'commission_statements',
  singular: 'commission_statement',
  titleField: 'name',
  ownerField: 'user_id',
  currencyField: 'currency',
  fields: [
    { key: 'name', type: 'text', max: 300 },
    { key: 'user_id', type: 'user', required: true },
    { key: 'period_kind', type: 'select', required: true, options: opts(...PERIOD_KINDS) },
    { key: 'period_start', type: 'date' },
    { key: 'period_end', type: 'date', system: true },
    { key: 'status', type: 'select', system: true, options: opts(...STATEMENT_STATUSES) },
    { key: 'currency', type: 'text', system: true, max: 3 },
    money('basis_total'),
    money('commission_total'),
    { key: 'generated_at', type: 'datetime', system: true },
    { key: 'submitted_at', type: 'datetime', system: true },
    { key: 'approved_by', type: 'user', system: true },
    { key: 'approved_at', type: 'datetime', system: true },
    { key: 'paid_at', type: 'datetime', system: true },
    { key: 'note', type: 'longtext', max: 4000 },
    { key: 'created_by', type: 'user', system: true },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  labels: statementsLabels,
  ui: {
    menu: { group: 'sales', icon: 'DollarOutlined', order: 90 },
    recordPage: true,
    subtitle: ['user_id', 'period_kind', 'status'],
    listColumns: ['name', 'user_id', 'period_kind', 'period_start', 'status', 'commission_total'],
    quickCreate: ['user_id', 'period_kind', 'period_start'],
    sections: [
      { key: 'main', fields: ['name', 'user_id', 'period_kind', 'period_start', 'period_end', 'status'] },
      { key: 'amounts', fields: ['currency', 'basis_total', 'commission_total', 'generated_at'] },
      { key: 'approval', fields: ['submitted_at', 'approved_by', 'approved_at', 'paid_at'] },
      { key: 'notes', fields: ['note'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['created_by', 'created_at', 'updated_at'] },
    ],
    defaults: { user_id: '$me', period_kind: 'month' },
  },
  // Reps read their own; managers and administrators make, generate and delete (drafts).
  policy: { create: ['admin', 'manager'], update: ['admin', 'manager'], delete: ['admin', 'manager'] },
  search: {
    document: (r) => ({ names: searchValues(r, ['name']), other: [], notes: searchValues(r, ['note']) }),
    pinyin: 'person',
    subtitle: ['user_id', 'status'],
    global: false,
  },
  beforeWrite: beforeStatementWrite,
  beforeDelete: async (_ctx, row) => {
    if (row.status !== 'draft') throw locked(row.status);
  },
  notNull: ['name', 'user_id', 'period_kind', 'period_start', 'period_end', 'status', 'basis_total', 'commission_total'],
};
