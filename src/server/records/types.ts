import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FieldMeta, FieldOption, FieldType } from '../../shared/fields.ts';
import type { SearchParts } from '../text/search-text.ts';
import type { PinyinMode } from '../text/pinyin.ts';
import type { Actor } from '../core/access.ts';
import type { Locale } from '../../shared/fields.ts';
import type { FormSection, MenuEntry, ObjectLabels, RecordAction, RelatedList } from '../../shared/objects.ts';
import type { PrintableDocument } from '../../shared/contracts/documents.ts';
import type { ConditionGroup } from '../../shared/contracts/conditions.ts';

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
  /**
   * Link fields: what deleting the linked record does to this record (records/delete-rules.ts).
   * 'set_null' (the default) clears the link, 'cascade' deletes this record too, 'restrict'
   * refuses the delete while this record links to it.
   */
  onDelete?: 'cascade' | 'set_null' | 'restrict';
  /** With onDelete 'cascade': a record still linked through one of these link fields is kept, the link cleared. */
  keepIfLinked?: string[];
  /** Link fields: the target's record page lists the records linking to it (a related list declared by the referencing object). */
  relatedList?: boolean;
  /**
   * Long text that may @mention users (`@[Name](user:12)`, src/shared/mentions.ts): the web
   * offers a mention input, and a write adding a mention notifies that user (modules/notifications).
   */
  mentions?: boolean;
  /**
   * Select fields: the field is a state machine (records/stages.ts), its options in stage order.
   * `transitions` (absent: any move) lists the stages each stage may move to; `requiredOnEnter`
   * the fields a record must have filled to enter a stage (on create too). Every change is kept
   * in `stage_history`.
   */
  stages?: StageRules;
  /**
   * A value derived from another field that would disclose it (an amount converted into the
   * organisation currency): a role's field rule on that field is copied onto this one whenever
   * a role is saved (modules/users roles.service.ts), so hiding the source hides it too.
   */
  ruleOf?: string;
  /**
   * A valid example value for generated test records (db/record-samples.ts) when the field's
   * hooks check its form (a tax ID with its check character), so a marker would be refused.
   */
  sample?: string;
}

export interface StageRules {
  transitions?: Record<string, readonly string[]>;
  requiredOnEnter?: Record<string, readonly string[]>;
}

/** A kanban board of the object by a stage (select) field; cards ordered by a fractional-index text column (COLLATE "C", NOT NULL). */
export interface BoardDef {
  field: string;
  positionColumn: string;
  /**
   * The columns are data (a pipeline's stages, `field` a number holding their ids), not the
   * field's options: the object's own module serves its board routes with records/board.ts's
   * columnTotals / columnCards / moveToColumn, and modules/stages and the generic Board view
   * leave it alone. New records still get their card key (board-position.ts).
   */
  dataColumns?: boolean;
}

/** What an object's records put on timelines (core/timeline.ts). */
export interface TimelineDef {
  /** Its link fields whose records show its events (an activity's contact_id and account_id). */
  targets: string[];
  /** The fields its entries show as title and body: hidden from a role, they are blanked there too. */
  title: string;
  body?: string;
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
  /**
   * The owner is for the engine's write extensions to decide (records/hooks.ts): a create that
   * named no owner (the engine filled in the actor), or a reassignment asked for
   * (POST /{object}/assign). Assignment rules (modules/assignment) may then set it.
   */
  assign?: boolean;
}

