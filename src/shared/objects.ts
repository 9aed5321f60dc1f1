// What the server tells the web app about each record object (GET /meta/objects): the web
// builds its menu, routes, list columns, forms and related lists from these descriptors,
// so a module adds an object without touching src/web. Defined once here, used by both.
import type { FieldMeta, Locale } from './fields.ts';

/** A form default meaning "the signed-in user" (a user link field, e.g. a task's owner). */
export const CURRENT_USER = '$me';

/** What a role may do with an object's records. */
export const RECORD_ACTIONS = ['list', 'read', 'create', 'update', 'delete', 'export', 'import'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/** Labels of one object in one language. Keys of `fields`/`options`/`sections` are field keys, option values and section keys. */
export interface ObjectLabels {
  /** Singular ('Contact', '联系人'). */
  one: string;
  /** Plural ('Contacts', '联系人'). */
  other: string;
  fields?: Record<string, string>;
  /** options[field][value] */
  options?: Record<string, Record<string, string>>;
  sections?: Record<string, string>;
}

/** The menu groups, in menu order. */
export const MENU_GROUPS = ['customers', 'sales', 'service', 'marketing', 'work', 'other'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export interface MenuEntry {
  group: MenuGroup;
  /** An @ant-design/icons name the web app knows ('ContactsOutlined'); unknown names get a default icon. */
  icon: string;
  /** Order inside the group (lower first). */
  order: number;
  /** The page `/` opens (the first such object the user may use; else the first of the menu). */
  home?: boolean;
}

export interface FormSection {
  key: string;
  fields: string[];
}

/** A related list on a record page: records of `object` whose link field `field` points at this record. */
export interface RelatedList {
  object: string;
  field: string;
}

export interface ObjectDescriptor {
  name: string;
  singular: string;
  title_field: string;
  default_sort: string;
  labels: Record<Locale, ObjectLabels>;
  /** null: no menu entry (reached from other pages only). */
  menu: MenuEntry | null;
  /** true: records open on a page of their own (/contacts/12); false: in a drawer over the list. */
  record_page: boolean;
  list_columns: string[];
  quick_create: string[];
  sections: FormSection[];
  related: RelatedList[];
  /** What the asking user may do (role policy, per object). */
  can: Record<RecordAction, boolean>;
  visibility: 'own' | 'team' | 'all' | 'none';
  /** Fields shown under the title of a record page. */
  subtitle: string[];
  /** Values a new record's form starts with (readable fields only); CURRENT_USER stands for the signed-in user. */
  defaults: Record<string, unknown>;
  /** Platform services the object takes part in. */
  features: { search: boolean; import: boolean; timeline: boolean; merge: boolean; attachments: boolean; printable: boolean; /** Assignment rules give its new records owners (modules/assignment). */ assignment: boolean };
  /** A kanban board by this select field (GET /{object}/board); null: none, or the field is hidden from the user. */
  board: { field: string } | null;
  /**
   * Child lines with computed totals (GET/PUT /{object}/{id}/lines): the product object a line
   * may pick from and the parent's totals fields (readable ones only); null: the object has none.
   */
  lines: { product_object: string | null; totals: string[]; money_visible: boolean } | null;
}

/** GET /meta/objects/:object: the descriptor plus the fields the user may read. */
export interface ObjectMetaFull extends ObjectDescriptor {
  fields: FieldMeta[];
}
