import { forecastDrillFilters, type ForecastColumn } from '../../../shared/forecast-drill.ts';
import { recordsLink } from '../../lib/drill.ts';

/** The quarter of a date ('2026-Q4') and its neighbours, for the period switcher. */
export function quarters(now = new Date(), before = 4, after = 2): string[] {
  const base = now.getFullYear() * 4 + Math.floor(now.getMonth() / 3);
  const out: string[] = [];
  for (let i = base - before; i <= base + after; i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

/** The opportunities behind a forecast figure: exactly the deals its cell sums (shared/forecast-drill.ts). */
export function drill(period: { start: string; end: string; won_start?: string; won_end?: string }, owner: number | null, column: ForecastColumn): string {
  return recordsLink('opportunities', forecastDrillFilters(period, owner, column));
}
