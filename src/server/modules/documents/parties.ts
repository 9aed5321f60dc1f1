import type { z } from 'zod';
import type { DocumentParty } from '../../../shared/contracts/documents.ts';
import type { Locale } from '../../../shared/fields.ts';
import { AppError } from '../../http/errors.ts';
import { findObject } from '../../records/registry.ts';
import { getRecord } from '../../records/service.ts';
import type { PrintContext, Row } from '../../records/types.ts';
import { getSettings } from '../settings/settings.service.ts';

// Helpers a printable() uses to fill in a document's parties, so a quote, order or invoice
// module writes only what is its own (lines, totals, dates):
//   seller: await sellerParty(ctx), buyer: await accountParty(ctx, row.account_id) ?? NO_PARTY

type Party = z.infer<typeof DocumentParty>;

export const NO_PARTY: Party = { name: '', lines: [] };

/** An address on one line, as the locale writes it: 上海市浦东新区世纪大道100号 / 100 Century Ave, Pudong, Shanghai. */
export function addressLine(r: Row, locale: Locale): string {
  const v = (k: string) => (typeof r[k] === 'string' ? (r[k] as string).trim() : '');
  if (locale === 'en') return [v('street'), v('district'), v('city'), [v('province'), v('postal_code')].filter(Boolean).join(' '), v('country')].filter(Boolean).join(', ');
  const place = [v('country'), v('province'), v('city'), v('district'), v('street')].filter(Boolean).join('');
  return [place, v('postal_code')].filter(Boolean).join(' ');
}

/** A party from an account row as GET /accounts/{id} answers it (hidden fields already absent). */
export function partyFromAccount(account: Row, locale: Locale): Party {
  const lines = [addressLine(account, locale), ...['phone', 'email'].map((k) => (typeof account[k] === 'string' ? account[k] : ''))].filter(Boolean) as string[];
  // No standard tax number on accounts yet: a custom field keyed `tax_id` fills it in.
  const taxId = account.tax_id;
  return { name: String(account.name ?? ''), lines, ...(typeof taxId === 'string' && taxId ? { tax_id: taxId } : {}) };
}

/**
 * The buyer from a linked account, read as the printing user may read it (visibility and field
 * rules): null when there is none or the user may not see it, so a document never prints a
 * customer its reader could not open.
 */
export async function accountParty(ctx: PrintContext, accountId: unknown): Promise<Party | null> {
  const def = findObject('accounts');
  if (!def || typeof accountId !== 'number' && typeof accountId !== 'string') return null;
  try {
    return partyFromAccount(await getRecord(ctx.db, def, ctx.actor, Number(accountId)), ctx.locale);
  } catch (e) {
    if (e instanceof AppError && (e.code === 'not_found' || e.code === 'forbidden')) return null;
    throw e;
  }
}

/** The seller: the organisation's name from the settings (empty until an administrator sets it). */
export async function sellerParty(ctx: PrintContext): Promise<Party> {
  const s = await getSettings(ctx.db);
  return { name: s.organization_name, lines: [] };
}
