import type { Tx } from '../../records/types.ts';

/** SQL of the import lists and reports (the import itself writes through imports.service). */
export function selectImports(db: Tx, creator: number | null, before: number | null, limit: number) {
  let q = db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit);
  if (creator !== null) q = q.where('created_by', '=', creator);
  if (before !== null) q = q.where('id', '<', before);
  return q.execute();
}

export const selectErrors = (db: Tx, importId: number, limit: number) =>
  db.selectFrom('import_errors').select(['line', 'reason', 'issues']).where('import_id', '=', importId).orderBy('line').limit(limit).execute();

export const selectWarnings = (db: Tx, importId: number, limit: number) =>
  db.selectFrom('import_warnings').select(['line', 'field', 'reason', 'code']).where('import_id', '=', importId).orderBy('line').orderBy('field').limit(limit).execute();

export const selectSkipped = (db: Tx, importId: number, limit: number) =>
  db.selectFrom('import_skipped').select(['line', 'record_id', 'record_title', 'reason']).where('import_id', '=', importId).orderBy('line').limit(limit).execute();
