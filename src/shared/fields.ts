// Field metadata shared by the server (validation, filters, import, export) and the web app
// (forms, columns, filter bar). Standard fields come from object definitions, custom ones
// from the custom_fields table; both travel in this shape.
export const FIELD_TYPES = [
  'text', 'longtext', 'email', 'phone', 'url', 'number', 'money', 'date', 'datetime',
  'boolean', 'select', 'multiselect', 'tags', 'link', 'user',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Types an admin may give a custom field. */
export const CUSTOM_FIELD_TYPES = ['text', 'longtext', 'email', 'phone', 'url', 'number', 'money', 'date', 'boolean', 'select', 'multiselect', 'link'] as const;
/** Custom field types whose values may be put in the search document (`searchable`). */
export const SEARCHABLE_FIELD_TYPES = ['text', 'email', 'phone', 'url'] as const;

export interface FieldOption {
  value: string;
  label?: string;
  labels?: Record<string, string>;
}

export interface FieldMeta {
  key: string;
  type: FieldType;
  custom: boolean;
  required: boolean;
  label?: string;
  labels?: Record<string, string>;
  options?: FieldOption[];
  /** For link fields: the object linked to (e.g. 'accounts'). */
  link?: string;
  /** Custom fields: its values are found by search (`q`, /search). */
  searchable?: boolean;
  /** Long text that may @mention users (src/shared/mentions.ts): the web offers a mention input. */
  mentions?: boolean;
  /** Not writable by the caller (system field or a field rule). */
  readonly: boolean;
  sortable: boolean;
  filterable: boolean;
}

// `under`: a link to a tree object (ObjectDef.tree) pointing at the record or any below it (flat filters only).
export const FILTER_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'starts', 'in', 'nin', 'between', 'empty', 'under'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface FilterClause {
  field: string;
  op: FilterOp;
  value: string;
}

export const CUSTOM_PREFIX = 'cf_';
export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];
export const ROLE_KEYS = ['admin', 'manager', 'sales', 'service', 'marketing', 'readonly'] as const;
