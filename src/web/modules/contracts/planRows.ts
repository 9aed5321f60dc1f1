import { Money, parseMoney } from '../../../shared/money.ts';
import type { InstalmentInput, PlanAnswer } from '../../../shared/contracts/receivable-plans.ts';

// The plan editor's rows and live totals. Amounts stay the text typed (never a float) and are
// summed with the shared exact Money, so the totals shown are the ones the server checks.

type Plan = PlanAnswer['data'];
type Stored = Plan['instalments'][number];

export interface PlanRow {
  key: string;
  id?: number;
  due_date: string;
  amount: string;
  note: string;
  /** From the server; a new row has none. */
  paid: string;
  status?: Stored['status'];
  invoiced: boolean;
}

let seq = 0;
const newKey = () => `instalment-${++seq}`;

export const fromStored = (i: Stored): PlanRow => ({
  key: newKey(), id: i.id, due_date: i.due_date, amount: i.amount ?? '', note: i.note ?? '', paid: i.paid_amount ?? '0', status: i.status, invoiced: i.invoiced,
});

export const emptyRow = (due = ''): PlanRow => ({ key: newKey(), due_date: due, amount: '', note: '', paid: '0', invoiced: false });

export function toInput(rows: PlanRow[]): InstalmentInput[] {
  return rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), due_date: r.due_date.trim(), amount: r.amount.trim(), note: r.note.trim() || null }));
}

/** Planned, paid, open and unplanned of the rows on screen (an amount not yet a number counts 0). */
export function liveTotals(rows: PlanRow[], value: string | null) {
  const add = (acc: Money, v: string) => acc.plus(parseMoney(v) ?? 0);
  const planned = rows.reduce((acc, r) => add(acc, r.amount), new Money(0));
  const paid = rows.reduce((acc, r) => add(acc, r.paid), new Money(0));
  const total = new Money(parseMoney(value) ?? 0);
  return { value: total, planned, paid, open: planned.minus(paid), unplanned: total.minus(planned), over: planned.gt(total) };
}

/** `instalments.3.amount` → row 3, column amount (the server's issue paths). */
export function issueAt(field: string): { row: number; column: string } | null {
  const m = /^instalments\.(\d+)\.(\w+)$/.exec(field);
  return m ? { row: Number(m[1]), column: m[2]! } : null;
}
