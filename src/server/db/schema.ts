import type { ColumnType, Generated } from 'kysely';

// Typed view of the tables. Record tables (accounts, contacts, activities, tasks, and the
// ones later modules add) are described by their object definitions in records/ and
// queried through the record engine, so they are typed loosely here.
type Id = Generated<number>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;
type RecordRow = Record<string, any>;

export interface DB {
  teams: { id: Id; name: string; manager_id: number | null; created_at: Stamp };
  roles: { key: string; name: string; permissions: Json<RolePermissions>; updated_at: Stamp };
  users: {
    id: Id; email: string; name: string; password_hash: string; role: string; team_id: number | null;
    locale: Generated<string>; active: Generated<boolean>; created_at: Stamp; updated_at: Stamp;
  };
  sessions: { token_hash: string; user_id: number; created_at: Stamp; last_seen_at: Stamp; expires_at: Date | string };
  api_keys: {
    id: Id; user_id: number; name: string; prefix: string; token_hash: string; created_at: Stamp;
    last_used_at: Date | null; revoked_at: Date | null;
  };
  password_resets: { id: Id; user_id: number | null; token_hash: string; requested_ip: string | null; created_at: Stamp; expires_at: Date | string; used_at: Date | string | null };
  login_history: { id: Id; user_id: number | null; email: string; success: boolean; ip: string | null; user_agent: string | null; at: Stamp };
  audit_log: { id: Id; at: Stamp; actor_id: number | null; action: string; object: string; record_id: number | null; changes: Json | null };
  timeline_events: {
    id: Id; occurred_at: Date | string; kind: string; title: string; body: string | null; contact_id: number | null;
    account_id: number | null; ref_type: string | null; ref_id: number | null; actor_id: number | null; created_at: Stamp;
  };
  /** Which records' timelines an event shows on (migration 015); contact_id/account_id above are no longer used. */
  timeline_targets: { event_id: number; object: string; record_id: number; field: string | null; occurred_at: Date | string };
  custom_fields: {
    id: Id; object: string; key: string; label: string; labels: Json<Record<string, string>>; type: string;
    options: Json<unknown[]>; required: Generated<boolean>; link: string | null; position: Generated<number>; created_at: Stamp;
    searchable: Generated<boolean>;
  };
  saved_views: {
    id: Id; user_id: number; object: string; name: string; filters: Json<unknown[]>; sort: string | null;
    columns: Json<string[]>; density: Generated<string>; shared: Generated<boolean>; position: Generated<number>; created_at: Stamp;
    /** A condition tree (migration 020); NULL: the flat filters are the view's conditions. */
    conditions: Json<unknown> | null;
  };
  settings: { key: string; value: Json; updated_at: Stamp; updated_by: number | null };
  /** 1 from_currency = rate to_currency from valid_from on (rate a decimal string: numeric is read as text). */
  exchange_rates: { from_currency: string; to_currency: string; valid_from: string; rate: string; updated_at: Stamp; updated_by: number | null };
  idempotency_keys: {
    key: string; user_id: number; status: number; body: Json | null; request_hash: string | null; created_at: Stamp;
    /** The record the write created or changed (migration 023): its delete takes the key. */
    object: string | null; record_id: number | null;
  };
  files: { id: Id; name: string; content_type: string | null; size: Generated<number>; created_by: number | null; created_at: Stamp };
  file_chunks: { file_id: number; seq: number; data: Uint8Array };
  jobs: {
    id: Id; name: string; payload: Json<Record<string, unknown>>; status: Generated<string>; run_at: Stamp;
    attempts: Generated<number>; max_attempts: Generated<number>; locked_by: string | null; locked_until: Date | null;
    last_error: string | null; created_at: Stamp; finished_at: Date | null;
  };
  event_outbox: {
    id: Id; events: Json<unknown[]>; created_at: Stamp; attempts: Generated<number>; next_attempt_at: Stamp;
    locked_until: Date | null; last_error: string | null; delivered_at: Date | null; gave_up_at: Date | null;
  };
  /** Document number counters (migration 017, core/numbering.ts). */
  number_sequences: {
    type: string; pattern: string; gap_free: Generated<boolean>; period: Generated<string>; value: Generated<string | number>;
    updated_at: Stamp; updated_by: number | null;
  };
  schedules: { name: string; spec: string; next_run_at: Date; last_run_at: Date | null };
  imports: RecordRow;
  import_errors: { import_id: number; line: number; reason: string; issues: Json<{ field: string; code?: string; message: string }[]> | null };
  import_skipped: { import_id: number; line: number; record_id: number | null; record_title: string | null; reason: string };
  import_warnings: { import_id: number; line: number; field: string; reason: string; code: string | null };
  account_contacts: { account_id: number; contact_id: number; role: string | null; is_primary: Generated<boolean>; created_at: Stamp };
  accounts: RecordRow;
  contacts: RecordRow;
  activities: RecordRow;
  tasks: RecordRow;
  schema_migrations: { name: string; applied_at: Stamp; checksum: string | null };
  /** Every change of a stage field (migration 018, records/stages.ts). */
  stage_history: {
    id: Id; object: string; record_id: number; field: string; from_stage: string | null; to_stage: string | null;
    actor_id: number | null; at: Stamp; seconds_in_from: number | null;
  };
}

export type Visibility = 'own' | 'team' | 'all' | 'none';
export type FieldRule = 'hidden' | 'read';
export interface RolePermissions {
  visibility?: Record<string, Visibility>;
  field_rules?: Record<string, Record<string, FieldRule>>;
  /** Coarse capabilities: admin (users, roles, custom fields), write (create/update/delete records), import, export. */
  can?: { admin?: boolean; write?: boolean; import?: boolean; export?: boolean; delete?: boolean };
  /** Per object and action, overriding the object's default policy (core/access.ts canDo). */
  objects?: Record<string, Partial<Record<import('../../shared/objects.ts').RecordAction, boolean>>>;
}