/** One written row for the after hooks: the row (see ObjectDef.batchColumns), the row before, the request input. */
export interface WrittenRow {
  row: Row;
  existing: Row | null;
  input: Row;
  /** The values object the before hooks saw for this row (the same object), when the write path has it. */
  values?: Row;
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
  /** Its search document, hits and dependencies; objects without it use a plain ILIKE on the title for `q`. */
  search?: SearchSpec;
  /** Duplicate keys: GET /{object}/{id}/duplicates, POST /{object}/duplicates/check (import matching may read them too). */
  duplicates?: { keys: readonly DuplicateKey[] };
  /** Extra column values derived from the record (normalised phone keys...). */
  derive?: (row: Row) => Row;
  /**
   * Sorting by the title field orders by a pinyin sort key (records/sort-key.ts) kept in the
   * table's `sort_key text COLLATE "C"` column, which the object's migration adds with an index
   * `(sort_key, id)`; 'person' reads the first character as a surname. Kept on every write,
   * filled for older rows at start-up.
   */
  titleSort?: 'name' | 'person';
  /** Runs inside the write transaction, before insert/update; may throw AppError. */
  beforeWrite?: (ctx: WriteContext, values: Row, existing: Row | null) => Promise<void>;
  /** Runs inside the write transaction after the row is written (timeline, links). */
  afterWrite?: (ctx: WriteContext, row: Row, existing: Row | null, input: Row) => Promise<void>;
  beforeDelete?: (ctx: WriteContext, row: Row) => Promise<void>;
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
    /** Fields whose values line up under the title of its record page ('Sales director · Acme'). */
    subtitle?: string[];
    /** Values a new record's form starts with (field key → value; CURRENT_USER for "me"). */
    defaults?: Record<string, unknown>;
  };
  /**
   * Which built-in roles may do each action by default (role keys). An action left out falls
   * back to the role's coarse capabilities (write, delete, import, export; list/read: visibility).
   * An administrator can override per role and object (roles.permissions.objects).
   */
  policy?: Partial<Record<RecordAction, readonly string[]>>;
  /** Files can be attached to its records (modules/attachments: list, upload, download, delete). */
  attachments?: boolean;
  /** Its events go on the timelines of the records its `targets` link fields point at. */
  timeline?: TimelineDef;
  /**
   * A standard text field holding the record's ISO 4217 currency (accounts: 'currency'); its
   * money fields are amounts in it. Absent, or the field empty: the organisation currency.
   */
  currencyField?: string;
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
  /**
   * A document number the engine assigns on create (core/numbering.ts): `field` (a standard
   * text field declared `system: true`, so clients and imports cannot set it) gets the next
   * number of sequence `type`, written with `pattern` (`C-{00000}`, `Q-{YYYY}-{00000}`: the
   * declared default; an administrator may change it) in the creating transaction. `gapFree`:
   * the law needs consecutive numbers (invoices). Numbers never repeat; add a unique index on
   * the column in the object's migration.
   */
  numbering?: NumberingDef;
  /** A kanban board (modules/stages: GET /{object}/board, /board/cards, POST /{object}/{id}/move). */
  board?: BoardDef;
  /**
   * The record prints as a business document (core/pdf, modules/documents: GET /{object}/{id}/pdf).
   * Called with a row the actor may read, field rules already applied: a hidden field never prints.
   */
  printable?: (ctx: PrintContext, row: Row) => Promise<PrintableDocument>;
  /** Child lines with computed totals (records/line-items.ts, issue 12 piece 2). */
  lines?: LineItemsDef;
  /** New records without an owner are given one by assignment rules (modules/assignment). */
  assignment?: AssignmentDef;
  /**
   * The records form a tree by `parentField`; `closure` names the table of (ancestor, descendant)
   * pairs, each record its own ancestor too, kept by the object's hooks. A link field pointing at
   * the object then filters with `filter[field][under]=id` (the record and all below it).
   */
  tree?: TreeDef;
}

export interface TreeDef {
  parentField: string;
  closure: { table: string; ancestor: string; descendant: string };
}

/** What a printable() needs besides the row: who prints, in which language, a database handle. */
export interface PrintContext {
  db: Kysely<DB>;
  actor: Actor;
  locale: Locale;
}

/**
 * Child lines of a parent record (quotes, orders, invoices): `table` holds the lines (its
 * migration creates the standard line columns, see records/line-items.ts); the parent's
 * `totals` fields are recomputed in the transaction that changes its lines.
 */
