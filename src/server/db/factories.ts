import type { TestApp } from './test-helpers.ts';

// Test data through the API, so every record is made the way a user makes it (validation,
// hooks, audit, timeline, search index). Each helper fills the required fields with unique
// defaults; pass only what a test is about. A failed create throws with the API's answer, so
// a test's setup never goes on with a record that does not exist.

/** A record as the API returns it. */
export type Made = { id: number; [field: string]: any };
type Values = Record<string, unknown>;

let seq = 0;
const next = () => ++seq;

export interface Factories {
  account(values?: Values): Promise<Made>;
  contact(values?: Values): Promise<Made>;
  /** An activity needs a contact or an account: without either, a new account is made for it. */
  activity(values?: Values): Promise<Made>;
  task(values?: Values): Promise<Made>;
  /** A user with a role (default 'sales') and a token to call the API as them. */
  user(role?: string, opts?: { team_id?: number; email?: string }): Promise<{ id: number; token: string }>;
  /** The same helpers, acting as another user (e.g. `f.as(sales.token).contact()`). */
  as(token: string): Factories;
}

/** Helpers acting as `token` (default: the admin). Safe to call at a test file's top level: the admin token is read per call. */
export function factories(t: TestApp, token?: string): Factories {
  const create = async (object: string, values: Values): Promise<Made> => {
    const r = await t.api(token ?? t.adminToken, 'POST', `/${object}`, values);
    if (r.status !== 201) throw new Error(`factory: POST /${object} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body.data as Made;
  };
  const f: Factories = {
    account: (values = {}) => create('accounts', { name: `Account ${next()}`, ...values }),
    contact: (values = {}) => create('contacts', { name: `Contact ${next()}`, ...values }),
    activity: async (values = {}) => {
      const linked = values.contact_id !== undefined || values.account_id !== undefined ? {} : { account_id: (await f.account()).id };
      return create('activities', { kind: 'call', subject: `Activity ${next()}`, ...linked, ...values });
    },
    task: (values = {}) => create('tasks', { title: `Task ${next()}`, ...values }),
    user: (role = 'sales', opts) => t.userToken(role, opts),
    as: (other) => factories(t, other),
  };
  return f;
}
