import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { can, visibilityOf, type Actor } from './access.ts';
import type { WidgetData, WidgetSize } from '../../shared/contracts/home.ts';

/**
 * A home page widget a module declares in its manifest (`widgets`). Its loader reads through the
 * record engine as the viewer (listRecords, countRecords, whereFor), so it shows only records and
 * fields the viewer may see; a loader that throws fails its own card, never the page.
 */
export interface WidgetDef {
  /** Unique across modules: `<module>.<name>` (the web app's renderers are keyed by it). */
  key: string;
  labels: { en: string; 'zh-CN': string; 'zh-TW': string };
  /** Who gets it: everyone, managers (team visibility or the manager role), admins, or a test of the actor. */
  audience: 'everyone' | 'managers' | 'admins' | ((actor: Actor) => boolean);
  size: WidgetSize;
  /** Order on the page (lower first); ties by key. */
  order: number;
  load: (db: Kysely<DB>, actor: Actor) => Promise<WidgetData>;
}

export interface RegisteredWidget extends WidgetDef { module: string }

const widgets = new Map<string, RegisteredWidget>();

/** Called by the module loader for each manifest's `widgets`; a key taken by another module is refused. */
export function registerWidget(module: string, def: WidgetDef): void {
  const had = widgets.get(def.key);
  if (had && had.module !== module) throw new Error(`widget ${def.key} is declared by ${had.module} and ${module}`);
  widgets.set(def.key, { ...def, module });
}

/** A manager leads people: the manager role, or a role seeing its team's records. */
export function isManager(actor: Actor): boolean {
  return actor.role === 'manager' || can(actor, 'admin') || visibilityOf(actor, '*') === 'team';
}

function reaches(actor: Actor, w: WidgetDef): boolean {
  if (typeof w.audience === 'function') return w.audience(actor);
  if (w.audience === 'admins') return can(actor, 'admin');
  if (w.audience === 'managers') return isManager(actor);
  return true;
}

/** The widgets this actor gets, in page order. */
export function widgetsFor(actor: Actor): RegisteredWidget[] {
  return [...widgets.values()].filter((w) => reaches(actor, w)).sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}
