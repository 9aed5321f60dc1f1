import type { FilterClause } from './fields.ts';

/** A forecast figure's column: an open forecast category, or the won deals. */
export type ForecastColumn = 'pipeline' | 'best_case' | 'commit' | 'open' | 'won';

/**
 * The opportunities-list filters behind one forecast figure (rep or everyone × column × period),
 * exactly the deals forecasts.sums.ts adds up: open deals of one *effective* forecast category
 * (the opportunity's override, else its stage's; `open` = all three categories, never omitted)
 * closing in the period, or the deals won in it. Shared by the web's drill links and the
 * server test that checks a drill-down lists what its cell sums.
 */
export function forecastDrillFilters(period: { start: string; end: string; won_start?: string; won_end?: string }, owner: number | null, column: ForecastColumn): FilterClause[] {
  // Won deals count in the period they were won (closed_at), between the instants the forecast
  // answer gives for the organisation's zone (a bare date would read as its UTC midnight).
  const won = column === 'won';
  const f: FilterClause[] = [
    { field: won ? 'closed_at' : 'expected_close_date', op: 'gte', value: won ? (period.won_start ?? period.start) : period.start },
    { field: won ? 'closed_at' : 'expected_close_date', op: 'lt', value: won ? (period.won_end ?? period.end) : period.end },
    { field: 'stage_category', op: 'eq', value: column === 'won' ? 'won' : 'open' },
  ];
  if (column !== 'won') f.push({ field: 'forecast_category_effective', op: 'in', value: column === 'open' ? 'pipeline,best_case,commit' : column });
  if (owner) f.push({ field: 'owner_id', op: 'eq', value: String(owner) });
  return f;
}
