import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledQuery } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { hiddenFieldOf } from '../db/record-samples.ts';
import { DEFAULT_ROLES, type Actor } from '../core/access.ts';
import { search } from '../modules/search/search.service.ts';
import { capturingDb } from './sql-capture.ts';
import { listJson, listRecords } from './list.ts';
import { countRecords, type ListParams } from './service.ts';
import { encodeCursor } from './query.ts';
import { getObject, objectNames } from './registry.ts';
import type { ObjectDef } from './types.ts';
import { loadModules } from '../core/module-loader.ts';

// The statements the record engine sends for each registered object's list, count and search,
// checked in under __sql__/<object>.sql so a change of query plan shows in review (like
// Immich's generated query files). They are captured from the real database (PGlite, or
// PostgreSQL with DATABASE_URL): both passes compare with the same files, so both databases
// are sent the same SQL. After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/server/records/sql-snapshots.test.ts
// The objects come from the modules: loaded before the tests are listed (one per object).
await loadModules();
const t = useTestApp();
const DIR = path.join(import.meta.dirname, '__sql__');
const UPDATE = process.env.UPDATE_SQL_SNAPSHOTS === '1';

/** An administrator, and a role seeing its own records only with the object's sample field hidden. */
function actors(def: ObjectDef): [string, Actor][] {
  const base = { email: 'x@test.guanxi', name: 'x', team_id: 7, locale: 'en' };
  const hidden = hiddenFieldOf(def);
  const own = { ...DEFAULT_ROLES.sales!.permissions, field_rules: hidden ? { [def.name]: { [hidden.key]: 'hidden' as const } } : {} };
  return [
    ['admin', { ...base, id: 101, role: 'admin', permissions: DEFAULT_ROLES.admin!.permissions }],
    [`own, ${hidden?.key ?? 'no field'} hidden`, { ...base, id: 102, role: 'sales', permissions: own }],
  ];
}

/** The fixed list requests of an object, from its definition: default page, title filter and sort, next page, a related list, q. */
function scenarios(def: ObjectDef): [string, ListParams][] {
  const select = def.fields.find((f) => f.type === 'select' && f.options?.length && !f.system);
  const link = def.fields.find((f) => f.type === 'link');
  const out: [string, ListParams][] = [
    ['default page', { limit: 50 }],
    [`${def.titleField} contains, sorted by it`, { limit: 50, sort: def.titleField, filters: [{ field: def.titleField, op: 'contains', value: 'acme' }] }],
    ['next page', { limit: 50, cursor: encodeCursor('2024-05-01T08:00:00.000Z', 10) }],
  ];
  if (select) out.push([`${select.key} eq`, { limit: 50, filters: [{ field: select.key, op: 'eq', value: select.options![0]!.value }] }]);
  if (link) out.push([`related list (${link.key} eq)`, { limit: 50, filters: [{ field: link.key, op: 'eq', value: '1' }] }]);
  out.push(['q', { limit: 50, q: 'acme 张伟' }]);
  return out;
}

function show(what: string, statements: CompiledQuery[]): string {
  // The custom-fields lookup is the field cache's, not the engine's plan.
  const own = statements.filter((q) => !q.sql.includes('"custom_fields"'));
  expect(own.length, what).toBeGreaterThan(0);
  return own.map((q) => `-- ${what}\n${q.sql.trim()};\n-- params: ${JSON.stringify(q.parameters)}\n`).join('\n');
}

async function statementsOf(def: ObjectDef): Promise<string> {
  const { db, taken } = capturingDb(t.database.db);
  const parts: string[] = [];
  for (const [who, actor] of actors(def)) {
    for (const [name, p] of scenarios(def)) {
      await listRecords(db, def, actor, p);
      parts.push(show(`${who} · ${name} · list (typed columns)`, taken()));
      await listJson(db, def, actor, p, true);
      parts.push(show(`${who} · ${name} · list (JSON rows)`, taken()));
      await countRecords(db, def, actor, p);
      parts.push(show(`${who} · ${name} · count`, taken()));
    }
    if (def.search) {
      await search(db, actor, 'acme 张伟', [def], 20);
      parts.push(show(`${who} · global search`, taken()));
    }
  }
  return `-- ${def.name}: the record engine's statements, written by src/server/records/sql-snapshots.test.ts\n\n${parts.join('\n')}`;
}

describe('SQL snapshots', () => {
  it.each(objectNames())('%s sends the checked-in statements', async (name) => {
    const file = path.join(DIR, `${name}.sql`);
    const text = await statementsOf(getObject(name));
    if (UPDATE) {
      fs.mkdirSync(DIR, { recursive: true });
      fs.writeFileSync(file, text);
      return;
    }
    expect(fs.existsSync(file), `${file} is missing: run with UPDATE_SQL_SNAPSHOTS=1`).toBe(true);
    expect(text, `${name}: the statements changed; if intended, run with UPDATE_SQL_SNAPSHOTS=1 and review the diff`).toBe(fs.readFileSync(file, 'utf8'));
  });
});
