import { Money, type MoneyInput } from '../../../shared/money.ts';

// Commission tiers, exact (decimal.js). A tier starts at `from` (the period's cumulative amount)
// and runs to the next tier's start; rates are percent. Marginal tiers pay each rate on the part
// of the amount inside its tier (0–100k at 3 %, 100k+ at 5 %: 150k → 3,000 + 2,500); whole-amount
// tiers pay the rate of the tier the amount reaches on all of it (150k → 7,500).

export interface Tier { from: string; rate: string }
export type TierMode = 'marginal' | 'whole';

/** Commission on a cumulative amount; a negative amount (credits exceeding sales) mirrors a positive one. */
export function commissionOn(amount: MoneyInput, tiers: readonly Tier[], mode: TierMode): Money {
  const a = new Money(amount);
  if (a.isNeg()) return commissionOn(a.neg(), tiers, mode).neg();
  if (mode === 'whole') return a.times(rateAt(a, tiers)).div(100);
  let total = new Money(0);
  tiers.forEach((t, i) => {
    const lo = new Money(t.from);
    const next = tiers[i + 1];
    const hi = next ? Money.min(a, new Money(next.from)) : a;
    if (hi.gt(lo)) total = total.plus(hi.minus(lo).times(t.rate).div(100));
  });
  return total;
}

/** The rate of the tier an amount falls in (the last tier whose start it reaches). */
export function rateAt(amount: MoneyInput, tiers: readonly Tier[]): string {
  const a = new Money(amount).abs();
  let rate = '0';
  for (const t of tiers) if (a.gte(t.from)) rate = t.rate;
  return rate;
}

export interface TierLine { credited: Money; commission: Money; rate: string }

/**
 * Lines in order, each credited with an amount: marginal lines take the commission the running
 * total gains from them (so the lines add up to commissionOn(total) exactly and a line crossing a
 * tier shows both rates); whole-amount lines take the total's rate.
 */
export function tierLines(credited: readonly MoneyInput[], tiers: readonly Tier[], mode: TierMode): TierLine[] {
  const amounts = credited.map((c) => new Money(c));
  if (mode === 'whole') {
    const total = amounts.reduce((s, a) => s.plus(a), new Money(0));
    const rate = rateAt(total, tiers);
    return amounts.map((a) => ({ credited: a, commission: a.times(rate).div(100), rate }));
  }
  let running = new Money(0);
  return amounts.map((a) => {
    const before = running;
    running = running.plus(a);
    const r1 = rateAt(before, tiers);
    const r2 = rateAt(running, tiers);
    return { credited: a, commission: commissionOn(running, tiers, mode).minus(commissionOn(before, tiers, mode)), rate: r1 === r2 ? r1 : `${r1}→${r2}` };
  });
}
