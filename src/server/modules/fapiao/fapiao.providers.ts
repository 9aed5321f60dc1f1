import { AppError } from '../../http/errors.ts';
import type { Row } from '../../records/types.ts';
import { isPaper } from './fapiao.object.ts';

// How a fapiao gets issued: a provider takes the fapiao (and what the user entered) and
// answers its number, code and date. `manual` is the one without a network: the user issued
// it in the tax bureau's system and types the number in (the files go to its attachments).
// A provider for a tax-control service registers itself the same way.

export interface IssueInput { number?: string; code?: string | null; issue_date?: string }
export interface IssueResult { number: string; code: string | null; issue_date: string }
export interface FapiaoProvider {
  key: string;
  issue(fapiao: Row, input: IssueInput): Promise<IssueResult>;
}

const providers = new Map<string, FapiaoProvider>();

export function registerFapiaoProvider(provider: FapiaoProvider): void {
  providers.set(provider.key, provider);
}

export function fapiaoProvider(key: string): FapiaoProvider | undefined {
  return providers.get(key);
}

const badNumber = (message: string, field: string) => new AppError('invalid_fapiao_number', message, { reason: 'invalid_fapiao_number', field });

/** A digital fapiao has a 20-digit number; a paper one an 8-digit number and a 10- or 12-digit code. */
export function checkNumber(kind: string, number: string | undefined, code: string | null | undefined): { number: string; code: string | null } {
  const n = (number ?? '').trim();
  if (!isPaper(kind)) {
    if (!/^\d{20}$/.test(n)) throw badNumber('A digital fapiao number (发票号码) has 20 digits', 'number');
    return { number: n, code: null };
  }
  const c = (code ?? '').trim();
  if (!/^\d{8}$/.test(n)) throw badNumber('A paper fapiao number (发票号码) has 8 digits', 'number');
  if (!/^(\d{10}|\d{12})$/.test(c)) throw badNumber('A paper fapiao code (发票代码) has 10 or 12 digits', 'code');
  return { number: n, code: c };
}

registerFapiaoProvider({
  key: 'manual',
  async issue(fapiao, input) {
    return { ...checkNumber(fapiao.kind, input.number, input.code), issue_date: input.issue_date ?? new Date().toISOString().slice(0, 10) };
  },
});
