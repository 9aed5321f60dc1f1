import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { renderPdf } from '../../core/pdf/render.ts';
import { notFound } from '../../http/errors.ts';
import { getRecord } from '../../records/service.ts';
import type { ObjectDef } from '../../records/types.ts';
import { LOCALES, type Locale } from '../../../shared/fields.ts';

/** The locale asked for, else the user's, else English. */
export function printLocale(actor: Actor, asked?: Locale): Locale {
  if (asked) return asked;
  return (LOCALES as readonly string[]).includes(actor.locale) ? (actor.locale as Locale) : 'en';
}

/**
 * A record printed as its business document. The record is read as GET /{object}/{id} reads it
 * (read permission, visibility: a hidden record is not_found like a missing one; field rules
 * applied, so printable() never sees a field the actor may not), then rendered, and the print
 * audited as `printed` (who printed which document number, in which language).
 */
export async function printRecord(db: Kysely<DB>, def: ObjectDef, actor: Actor, id: number, asked?: Locale): Promise<{ pdf: Buffer; number: string }> {
  if (!def.printable) throw notFound(def.singular);
  const row = await getRecord(db, def, actor, id);
  const locale = printLocale(actor, asked);
  const doc = await def.printable({ db, actor, locale }, row);
  const pdf = await renderPdf(doc);
  await writeAudit(db, { actorId: actor.id, action: 'printed', object: def.name, recordId: id, changes: { number: doc.number, kind: doc.kind, locale: doc.locale } });
  return { pdf, number: doc.number };
}
