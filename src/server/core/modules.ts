import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ObjectDef, StandardField } from '../records/types.ts';
import type { Locale } from '../../shared/fields.ts';
import type { Reference } from '../records/references.ts';
import type { WriteExtension } from '../records/hooks.ts';
import type { WidgetDef } from './widgets.ts';
import type { DemoContext, DemoCounts } from '../seed/context.ts';

/**
 * A module: one folder under src/server/modules (or a folder named in GUANXI_MODULES / a test
 * app's `modules` option) whose `module.ts` default-exports `defineModule({...})`. The app
 * discovers modules at start; nothing outside the folder names it.
 *
 * - `objects`: record objects (ObjectDef v2) — routes, search, import, export, merge, audit,
 *   timeline, custom fields, saved views, permissions and the menu come from the definition.
 * - `routes`: extra routes beside the record REST surface (mounted under /api/v1).
 * - `objectRoutes`: per-object routes a platform module offers every object that declares them.
 * - `jobs`: registers job handlers and schedules (`app.jobs.register`, `app.jobs.schedule`).
 * - `references`: columns of non-record tables pointing at records, which merges move (`object`
 *   may be `'*'`, records/references.ts ANY_OBJECT, with `objectColumn` naming the object per row).
 *   Link fields of record objects need no entry: they are references already.
 * - `bootstrap`: runs once per start after migrations (idempotent).
 * - `pages`: routes outside /api/v1 that anyone may open (a hosted web form at /f/{key}); the
 *   auth hook only guards /api/, so whatever a page shows must be public.
 * - `writeExtension`: runs in every record write after the object's own hooks (records/hooks.ts),
 *   for the objects it applies to (assignment rules on objects declaring `assignment`).
 * - `widgets`: home page cards (core/widgets.ts): labels, audience, size and a loader reading
 *   through the record engine as the viewer; `GET /home` runs those the viewer gets.
 * - `extends`: fields a module adds to another module's object (a territory on accounts), its
 *   columns created by the module's own migration; applied after every module has loaded
 *   (core/module-loader.ts applyExtensions), so the object's module never names this one.
 * - `demo`: the module's part of `guanxi seed demo` (seed/context.ts), run after the core demo in
 *   module order; it writes through the module's services as the demo users would, so totals,
 *   history, audit and timelines are what real use gives.
 * - migrations: `<dir>/migrations/*.sql`, applied in name order after the core migrations,
 *   recorded in schema_migrations as `<name>/<file>`.
 */
export interface ModuleManifest {
  name: string;
  /** The module's folder (import.meta.dirname of its module.ts). */
  dir: string;
  objects?: ObjectDef[];
  routes?: (app: FastifyInstance) => Promise<void>;
  /**
   * Routes a platform module adds to every object whose definition asks for them (duplicates
   * and merge for objects declaring `duplicates`; the timeline for objects that have one).
   * Called once per registered object, after every module's own routes.
   */
  objectRoutes?: (app: FastifyInstance, def: ObjectDef) => void;
  jobs?: (app: FastifyInstance) => void;
  references?: { object: string; ref: Reference }[];
  bootstrap?: (db: Kysely<DB>) => Promise<void>;
  pages?: (app: FastifyInstance) => Promise<void>;
  writeExtension?: WriteExtension;
  widgets?: WidgetDef[];
  extends?: ObjectExtension[];
  demo?: (ctx: DemoContext) => Promise<DemoCounts>;
  /**
   * Modules whose demo step must run before this one's beyond those its migrations `-- requires:`
   * (which order the demo steps already): a demo-only need, as invoices bill the demo's orders
   * though the invoices module's migrations do not need the orders module. Names not loaded are ignored.
   */
  demoAfter?: readonly string[];
  /**
   * Released path segments with underscores under /api/v1 that are not object names
   * (`commission_rules`): they keep answering as their hyphenated form, which the module's routes
   * use (http/legacy-paths.ts; objects named with an underscore need no entry).
   */
  legacyPaths?: readonly string[];
}

/**
 * Fields a module adds to an object another module owns. `fields` are standard fields (their
 * columns come from the extending module's migration); `labels` their labels per locale (and
 * `sectionLabel` the section's); `section` the form section they go in (an existing key, or a
 * new section placed before `system`); `listColumns` those shown in the list by default.
 */
export interface ObjectExtension {
  object: string;
  fields: StandardField[];
  labels?: Partial<Record<Locale, Record<string, string>>>;
  section?: string;
  sectionLabel?: Partial<Record<Locale, string>>;
  listColumns?: string[];
}

export function defineModule(m: ModuleManifest): ModuleManifest {
  return m;
}
