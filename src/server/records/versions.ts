import { sql } from 'kysely';
import type { Actor } from '../core/access.ts';
import { AppError, invalid } from '../http/errors.ts';
import type { ObjectDef, Row, Tx } from './types.ts';
// A cycle (service.ts imports this file) that is safe: present() is only called at run time.
import { present } from './service.ts';

// Optimistic concurrency. Every record row has a `version` the database raises on each
// UPDATE (trigger of migration 012), so any write path counts. A client sends back the
// version it read (If-Match: "<version>" or `version` in the body) and a stale one is a 409
// carrying the current record, so nobody overwrites a change they never saw.

/** `"3"`, `W/"3"` or `3` → 3; `*` or no header → undefined (no precondition). */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const h = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  if (h === '' || h === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(h);
  if (!m) throw invalid([{ field: 'If-Match', message: 'Must be a record version, as in the ETag header ("3")', code: 'invalid_version' }]);
  return Number(m[1]);
}

/** The ETag of a record answer. */
export function etagOf(record: Row | undefined): string | undefined {
  return typeof record?.version === 'number' ? `"${record.version}"` : undefined;
}

/** Takes `version` out of an update body (it is a precondition, not a field) and reconciles it with If-Match. */
export function expectedVersion(input: unknown, ifMatch: number | undefined): { values: unknown; expected: number | undefined } {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !('version' in input)) return { values: input, expected: ifMatch };
  const { version, ...values } = input as Row;
  if (version === null || version === undefined) return { values, expected: ifMatch };
  if (!Number.isInteger(version) || version < 1) throw invalid([{ field: 'version', message: 'Must be the record version you read', code: 'invalid_version' }]);
  if (ifMatch !== undefined && ifMatch !== version) throw invalid([{ field: 'version', message: 'The body version and If-Match disagree', code: 'invalid_version' }]);
  return { values, expected: version };
}

/** Who wrote the record last and when, from the audit log (every write path audits). */
async function lastChange(db: Tx, def: ObjectDef, id: number): Promise<{ by: { id: number; name: string } | null; at: string | null }> {
  const { rows } = await sql<{ actor_id: number | null; name: string | null; at: Date }>`
    SELECT a.actor_id, u.name, a.at FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
    WHERE a.object = ${def.name} AND a.record_id = ${id} ORDER BY a.id DESC LIMIT 1`.execute(db);
  const r = rows[0];
  return { by: r?.actor_id ? { id: r.actor_id, name: r.name ?? '' } : null, at: r ? new Date(r.at).toISOString() : null };
}

/**
 * Throws 409 conflict unless the locked row is still at the version the client read. The
 * details carry the current record as a GET shows it (`present` redacts it for the actor),
 * and who changed it last and when, so the client can offer reload or overwrite.
 */
export async function assertVersion(db: Tx, def: ObjectDef, actor: Actor, existing: Row, expected: number): Promise<void> {
  if (existing.version === undefined || existing.version === expected) return;
  const current = await present(db, def, actor, existing);
  const change = await lastChange(db, def, existing.id);
  throw new AppError('conflict', 'The record was changed since you read it', {
    reason: 'version_mismatch',
    expected,
    current,
    changed_by: change.by,
    changed_at: current.updated_at ?? change.at,
  });
}
