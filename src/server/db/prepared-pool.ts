import type pg from 'pg';
import { isDatabaseUnavailable } from './unavailable.ts';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * A pg pool for Kysely that runs frequent statements as server-side prepared statements.
 *
 * Kysely sends every statement as unnamed SQL text, so PostgreSQL parses and plans it on
 * every call; for a list page that is a third of the database's time. This wrapper gives a
 * statement text a name once it has been seen a few times in this process, and pg then
 * parses it once per connection and only binds and executes it afterwards. PostgreSQL's plan
 * cache decides per statement whether to keep a generic plan or plan each call with its
 * values (`plan_cache_mode = auto`: a generic plan only when it is estimated no worse).
 *
 * Bounded on both sides: a process names at most MAX_NAMED texts (later ones run unnamed), a
 * connection holds at most PER_CONNECTION of them (each costs memory in its backend), and
 * only single statements that read or write rows are named (no `;`, so never a script).
 */
const SEEN_BEFORE_NAMING = 3;
const MAX_TRACKED = 5_000;
const MAX_NAMED = 500;
const PER_CONNECTION = 100;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;

interface Tracked {
  seen: number;
  name?: string;
}

export function preparingPool(pool: pg.Pool, opts: { prepare?: boolean } = {}): PostgresPool {
  const prepare = opts.prepare !== false;
  const texts = new Map<string, Tracked>();
  let named = 0;
  const perClient = new WeakMap<pg.PoolClient, Set<string>>();

  /** The statement name for this text on this connection, or undefined to run it unnamed. */
  function nameFor(client: pg.PoolClient, text: string): string | undefined {
    let t = texts.get(text);
    if (!t) {
      if (texts.size >= MAX_TRACKED || text.includes(';') || !NAMEABLE.test(text)) return undefined;
      texts.set(text, (t = { seen: 0 }));
    }
    if (!t.name) {
      if (++t.seen < SEEN_BEFORE_NAMING || named >= MAX_NAMED) return undefined;
      t.name = `gx_${++named}`;
    }
    let mine = perClient.get(client);
    if (!mine) perClient.set(client, (mine = new Set()));
    if (!mine.has(t.name)) {
      if (mine.size >= PER_CONNECTION) return undefined;
      mine.add(t.name);
    }
    return t.name;
  }

  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      // A connection that lost its server (restart, terminated backend) goes back to pg-pool
      // with the error, so it is closed instead of handed to the next request.
      let broken: Error | undefined;
      const noteBroken = (e: unknown) => {
        if (isDatabaseUnavailable(e)) broken = e as Error;
        throw e;
      };
      return {
        query: ((sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
          if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
          const name = prepare ? nameFor(client, sqlOrCursor) : undefined;
          const values = parameters as unknown[];
          return (name ? client.query({ name, text: sqlOrCursor, values }) : client.query(sqlOrCursor, values)).catch(noteBroken) as Promise<PostgresQueryResult<unknown>>;
        }) as PostgresPoolClient['query'],
        release: () => client.release(broken),
      };
    },
    end: () => pool.end(),
  };
}