export interface LineItemsDef {
  table: string;
  /** The object lines may pick a product from (copies name, unit, price, tax rate). */
  productObject?: string;
  /** Parent money fields written from the lines: net (after discounts), tax, gross, discount. */
  totals: { net: string; tax: string; gross: string; discount?: string };
  /** The parent's field holding its rounding mode ('per_line' | 'total'); absent: per line. */
  roundingField?: string;
  /** The parent's boolean field: unit prices include tax. */
  pricesIncludeTaxField?: string;
  /** The parent's number field: percent off the whole document, applied to every line after its own discount. */
  discountField?: string;
  /**
   * The product object's fields a line copies when it leaves them out (defaults: `sku`, the
   * product's title field, `unit`, `list_price`, `tax_rate`; an `active` boolean field, when the
   * product object has one, must be true). The price is copied only when the parent's currency
   * is the organisation's (catalogue prices are in it).
   */
  productFields?: { sku?: string; description?: string; unit?: string; unitPrice?: string; taxRate?: string };
  /**
   * Where a registered pricer (records/line-pricing.ts, modules/price-books) reads the parent's
   * account (default: its first link to accounts) and pricing date (default: today).
   */
  pricing?: { accountField?: string; dateField?: string };
  /**
   * Each line keeps where its unit price came from (records/line-price-source.ts): the lines
   * table then has the columns price_source, price_book_id, price_book_name, price_tier_min.
   * `bookObject`: the object whose read permission shows a book's id and name to a reader
   * (without it the line says only that a price book priced it).
   */
  priceSource?: { bookObject: string };
  /**
   * May the parent's lines be replaced now? Called by putLines in its transaction with the
   * parent locked (after the visibility and version checks); throws an AppError to refuse
   * (a sent quote: 409 quote_not_editable; an order past draft: order_not_editable), and then
   * nothing is written. Absent: always.
   */
  mayEdit?: (ctx: WriteContext, parent: Row) => void | Promise<void>;
}

/**
 * Assignment rules apply to this object: `loadFilter` is the condition that counts a record
 * as open work of its owner (load balancing), e.g. tasks whose status is not done.
 */
export interface AssignmentDef {
  loadFilter?: ConditionGroup;
}

export interface NumberingDef {
  field: string;
  type: string;
  pattern: string;
  gapFree?: boolean;
}

/**
 * Values of linked records a search document includes: `link` is a standard link field of the
 * object, `fields` standard columns of the record it points at. The engine fetches them, puts
 * them in the document as sections tagged with the link field (so a role hiding the link field
 * cannot find by them, nor can an actor whose visibility on the linked object is not 'all':
 * search-sql.ts), and re-indexes the dependants when one of those fields changes
 * (modules/search/dependants.ts: in the write's transaction up to INLINE_DEPENDANTS, else a job).
 */
export interface SearchRelated {
  link: string;
  fields: readonly string[];
}

/** By link field: the listed fields of the linked record (null: no link, or the record is gone). */
export type RelatedValues = Record<string, Row | null>;

export interface SearchSpec {
  /**
   * The record's own text (actor-independent): names first (the first is the title), each value
   * naming its field. The related sections are added by the engine; `related` is there for
   * documents that need more than the plain values.
   */
  document: (row: Row, related: RelatedValues) => SearchParts;
  /** How names read in pinyin (a person's surname reading, or a company's ordinary one); default person. */
  pinyin?: PinyinMode;
  /**
   * Standard fields shown under a hit of /search, in order; each dropped when the caller's role
   * hides it, a link field shown as the linked record's title only when the caller may read it.
   */
  subtitle: readonly string[];
  /** Searched by GET /search (the global search box). */
  global?: boolean;
  related?: readonly SearchRelated[];
}

/**
 * One way two records are the same (modules/duplicates/duplicates.service.ts):
 * - `email`: the field equal, case-insensitive;
 * - `phone`: any of these fields' phone keys equal (E.164, text/phone.ts); each field's key is
 *   the column `<field>_key` the object's `derive` writes;
 * - `name`: the field equal, case-insensitive (reported when equal after Simplified/Traditional
 *   folding); with `within`, only among records whose link field `within` is the probe's.
 */
export type DuplicateKey =
  | { match: 'email'; field: string }
  | { match: 'phone'; fields: readonly string[] }
  | { match: 'name'; field: string; within?: string };

export type { FieldMeta };
