import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FieldMeta, FieldOption, FieldType } from '../../shared/fields.ts';
import type { SearchParts } from '../text/search-text.ts';
import type { Actor } from '../core/access.ts';
import type { Locale } from '../../shared/fields.ts';
import type { FormSection, MenuEntry, ObjectLabels, RecordAction, RelatedList } from '../../shared/objects.ts';

export type Tx = Transaction<DB> | Kysely<DB>;
export type Row = Record<string, any>;

export interface StandardField {
  key: string;
  type: FieldType;
  required?: boolean;
  options?: FieldOption[];
  link?: string;
  /** Set by the system (timestamps, creator): never written by clients. */
  system?: boolean;
  /** Present in the table but never filtered/sorted (long text). */
  sortable?: boolean;
  filterable?: boolean;
  /** Max length for text types. */
  max?: number;
}

export interface WriteContext {
  trx: Transaction<DB>;
  actor: Actor;
  def: ObjectDef;
}

/** One kind of duplicate key an import matches rows on (modules/imports/match.ts). */
export interface ImportIdentityKey {
  /** Short tag that prefixes the key ('e' → 'e:ann@x.cn'); unique within the object. */
  tag: string;
  /** What a skipped row says it matched on ("Same e-mail as an existing record"). */
  label: string;
  /** The key of a row's values, or null when the row has none of this kind. */
  of: (values: Row) => string | null;
  /** The column holding the stored key (looked up with `= ANY`, indexed). */
  column: string;
  /** Compare `lower(column)` (the key is lower-case). */
  lower?: boolean;
  /**
   * The key is `column value | withTitle(record title)`: looked up by its first part, the
   * rest compared here (an office phone is a switchboard: the name must match too).
   */
  withTitle?: (title: string) => string;
}

/** How files refer to records of this object by name (a link column's `…_name` cell). */
export interface ImportLookup {
  /** The column holding the normalised name (indexed). */
  column: string;
  /** The normalisation, applied to a file's name to compare it with `column`. */
  key: (name: string) => string;
}

/** A name column that finds, or creates, the linked record (a contact's company). */
export interface ImportCreateLink {
  /** The link field it fills. */
  field: string;
  /** The file column's pseudo-field key ('account_name'). */
  column: string;
  /** Header words for the column; `preferred` ones win over field labels. */
  synonyms: string[];
  preferred?: string[];
}

/** What makes an object importable (an object without it is refused by the import). */
export interface ImportDef {
  /** Header words people use, per field key (any language, compared without case or punctuation). */
  synonyms: Record<string, readonly string[]>;
  /** Duplicate keys, in the order a match is reported. */
  identity: ImportIdentityKey[];
  /** How other objects' files name a record of this one (default: its title, case-insensitive). */
  lookup?: ImportLookup;
  /** At most one name column that creates the linked record when missing. */
  createMissingLink?: ImportCreateLink;
}

/** One row of a batch write: the values written, and the row before (null: created). */
export interface BatchRow {
  values: Row;
  existing: Row | null;
}

/** One written row for the after hooks: the row (see ObjectDef.batchColumns), the row before, the request input. */
export interface WrittenRow {
  row: Row;
  existing: Row | null;
  input: Row;
}

export interface ObjectDef {
  /** Plural API name and table name ('contacts'). */
  name: string;
  /** Singular form used in search results and timeline ref types ('contact'). */
  singular: string;
  fields: StandardField[];
  titleField: string;
  /** Column that owns the record for own/team visibility; undefined = everyone may see. */
  ownerField?: string;
  defaultSort?: string;
  /** Builds the search document; objects without it use a plain ILIKE on the title for `q`. */
  search?: (row: Row, related: { accountName?: string | null }) => SearchParts;
  /** Extra column values derived from the record (normalised phone keys...). */
  derive?: (row: Row) => Row;
  /** Runs inside the write transaction, before insert/update; may throw AppError. */
  beforeWrite?: (ctx: WriteContext, values: Row, existing: Row | null) => Promise<void>;
  /** Runs inside the write transaction after the row is written (timeline, links). */
  afterWrite?: (ctx: WriteContext, row: Row, existing: Row | null, input: Row) => Promise<void>;
  beforeDelete?: (ctx: WriteContext, row: Row) => Promise<void>;
  /** The fields its timeline entries show as title and body: hidden from a role, they are blanked there too. */
  timelineFields?: { title: string; body?: string };
  /** Adds related data to single-record answers (e.g. a contact's accounts). */
  expand?: (db: Tx, row: Row, actor: Actor) => Promise<Row>;

  // ---- Object definition v2: everything the platform needs to serve an object, declared
  // ---- here so a module is one folder (docs/ARCHITECTURE.md, "Adding a module").
  /** Labels in the three languages: object, fields, options, form sections. */
  labels?: Record<Locale, ObjectLabels>;
  /** How the web app shows it; served in the object's descriptor (src/shared/objects.ts). */
  ui?: {
    /** null or absent: no menu entry. */
    menu?: MenuEntry | null;
    /** Records open on a page of their own (true) or in a drawer over the list. */
    recordPage?: boolean;
    listColumns?: string[];
    quickCreate?: string[];
    sections?: FormSection[];
    /** Related lists on the record page. */
    related?: RelatedList[];
  };
  /**
   * Which built-in roles may do each action by default (role keys). An action left out falls
   * back to the role's coarse capabilities (write, delete, import, export; list/read: visibility).
   * An administrator can override per role and object (roles.permissions.objects).
   */
  policy?: Partial<Record<RecordAction, readonly string[]>>;
  /** Sortable standard columns that are never NULL (keyset cursors then skip the NULL branch). */
  notNull?: string[];
  /** Declared: the object can be imported from CSV/Excel (modules/imports). */
  import?: ImportDef;
  /**
   * Batch variants of beforeWrite / afterWrite: the single-record path calls them with one
   * row, imports with a batch, so a hook is written once. An object declares either variant.
   */
  beforeWriteBatch?: (ctx: WriteContext, rows: BatchRow[]) => Promise<void>;
  afterWriteBatch?: (ctx: WriteContext, rows: WrittenRow[]) => Promise<void>;
  /**
   * Columns afterWriteBatch reads from rows a batch insert wrote (besides id): a batch
   * insert returns only these, not whole rows. Single-record writes pass the whole row.
   */
  batchColumns?: string[];
}

export type { FieldMeta };
