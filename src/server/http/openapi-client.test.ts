import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import openapiTS, { astToString } from 'openapi-typescript';
import { ADMIN, useTestApp } from '../db/test-helpers.ts';

// What an integrator does: generate TypeScript types from the served document
// (openapi-typescript), write a small program against them with no casts and no hand-written
// interfaces, type-check it (tsc, strict), then run it against a real server. Generating at test
// time (about a second) keeps the check honest: no committed copy can go stale.

const t = useTestApp();
const run = promisify(execFile);
const TSC = path.resolve('node_modules/typescript/bin/tsc');

/** The integrator's program: every type comes from the generated api.d.ts. */
const CLIENT = `
import type { components, operations } from './api.d.ts';

type Schemas = components['schemas'];
/** The JSON body of an operation's answer with a given status. */
type Answer<Op extends keyof operations, S extends keyof operations[Op]['responses']> =
  operations[Op]['responses'][S] extends { content: { 'application/json': infer B } } ? B : never;

export async function program(base: string, email: string, password: string): Promise<string[]> {
  const log: string[] = [];
  let token = '';
  async function call(method: string, url: string, body?: object, headers: Record<string, string> = {}) {
    const res = await fetch(base + url, {
      method,
      headers: { ...(token ? { authorization: 'Bearer ' + token } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, etag: res.headers.get('etag') ?? '', json: res.status === 204 ? null : await res.json() };
  }

  const credentials: operations['loginAuth']['requestBody']['content']['application/json'] = { email, password };
  const signedIn: Answer<'loginAuth', 200> = (await call('POST', '/api/v1/auth/login', credentials)).json;
  token = signedIn.data.token;
  log.push('signed in as ' + signedIn.data.user.email);

  const newAccount: Schemas['AccountCreate'] = { name: '上海光华贸易有限公司', annual_revenue: '12999.50', tags: ['vip'] };
  const created = await call('POST', '/api/v1/accounts', newAccount, { 'idempotency-key': 'client-test-1' });
  const account: Answer<'createAccount', 201> = created.json;
  const accountId: number = account.data.id;
  log.push(created.status + ' account ' + account.data.name + ' revenue ' + account.data.annual_revenue);

  const newContact: Schemas['ContactCreate'] = { name: '王小明', account_id: accountId, email: 'wang@example.cn' };
  const contact: Answer<'createContact', 201> = (await call('POST', '/api/v1/contacts', newContact)).json;
  log.push('contact ' + contact.data.name + ' at account ' + contact.data.account_id);

  const page: Answer<'listContacts', 200> = (await call('GET', '/api/v1/contacts?limit=10&filter[account_id]=' + accountId)).json;
  log.push('page of ' + page.data.length + ', next ' + String(page.next_cursor));

  const found: Answer<'getSearch', 200> = (await call('GET', '/api/v1/search?types=accounts&q=' + encodeURIComponent('光华'))).json;
  log.push('search: ' + found.data.map((hit) => hit.type + ' ' + hit.title).join(', '));

  const task: Schemas['TaskCreate'] = { title: '回访王小明', account_id: accountId };
  await call('POST', '/api/v1/tasks', task);
  const timeline: Answer<'getAccountTimeline', 200> = (await call('GET', '/api/v1/accounts/' + accountId + '/timeline?limit=20')).json;
  log.push('timeline: ' + timeline.data.map((entry) => entry.kind + ' by ' + (entry.actor?.name ?? '-')).join(', ') + ' / next ' + String(timeline.next_cursor));

  const read = await call('GET', '/api/v1/accounts/' + accountId);
  const change: Schemas['AccountUpdate'] = { industry: '贸易' };
  const updated: Answer<'updateAccount', 200> = (await call('PATCH', '/api/v1/accounts/' + accountId, change, { 'if-match': read.etag })).json;
  log.push('updated to version ' + String(updated.data.version) + ' industry ' + updated.data.industry);

  const refused = await call('PATCH', '/api/v1/accounts/' + accountId, change, { 'if-match': read.etag });
  const error: Schemas['Error'] = refused.json;
  log.push(refused.status + ' ' + error.error.code);

  const gone = await call('DELETE', '/api/v1/contacts/' + contact.data.id);
  log.push('deleted ' + gone.status);
  return log;
}
`;

/** Must not compile: a create without its required name, an unknown field type, a misspelt operation. */
const WRONG = `
import type { components, operations } from './api.d.ts';
export const a: components['schemas']['AccountCreate'] = { industry: 'retail' };
export const b: components['schemas']['ContactCreate'] = { name: 'x', account_id: 'not a number' };
export type C = operations['listAccount'];
`;

describe('a TypeScript client generated from the served document', () => {
  it('type-checks a program with no casts, refuses wrong code, and the program works against the server', async () => {
    const doc = (await t.api('', 'GET', '/openapi.json')).body;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-client-'));
    try {
      fs.writeFileSync(path.join(dir, 'api.d.ts'), astToString(await openapiTS(doc)));
      fs.writeFileSync(path.join(dir, 'client.ts'), CLIENT);
      fs.writeFileSync(path.join(dir, 'wrong.ts'), WRONG);
      const options = { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', allowImportingTsExtensions: true, lib: ['es2022', 'dom'], types: [] };
      const tsc = (file: string) => {
        fs.writeFileSync(path.join(dir, `${file}.json`), JSON.stringify({ compilerOptions: options, files: [file] }));
        return run(process.execPath, [TSC, '-p', path.join(dir, `${file}.json`)], { cwd: dir }).then(() => '', (e: { stdout: string }) => e.stdout);
      };
      const [good, bad] = await Promise.all([tsc('client.ts'), tsc('wrong.ts')]);
      expect(good).toBe('');
      expect(bad).toContain("Property 'name' is missing");
      expect(bad).toContain("Type 'string' is not assignable to type 'number'");
      expect(bad).toContain('listAccount');

      // The types are the truth: the same program runs against a real server.
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { program } = await import(pathToFileURL(path.join(dir, 'client.ts')).href);
      const log: string[] = await program(address, ADMIN.email, ADMIN.password);
      expect(log).toEqual([
        `signed in as ${ADMIN.email}`,
        '201 account 上海光华贸易有限公司 revenue 12999.50',
        expect.stringMatching(/^contact 王小明 at account \d+$/),
        'page of 1, next null',
        'search: account 上海光华贸易有限公司',
        expect.stringMatching(/^timeline: task by .+ \/ next null$/),
        'updated to version 2 industry 贸易',
        '409 conflict',
        'deleted 204',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
