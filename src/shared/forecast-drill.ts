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
export function forecastDrillFilters(period: { start: string; end: string }, owner: number | null, column: ForecastColumn): FilterClause[] {
  // Won deals count in the period they were won (closed_at; a date reads as its UTC midnight).
  const date = column === 'won' ? 'closed_at' : 'expected_close_date';
  const f: FilterClause[] = [
    { field: date, op: 'gte', value: period.start },
    { field: date, op: 'lt', value: period.end },
    { field: 'stage_category', op: 'eq', value: column === 'won' ? 'won' : 'open' },
  ];
  if (column !== 'won') f.push({ field: 'forecast_category_effective', op: 'in', value: column === 'open' ? 'pipeline,best_case,commit' : column });
  if (owner) f.push({ field: 'owner_id', op: 'eq', value: String(owner) });
  return f;
}
