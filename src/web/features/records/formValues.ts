import type { ApiRecord, FieldMeta } from '../../api/types.ts';
import { isBlank } from '../../fields/FieldValue.tsx';

/** Fields the system sets: never in a form. */
export const SYSTEM_KEYS = new Set(['created_at', 'updated_at', 'created_by', 'completed_at']);

export function formFields(fields: FieldMeta[], mode: 'create' | 'edit'): FieldMeta[] {
  return fields.filter((f) => !SYSTEM_KEYS.has(f.key) && !(mode === 'create' && f.readonly));
}

/** What the form starts with: the record's values for the fields shown. */
export function initialValues(fields: FieldMeta[], record: ApiRecord | null | undefined, defaults: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...defaults };
  if (!record) return out;
  for (const f of fields) if (f.key in record) out[f.key] = record[f.key];
  return out;
}

function norm(v: unknown): unknown {
  if (typeof v === 'string' && v.trim() === '') return null;
  if (Array.isArray(v) && v.length === 0) return null;
  return v === undefined ? null : v;
}

/** The body to send: everything filled on create; only what changed (and may be written) on edit. */
export function payload(fields: FieldMeta[], values: Record<string, unknown>, record: ApiRecord | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.readonly || !(f.key in values)) continue;
    const v = norm(values[f.key]);
    if (!record) {
      if (!isBlank(v)) out[f.key] = typeof v === 'string' && f.type !== 'longtext' ? v.trim() : v;
      continue;
    }
    const before = norm(record[f.key]);
    if (JSON.stringify(before) !== JSON.stringify(v)) out[f.key] = v;
  }
  return out;
}
