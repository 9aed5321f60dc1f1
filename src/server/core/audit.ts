import type { Tx } from '../records/types.ts';

export type AuditAction = 'create' | 'update' | 'delete' | 'merge' | 'import' | 'restore' | string;

/** Field-by-field difference, {field: [old, new]}, of the keys the update touched. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown>, keys?: string[]): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of keys ?? Object.keys(after)) {
    const a = before?.[k] ?? null;
    const b = after[k] ?? null;
    if (JSON.stringify(norm(a)) !== JSON.stringify(norm(b))) out[k] = [norm(a), norm(b)];
  }
  return out;
}

function norm(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

export async function writeAudit(
  db: Tx,
  entry: { actorId: number | null; action: AuditAction; object: string; recordId: number | null; changes?: unknown },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      object: entry.object,
      record_id: entry.recordId,
      changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
    })
    .execute();
}
