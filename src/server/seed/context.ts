import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../core/access.ts';

/**
 * What the core demo (seed/demo.ts) hands each module's `demo` step (ModuleManifest.demo): the demo
 * people and customers to build on, and the seeded random source so every run makes the same data.
 * Steps run in module order (`-- requires:`), so a module finds the records of the modules it
 * requires already seeded (quotes find the opportunities, invoices the orders) by reading them.
 */
export interface DemoContext {
  db: Kysely<DB>;
  admin: Actor;
  /** The sales manager (role manager, heads the demo team). */
  manager: Actor;
  /** The sales reps (role sales) of the manager's team. */
  reps: Actor[];
  teamId: number;
  /** B2B customer accounts (the hotpot chain's members are consumers and not in here). */
  accountIds: number[];
  /** Contacts of those accounts. */
  contactIds: number[];
  /** Deterministic: the same sequence on every run. */
  rand: () => number;
  pick: <T>(xs: readonly T[]) => T;
  /** "Now" for the demo: dates are spread around it (a quarter of sales ends here). */
  now: Date;
}

/** Counts a demo step reports, merged into what `guanxi seed demo` prints ("60 opportunities, …"). */
export type DemoCounts = Record<string, number>;
