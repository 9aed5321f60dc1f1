import type { PGlite } from '@electric-sql/pglite';

// PGlite is one PostgreSQL session. Kysely's PostgresDialect expects a pool; this one hands
// out that single session to one holder at a time, so a transaction never interleaves with
// another request's statements.
export class PGlitePool {
  readonly pg: PGlite;
  #tail: Promise<void> = Promise.resolve();

  constructor(pg: PGlite) {
    this.pg = pg;
  }

  async connect() {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    await previous;
    const pg = this.pg;
    let released = false;
    return {
      async query(text: string, params: readonly unknown[] = []) {
        const res = await pg.query<Record<string, unknown>>(text, params as unknown[]);
        return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length, command: commandOf(text) };
      },
      release() {
        if (!released) {
          released = true;
          release();
        }
      },
    };
  }

  /** Runs fn holding the session (used for multi-statement scripts). */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await fn();
    } finally {
      client.release();
    }
  }

  async end() {
    await this.pg.close();
  }
}

function commandOf(text: string): string {
  const m = /^\s*(\w+)/.exec(text);
  return (m?.[1] ?? '').toUpperCase();
}
