import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FieldMeta, FieldOption, FieldType } from '../../shared/fields.ts';
import type { SearchParts } from '../text/search-text.ts';
import type { Actor } from '../core/access.ts';

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
}

export type { FieldMeta };
