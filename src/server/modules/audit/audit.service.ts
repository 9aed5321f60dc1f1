import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can, type Actor } from '../../core/access.ts';
import { forbidden } from '../../http/errors.ts';
import { decodeCursor } from '../../records/query.ts';
import { pageOf } from '../../records/page.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible } from '../../records/service.ts';
import { invalid } from '../../http/errors.ts';
import { auditRecordVisible, redactAuditRows } from './audit-redact.ts';
import { auditTitles } from './audit-titles.ts';
import { selectAuditPage, selectLoginHistory } from './audit.repo.ts';

export interface Page { limit?: number; cursor?: string }

/** Keyset page over a table ordered by id descending. */
function idCursor(cursor: string | undefined) {
  return cursor ? decodeCursor(cursor)[1] : null;
}

/**
 * Admins read the whole log; others read the history of a record they can see. Either way
 * entries about records the actor may not read are left out and hidden fields redacted.
 */
export async function readAuditLog(db: Kysely<DB>, actor: Actor, page: Page, f: Record<string, string>) {
  if (!can(actor, 'admin')) {
    if (!f.object || !f.record_id) throw forbidden('Only administrators may read the whole audit log; filter by object and record_id');
    await loadVisible(db, getObject(f.object), actor, Number(f.record_id));
  }
  const limit = page.limit ?? 50;
  const rows = await selectAuditPage(db, auditRecordVisible(actor, 'a'), {
    object: f.object || undefined,
    record_id: f.record_id ? Number(f.record_id) : undefined,
    actor_id: f.actor_id ? Number(f.actor_id) : undefined,
    action: f.action || undefined,
    before: idCursor(page.cursor),
    from: dayBound(f, 'from', 0),
    to: dayBound(f, 'to', 1),
  }, limit + 1);
  const shown = pageOf(rows, limit, (r) => [null, r.id]);
  return { ...shown, data: await auditTitles(db, actor, await redactAuditRows(db, actor, shown.data)) };
}

/**
 * `filter[from]` / `filter[to]`: a day (YYYY-MM-DD, the whole day included, UTC) or an
 * ISO date-time; anything else is refused rather than ignored.
 */
function dayBound(f: Record<string, string>, key: 'from' | 'to', addDays: number): string | undefined {
  const raw = f[key]?.trim();
  if (!raw) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const d = new Date(day ? `${raw}T00:00:00Z` : raw);
  const year = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || year < 1 || year > 9999) throw invalid([{ field: key, message: 'Must be a date (YYYY-MM-DD) or a date-time', code: 'invalid_date' }]);
  if (day) d.setUTCDate(d.getUTCDate() + addDays);
  return d.toISOString();
}

export async function readLoginHistory(db: Kysely<DB>, actor: Actor, page: Page) {
  const limit = page.limit ?? 50;
  const rows = await selectLoginHistory(db, can(actor, 'admin') ? null : actor.id, idCursor(page.cursor), limit + 1);
  return pageOf(rows, limit, (r) => [null, r.id]);
}
