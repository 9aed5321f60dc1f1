import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Database } from '../db/connect.ts';
import type { Actor } from '../core/access.ts';
import type { Config } from '../config.ts';
import type { JobQueue } from '../jobs/queue.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>;
    database: Database;
    config: Config;
    jobs: JobQueue;
  }
  interface FastifyRequest {
    actor: Actor | null;
    authVia: 'cookie' | 'bearer' | 'api_key' | null;
  }
  interface FastifyContextConfig {
    /** Route answers without authentication. */
    public?: boolean;
    /**
     * Nobody is ever signed in here (the public endpoints): a cookie or token sent along is not
     * even looked up, so a flood of them costs no database work and no handler sees an actor.
     */
    anonymous?: boolean;
    /**
     * A deprecated route's end (`schema.deprecated: true`): the date after which it may go, an
     * ISO date. Answers carry it as the Sunset header (http/deprecation.ts, docs/api.md "Versioning").
     */
    sunset?: string;
    /** A deprecated route's replacement (a path), answered as `Link: <path>; rel="successor-version"`. */
    successor?: string;
  }
}

export {};
