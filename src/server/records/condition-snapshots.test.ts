import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { DEFAULT_ROLES, type Actor } from '../core/access.ts';
import { explainConditionSql } from './conditions.ts';
import { getObject } from './registry.ts';
import type { Condition, ConditionGroup } from '../../shared/contracts/conditions.ts';

// The SQL condition trees compile to, checked in like the engine's list statements
// (sql-snapshots.test.ts) at __sql__/_conditions.sql, so a change of what a stored rule runs shows
// in review. Relative dates resolve against a fixed moment here. After an intended change:
// UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/server/records/condition-snapshots.test.ts
const t = useTestApp();
const FILE = path.join(import.meta.dirname, '__sql__', '_conditions.sql');
const NOW = new Date('2024-05-01T08:00:00Z');

const group = (match: 'all' | 'any', ...conditions: Condition[]): ConditionGroup => ({ kind: 'group', match, conditions });
const leaf = (field: string, op: FieldOp, value: string): Condition => ({ kind: 'field', field, op, value });
type FieldOp = Extract<Condition, { kind: 'field' }>['op'];

const TREES: [string, ConditionGroup][] = [
  ['and / or / not', group('all', leaf('industry', 'contains', 'retail'), { ...group('any', leaf('employees', 'gte', '100'), leaf('tags', 'in', 'vip,new')), negate: true })],
  ['a task due in the last 90 days', group('all', { kind: 'related', object: 'tasks', via: 'account_id', where: group('all', leaf('due_at', 'gte', 'today-90d')) })],
  ['no open task', group('all', { kind: 'related', object: 'tasks', via: 'account_id', where: group('all', leaf('status', 'eq', 'open')), quantifier: 'none' })],
  ['more than 2 activities', group('all', { kind: 'related', object: 'activities', via: 'account_id', where: group('all'), quantifier: 'count', op: 'gt', value: '2' })],
  ['activity minutes over 60', group('all', { kind: 'related', object: 'activities', via: 'account_id', where: group('all'), quantifier: 'sum', field: 'duration_minutes', op: 'gt', value: '60' })],
];

function actors(): [string, Actor][] {
  const base = { email: 'x@test.guanxi', name: 'x', team_id: 7, locale: 'en' };
  return [
    ['admin', { ...base, id: 101, role: 'admin', permissions: DEFAULT_ROLES.admin!.permissions }],
    ['own records', { ...base, id: 102, role: 'sales', permissions: DEFAULT_ROLES.sales!.permissions }],
  ];
}

describe('condition SQL snapshot', () => {
  it('trees compile to the checked-in statements', async () => {
    const parts: string[] = [];
    for (const [who, actor] of actors()) {
      for (const [name, tree] of TREES) {
        const q = await explainConditionSql(t.database.db, getObject('accounts'), tree, actor, { now: NOW });
        parts.push(`-- accounts · ${who} · ${name}\n${q.sql};\n-- params: ${JSON.stringify(q.parameters)}\n`);
      }
    }
    const text = `-- condition trees as records/conditions.ts compiles them, written by src/server/records/condition-snapshots.test.ts\n\n${parts.join('\n')}`;
    if (process.env.UPDATE_SQL_SNAPSHOTS === '1') return fs.writeFileSync(FILE, text);
    expect(fs.existsSync(FILE), `${FILE} is missing: run with UPDATE_SQL_SNAPSHOTS=1`).toBe(true);
    expect(text, 'the statements changed; if intended, run with UPDATE_SQL_SNAPSHOTS=1 and review the diff').toBe(fs.readFileSync(FILE, 'utf8'));
  });
});
