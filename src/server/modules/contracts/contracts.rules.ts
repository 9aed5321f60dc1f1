import { AppError, invalid, type FieldIssue } from '../../http/errors.ts';
import { parseMoney } from '../../../shared/money.ts';
import type { Row, Tx } from '../../records/types.ts';
import { planSum } from './contracts.repo.ts';

// The checks of a contract write beside the engine's field validation: a term that ends before it
// starts (422 end_before_start), a negative value, non-integer months or days, auto-renewal
// without a term, and a value lowered under its receivable plan (422 plan_exceeds_value).

function wholeNumber(values: Row, key: string, min: number, max: number, issues: FieldIssue[]): void {
  const v = values[key];
  if (v === undefined || v === null) return;
  if (!Number.isInteger(v) || v < min || v > max) issues.push({ field: key, message: `Must be a whole number from ${min} to ${max}`, code: 'out_of_range' });
}

export async function checkContractValues(trx: Tx, values: Row, existing: Row | null): Promise<void> {
  const merged = { ...(existing ?? {}), ...values };
  const issues: FieldIssue[] = [];
  const value = parseMoney(merged.value);
  if (value && value.isNegative()) issues.push({ field: 'value', message: 'The contract value cannot be negative', code: 'negative_value' });
  wholeNumber(values, 'renewal_term_months', 1, 120, issues);
  wholeNumber(values, 'notice_days', 0, 3650, issues);
  if (merged.auto_renew === true && !merged.renewal_term_months) {
    issues.push({ field: 'renewal_term_months', message: 'A contract that renews automatically needs a renewal term', code: 'required' });
  }
  if (issues.length) throw invalid(issues);
  // Dates are YYYY-MM-DD text (validated, and how the database answers them): compared as text.
  if (merged.start_date && merged.end_date && String(merged.end_date) < String(merged.start_date)) {
    throw new AppError('end_before_start', 'The contract cannot end before it starts', [{ field: 'end_date', message: 'Before the start date', code: 'end_before_start' }]);
  }
  if (existing && values.value !== undefined && value) {
    const planned = await planSum(trx, existing.id);
    if (planned.gt(value)) throw new AppError('plan_exceeds_value', `The receivable plan (${planned.toFixed(2)}) is more than the new value`, { reason: 'plan_exceeds_value', planned: planned.toFixed(2) });
  }
}
