import type { ObjectDef } from './types.ts';
import type { FieldMeta, Locale } from '../../shared/fields.ts';
import { LOCALES } from '../../shared/fields.ts';
import type { FormSection, ObjectDescriptor, ObjectLabels, ObjectMetaFull } from '../../shared/objects.ts';
import { actionsFor, canReadField, visibilityOf, type Actor } from '../core/access.ts';
import { getObject, hasTimeline, objectNames } from './registry.ts';
import type { RelatedList } from '../../shared/objects.ts';
import { lineMoneyHidden } from './line-items.ts';

// The one place an object definition becomes what the web app builds its menu, routes,
// columns, forms and related lists from (src/shared/objects.ts). A definition that leaves
// its `ui` or `labels` out still gets a usable descriptor: defaults below.

/** 'duration_minutes' → 'Duration minutes' (a field or object nobody labelled yet). */
function humanize(key: string): string {
  const s = key.replace(/_id$/, '').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function defaultLabels(def: ObjectDef): Record<Locale, ObjectLabels> {
  const one: ObjectLabels = { one: humanize(def.singular), other: humanize(def.name) };
  return Object.fromEntries(LOCALES.map((l) => [l, one])) as Record<Locale, ObjectLabels>;
}

/** Columns of a list nobody configured: the title, then the first short standard fields. */
function defaultColumns(def: ObjectDef): string[] {
  const rest = def.fields.filter((f) => f.key !== def.titleField && !f.system && !['longtext', 'tags'].includes(f.type)).map((f) => f.key);
  return [def.titleField, ...rest.slice(0, 5)];
}

function defaultSections(def: ObjectDef): FormSection[] {
  return [
    { key: 'details', fields: def.fields.filter((f) => !f.system).map((f) => f.key) },
    { key: 'custom', fields: [] },
    { key: 'system', fields: def.fields.filter((f) => f.system).map((f) => f.key) },
  ];
}

/** Labels without the fields the actor may not read: a hidden field is not even named. */
function readableLabels(labels: Record<Locale, ObjectLabels>, readable: (key: string) => boolean): Record<Locale, ObjectLabels> {
  const keep = <T>(o: Record<string, T> | undefined) => (o ? Object.fromEntries(Object.entries(o).filter(([k]) => readable(k))) : undefined);
  return Object.fromEntries(
    Object.entries(labels).map(([l, x]) => [l, { ...x, fields: keep(x.fields), options: keep(x.options) }]),
  ) as Record<Locale, ObjectLabels>;
}

/**
 * The related lists of a record page: those the object declares, then those other objects
 * declare on their link fields to it (`relatedList`), so a module adds its list to an account's
 * page without touching accounts. Lists of objects the actor may not list, or through a link
 * field its role hides, are left out.
 */
export function relatedLists(def: ObjectDef, actor: Actor): RelatedList[] {
  const out: RelatedList[] = [...(def.ui?.related ?? [])];
  for (const name of objectNames()) {
    for (const f of getObject(name).fields) {
      if (f.type === 'link' && f.link === def.name && f.relatedList && !out.some((r) => r.object === name && r.field === f.key)) out.push({ object: name, field: f.key });
    }
  }
  return out.filter((r) => actionsFor(actor, getObject(r.object)).list && canReadField(actor, r.object, r.field));
}

export function describeObject(def: ObjectDef, actor: Actor): ObjectDescriptor {
  const ui = def.ui ?? {};
  const readable = (key: string) => canReadField(actor, def.name, key);
  const only = (keys: string[]) => keys.filter(readable);
  return {
    name: def.name,
    singular: def.singular,
    title_field: def.titleField,
    default_sort: def.defaultSort ?? '-created_at',
    labels: readableLabels(def.labels ?? defaultLabels(def), readable),
    menu: ui.menu ?? null,
    record_page: ui.recordPage ?? false,
    list_columns: only(ui.listColumns ?? defaultColumns(def)),
    quick_create: only(ui.quickCreate ?? def.fields.filter((f) => f.required || f.key === def.titleField).map((f) => f.key)),
    sections: (ui.sections ?? defaultSections(def)).map((s) => ({ key: s.key, fields: only(s.fields) })),
    related: relatedLists(def, actor),
    subtitle: only(ui.subtitle ?? []),
    defaults: Object.fromEntries(Object.entries(ui.defaults ?? {}).filter(([k]) => readable(k))),
    can: actionsFor(actor, def),
    visibility: visibilityOf(actor, def.name),
    features: { search: Boolean(def.search?.global), import: Boolean(def.import), timeline: hasTimeline(def.name), merge: Boolean(def.duplicates), attachments: Boolean(def.attachments), printable: Boolean(def.printable), assignment: Boolean(def.assignment && def.ownerField) },
    board: def.board && !def.board.dataColumns && readable(def.board.field) ? { field: def.board.field } : null,
    lines: def.lines ? linesOf(def, actor) : null,
  };
}

/** What the web's line editor needs to know; money_visible false: a total is hidden, so line money is too (records/line-items.ts). */
function linesOf(def: ObjectDef, actor: Actor): ObjectDescriptor['lines'] {
  const l = def.lines!;
  const totals = Object.values(l.totals).filter((f): f is string => Boolean(f));
  const product = l.productObject ? getObject(l.productObject) : null;
  return {
    product_object: product && actionsFor(actor, product).read ? product.name : null,
    totals: totals.filter((f) => canReadField(actor, def.name, f)),
    money_visible: !lineMoneyHidden(actor, def),
  };
}

/** The descriptor with the fields the actor may read . */
export function describeObjectFull(def: ObjectDef, actor: Actor, fields: FieldMeta[]): ObjectMetaFull {
  return { ...describeObject(def, actor), fields };
}

/** May the actor see the object at all (its menu entry, its metadata)? */
export function mayUseObject(def: ObjectDef, actor: Actor): boolean {
  const can = actionsFor(actor, def);
  return can.list || can.read;
}
