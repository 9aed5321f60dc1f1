// A statement's period: the calendar month or quarter containing a date (UTC dates, YYYY-MM-DD).

export interface Period { start: string; end: string; label: string }

export function periodOf(kind: 'month' | 'quarter', date: string): Period {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const first = kind === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const months = kind === 'month' ? 1 : 3;
  const start = new Date(Date.UTC(y, first - 1, 1));
  const end = new Date(Date.UTC(y, first - 1 + months, 0));
  const label = kind === 'month' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${(first + 2) / 3}`;
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10), label };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

