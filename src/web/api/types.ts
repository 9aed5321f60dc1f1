import type { FilterOp } from '../../shared/fields.ts';

export type { FieldMeta, FieldOption, FieldType, FilterOp } from '../../shared/fields.ts';

export type AppLocale = 'en' | 'zh-CN' | 'zh-TW';

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}
export interface One<T> {
  data: T;
}

export interface Ref {
  id: number;
  title: string;
}

/** A record as the API returns it: its readable fields, plus refs (titles of linked records). */
export interface ApiRecord {
  id: number;
  refs?: Record<string, Ref>;
  [key: string]: unknown;
}

export interface Permissions {
  visibility?: Record<string, string>;
  field_rules?: Record<string, Record<string, 'hidden' | 'read'>>;
  can?: { admin?: boolean; write?: boolean; import?: boolean; export?: boolean; delete?: boolean };
  /** Per object and action, overriding the object's default (PATCH /roles/:key `objects`). */
  objects?: Record<string, Partial<Record<import('../../shared/objects.ts').RecordAction, boolean>>>;
}

export interface OrgSettings {
  organization_name: string;
  currency: string;
  phone_region: string;
}

export interface Me {
  id: number;
  email: string;
  name: string;
  role: string;
  team_id: number | null;
  locale: string;
  permissions?: Permissions;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: string;
  team_id: number | null;
  locale: string;
  active: boolean;
  created_at: string;
}

export interface Team {
  id: number;
  name: string;
  manager_id: number | null;
  created_at?: string;
}

export interface Role extends Permissions {
  key: string;
  name: string;
}

export interface Filter {
  field: string;
  op: FilterOp;
  value: string;
}

export interface SavedView {
  id: number;
  object: string;
  name: string;
  filters: Filter[];
  sort: string | null;
  columns: string[];
  density?: 'small' | 'middle' | 'large';
  shared?: boolean;
  mine?: boolean;
  position?: number;
}

export interface SearchHit {
  type: string;
  id: number;
  title: string;
  subtitle: string | null;
  score: number;
}

export interface TimelineEvent {
  id: number;
  occurred_at: string;
  kind: string;
  title: string | null;
  body: string | null;
  ref_type: string | null;
  ref_id: number | null;
  actor: { id: number; name: string } | null;
}

export interface DuplicateMatch {
  id: number;
  name: string;
  reasons?: string[];
  [key: string]: unknown;
}

export interface ContactAccountLink {
  account_id: number;
  account_name?: string;
  role: string | null;
  is_primary: boolean;
}

export interface ImportJob {
  id: number;
  object: string;
  status: 'uploaded' | 'queued' | 'running' | 'done' | 'failed';
  file_name?: string;
  total_rows: number | null;
  processed_rows: number | null;
  created: number | null;
  updated: number | null;
  skipped: number | null;
  failed: number | null;
  started_at: string | null;
  finished_at: string | null;
  created_at?: string;
  error?: string | null;
  /** CSV: the encoding the file is read with (decided from all its bytes, or chosen). */
  encoding?: string | null;
  /** Cells left out of imported rows (see the report's warnings). */
  warned?: number | null;
  headers?: string[];
  preview?: Array<Record<string, unknown> | unknown[]>;
  suggested_mapping?: Record<string, string | null>;
  mapping?: Record<string, string | null>;
  duplicate_mode?: string;
}

export interface ImportValidation {
  rows_checked: number;
  date_order?: 'dmy' | 'mdy' | null;
  errors: Array<{ line: number; reason: string }>;
  /** Optional cells that would be left out (the row is imported without them). */
  warnings?: Array<{ line: number; field: string; reason: string }>;
}

export interface CustomField {
  id: number;
  object: string;
  key: string;
  label: string;
  labels: Record<string, string>;
  type: string;
  options: Array<{ value: string; label?: string; labels?: Record<string, string> }>;
  required: boolean;
  searchable?: boolean;
  link: string | null;
  position: number;
}

export interface ApiKey {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  token?: string;
}

export interface AuditEntry {
  id: number;
  at?: string;
  created_at?: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  object: string;
  record_id: number | null;
  changes: Record<string, unknown> | null;
}

export interface LoginEntry {
  id: number;
  user_id: number | null;
  email?: string;
  ip?: string | null;
  user_agent?: string | null;
  success?: boolean;
  ok?: boolean;
  reason?: string | null;
  at?: string;
  created_at?: string;
}
