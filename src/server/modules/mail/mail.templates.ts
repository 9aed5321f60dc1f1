// Templates per key and locale: an admin's edit, else the default shipped in code.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../records/types.ts';
import { writeAudit } from '../../core/audit.ts';
import { notFound } from '../../http/errors.ts';
import { TEMPLATE_KINDS, type TemplateKind, type TemplateText } from './mail.defaults.ts';
import { LOCALES, type Locale } from './mail.types.ts';
import { checkTemplate, renderTemplate, type Rendered } from './mail.render.ts';
import { deleteTemplate, storedTemplates, upsertTemplate } from './mail.repo.ts';

export const TemplateBody = z
  .object({
    subject: z.string().trim().min(1).max(500),
    html: z.string().min(1).max(200_000),
    text: z.string().max(200_000).nullish(),
  })
  .strict();

export function templateKind(key: string, locale: string): TemplateKind {
  const kind = Object.hasOwn(TEMPLATE_KINDS, key) ? TEMPLATE_KINDS[key] : undefined;
  if (!kind || !(LOCALES as readonly string[]).includes(locale)) throw notFound('Template');
  return kind;
}

/** Leaf paths of a sample (`task.title`…): the variables a template of that kind may use. */
function variablesOf(v: unknown, prefix = ''): string[] {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return [prefix];
  return Object.entries(v).flatMap(([k, x]) => variablesOf(x, prefix ? `${prefix}.${k}` : k));
}

/** The template a message of `key` in `locale` is written with. */
export async function resolveTemplate(db: Tx, key: string, locale: Locale): Promise<TemplateText> {
  const kind = templateKind(key, locale);
  const [stored] = await storedTemplates(db, key, locale);
  return stored ?? kind.defaults[locale] ?? kind.defaults.en;
}

export async function listTemplates(db: Kysely<DB>) {
  const stored = new Map((await storedTemplates(db)).map((t) => [`${t.key}/${t.locale}`, t]));
  return Object.entries(TEMPLATE_KINDS).flatMap(([key, kind]) =>
    LOCALES.map((locale) => {
      const own = stored.get(`${key}/${locale}`);
      const t = own ?? kind.defaults[locale];
      return { key, locale, subject: t.subject, html: t.html, text: t.text ?? null, customised: !!own, variables: variablesOf(kind.sample) };
    }),
  );
}

/** Checks a template and renders it with its kind's sample values (what preview shows; save refuses what preview would). */
export async function previewTemplate(key: string, locale: string, body: TemplateText): Promise<Rendered> {
  const kind = templateKind(key, locale);
  checkTemplate(body, kind.sample);
  return renderTemplate(body, kind.sample);
}

export async function saveTemplate(db: Kysely<DB>, actorId: number, key: string, locale: string, body: TemplateText) {
  await previewTemplate(key, locale, body);
  await db.transaction().execute(async (trx) => {
    await upsertTemplate(trx, key, locale, body, actorId);
    await writeAudit(trx, { actorId, action: 'update', object: 'mail_templates', recordId: null, changes: { [`${key}/${locale}`]: [null, body.subject] } });
  });
  return (await listTemplates(db)).find((t) => t.key === key && t.locale === locale)!;
}

/** Back to the shipped default. */
export async function resetTemplate(db: Kysely<DB>, actorId: number, key: string, locale: string) {
  templateKind(key, locale);
  await db.transaction().execute(async (trx) => {
    if (await deleteTemplate(trx, key, locale)) {
      await writeAudit(trx, { actorId, action: 'delete', object: 'mail_templates', recordId: null, changes: { [`${key}/${locale}`]: ['customised', 'default'] } });
    }
  });
  return (await listTemplates(db)).find((t) => t.key === key && t.locale === locale)!;
}
