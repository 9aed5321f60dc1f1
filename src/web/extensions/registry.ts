import type { ComponentType, ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { ApiRecord } from '../api/types.ts';

// The seam through which a business module's web part adds to the generic pages without editing
// them (issue 13: orders, invoices, opportunities… each add their own actions and panels).
// A module's web folder calls these at import; src/web/extensions/index.ts imports each folder
// once. The generic RecordPage / ListPage / App read the registry.

export interface RecordExtensionProps {
  object: string;
  id: number;
  record: ApiRecord;
  /** The user may update this record. */
  canEdit: boolean;
  /** Reloads the record (and what hangs off it) after an action changed it. */
  reload: () => void;
}

export interface RecordExtension {
  /** Buttons in the record page's header, before Edit (confirm an order, send a quote…). */
  Actions?: ComponentType<RecordExtensionProps>;
  /** Cards spanning the page under the header (a quote's versions, an order's credit hold…). */
  Panels?: ComponentType<RecordExtensionProps>;
  /** Tabs beside the details (payments of an invoice, contact roles of an opportunity…). */
  tabs?: { key: string; label: (t: TFunction) => string; View: ComponentType<RecordExtensionProps> }[];
  /** The record page's title when the title field alone does not say what it is (a fapiao: its number, else kind and status); null: the default. */
  title?: (t: TFunction, record: ApiRecord) => string | null;
}

const records = new Map<string, RecordExtension[]>();

export function registerRecordExtension(object: string, ext: RecordExtension): void {
  records.set(object, [...(records.get(object) ?? []), ext]);
}

export function recordExtensions(object: string): RecordExtension[] {
  return records.get(object) ?? [];
}

/** A page replacing an object's list at /<object> (the generic list stays at /<object>/all): a pipeline's kanban. */
const listOverrides = new Map<string, ComponentType>();

export function registerListPage(object: string, page: ComponentType): void {
  listOverrides.set(object, page);
}

export function listPageOf(object: string): ComponentType | undefined {
  return listOverrides.get(object);
}

/** A page at its own path inside the signed-in shell (settings/pipelines, reports/sales). */
export interface ModulePage {
  /** Without a leading slash: 'settings/pipelines'. */
  path: string;
  element: ReactNode;
  /** A left-menu entry: in a record objects' group ('sales'…) or 'settings'; `admin`: administrators only. */
  menu?: { group: string; icon: ReactNode; label: (t: TFunction) => string; admin?: boolean };
}

const pages: ModulePage[] = [];

export function registerPage(page: ModulePage): void {
  pages.push(page);
}

export function modulePages(): readonly ModulePage[] {
  return pages;
}

/**
 * Where a module keeps the words for its own error codes ('contracts.errors' holds
 * `end_before_start`…): the generic pages (the record form, toasts) look a code up there after
 * the shared `serverErrors`, so a module's refusal reads in the user's language everywhere, not
 * only on the module's own screens.
 */
const errorPrefixes: string[] = [];

export function registerErrorMessages(prefix: string): void {
  if (!errorPrefixes.includes(prefix)) errorPrefixes.push(prefix);
}

export function errorMessagePrefixes(): readonly string[] {
  return errorPrefixes;
}
