import type { Filter } from '../../api/types.ts';
import { recordsLink } from '../../lib/drill.ts';

/** The quarter of a date ('2026-Q4') and its neighbours, for the period switcher. */
export function quarters(now = new Date(), before = 4, after = 2): string[] {
  const base = now.getFullYear() * 4 + Math.floor(now.getMonth() / 3);
  const out: string[] = [];
  for (let i = base - before; i <= base + after; i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

/**
 * The opportunities behind a forecast figure: the owner's (or everyone's visible), closing in the
 * period, open or won. The list cannot filter by the effective forecast category (the opportunity's
 * override, else its stage's), so a category cell drills to the open opportunities of the period.
 */
export function drill(period: { start: string; end: string }, owner: number | null, kind: 'open' | 'won'): string {
  const f: Filter[] = [
    { field: 'expected_close_date', op: 'gte', value: period.start },
    { field: 'expected_close_date', op: 'lt', value: period.end },
    { field: 'stage_category', op: 'eq', value: kind },
  ];
  if (owner) f.push({ field: 'owner_id', op: 'eq', value: String(owner) });
  return recordsLink('opportunities', f);
}
