// The organisation's quote settings (settings row `quotes.settings`): the approval thresholds
// and the PDF template. Administrators edit them at /settings/quotes (GET/PATCH).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../records/types.ts';
import { writeAudit } from '../../core/audit.ts';
import { invalid } from '../../http/errors.ts';
import { allFields } from '../../records/fields.ts';
import { getObject } from '../../records/registry.ts';
import { QuoteSettings, QuoteSettingsPatch } from '../../../shared/contracts/quotes.ts';
import type { z } from 'zod';
import { readSettingsRow, writeSettingsRow } from './quotes.repo.ts';

export const QUOTE_SETTINGS_DEFAULTS: QuoteSettings = {
  max_discount_percent: null, min_margin_percent: null, pdf_header: '', pdf_footer: '', print_fields: [], link_days: 30,
};

export async function getQuoteSettings(db: Kysely<DB> | Tx): Promise<QuoteSettings> {
  const stored = QuoteSettings.partial().safeParse((await readSettingsRow(db)) ?? {});
  return { ...QUOTE_SETTINGS_DEFAULTS, ...(stored.success ? stored.data : {}) };
}

export async function updateQuoteSettings(db: Kysely<DB>, actorId: number, patch: z.infer<typeof QuoteSettingsPatch>): Promise<QuoteSettings> {
  if (patch.print_fields) {
    // Only custom fields of quotes print as facts (the standard ones already have their place).
    const custom = new Set((await allFields(db, getObject('quotes'))).filter((f) => f.custom).map((f) => f.key));
    const unknown = patch.print_fields.filter((k) => !custom.has(k));
    if (unknown.length) throw invalid(unknown.map((k) => ({ field: 'print_fields', message: `${k} is not a custom field of quotes`, code: 'unknown_field' })));
  }
  return db.transaction().execute(async (trx) => {
    const before = await getQuoteSettings(trx);
    const next: QuoteSettings = { ...before, ...patch, print_fields: [...new Set(patch.print_fields ?? before.print_fields)] };
    await writeSettingsRow(trx, next, actorId);
    await writeAudit(trx, { actorId, action: 'update', object: 'settings', recordId: null, changes: { 'quotes.settings': [before, next] } });
    return next;
  });
}
