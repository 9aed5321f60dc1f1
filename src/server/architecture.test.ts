import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Layers inside a module: a route file parses the request and shapes the answer; services
 * hold the rules and transactions and repositories the SQL. A route file never holds the
 * database handle, so these words must not appear in it.
 */
const FORBIDDEN = ['app.db', '.selectFrom(', '.insertInto(', '.updateTable(', '.deleteFrom(', 'sql`', '.transaction(', 'database.'];
const root = join(import.meta.dirname);
const src = join(root, '..');

/** Every non-test TypeScript source under src/ (server, shared, web), relative to src/. */
function sources(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !/test-(helpers|kit)\.ts$/.test(e.name) ? [relative(src, path)] : [];
  });
}
const holding = (needle: string | RegExp) =>
  sources().filter((f) => { const text = readFileSync(join(src, f), 'utf8'); return typeof needle === 'string' ? text.includes(needle) : needle.test(text); });

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return routeFiles(path);
    return e.name.endsWith('.routes.ts') || e.name === 'routes.ts' ? [path] : [];
  });
}

/** Every forbidden word found in one source text, with its line number. */
export function databaseTouches(text: string): string[] {
  return text.split('\n').flatMap((line, i) => FORBIDDEN.filter((w) => line.includes(w)).map((w) => `${i + 1}: ${w}`));
}

describe('layers', () => {
  it('finds the route files (records/routes.ts and every *.routes.ts)', () => {
    const files = routeFiles(root).map((f) => relative(root, f));
    expect(files).toContain('records/routes.ts');
    expect(files.filter((f) => f.startsWith('modules/')).length).toBeGreaterThan(10);
  });

  it('notices a route that touches the database', () => {
    expect(databaseTouches("const r = await app.db.selectFrom('users')")).toEqual(['1: app.db', '1: .selectFrom(']);
    expect(databaseTouches('await sql`LOCK TABLE users`.execute(trx)')).toEqual(['1: sql`']);
    expect(databaseTouches('return listUsers(app, query)')).toEqual([]);
  });

  it('no route file touches the database', () => {
    const offenders = Object.fromEntries(
      routeFiles(root).map((f) => [relative(root, f), databaseTouches(readFileSync(f, 'utf8'))] as const).filter(([, hits]) => hits.length > 0),
    );
    expect(offenders).toEqual({});
  });
});

// Cursor pagination, LIKE escaping and CSV parsing each exist once.
describe('one copy each', () => {
  it('LIKE escaping is db/like.ts', () => {
    expect(holding('/[\\\\%_]/g')).toEqual(['server/db/like.ts']);
  });

  it('cursors are encoded and decoded in records/query.ts and pages cut in records/page.ts', () => {
    // Random tokens, signed links and sealed secrets (passwords.ts, core/signed-tokens.ts, core/secrets.ts) use base64url too; they are not cursors.
    const notCursors = ['passwords.ts', 'core/signed-tokens.ts', 'core/secrets.ts'];
    expect(holding("toString('base64url')").filter((f) => !notCursors.some((n) => f.endsWith(n)))).toEqual(['server/records/query.ts']);
    expect(holding('encodeCursor(')).toEqual(['server/records/page.ts', 'server/records/query.ts']);
  });

  it('CSV is parsed by csv-parse in the import reader only (the web app reads JSON)', () => {
    expect(holding(/from 'csv-parse/)).toEqual(['server/modules/imports/readers.ts']);
    expect(holding(/function parseCsv\b/)).toEqual([]);
  });
});
