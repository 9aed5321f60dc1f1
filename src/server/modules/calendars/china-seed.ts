import { createRequire } from 'node:module';

/**
 * China's public holidays and 调休 make-up workdays as published by the State Council, from the
 * `chinese-days` package. Used only to seed a calendar's editable exceptions (the package is small
 * and updated once a year: an administrator can correct or add dates without waiting for it).
 */
interface ChineseDaysData { holidays: Record<string, string>; workdays: Record<string, string> }

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;

export interface SeedException { day: string; working: boolean; name: string }

/** The years the package knows. */
export const CHINA_SEED_YEARS: number[] = [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

/** '春节' from 'Spring Festival,春节,4' (English name, Chinese name, length in days). */
const chineseName = (v: string): string => v.split(',')[1] ?? v;

/** The exceptions of one year: every holiday date (non-working) and every make-up day (working). */
export function chinaExceptions(year: number): SeedException[] {
  const prefix = `${year}-`;
  const pick = (set: Record<string, string>, working: boolean) =>
    Object.entries(set)
      .filter(([day]) => day.startsWith(prefix))
      .map(([day, v]) => ({ day, working, name: chineseName(v) }));
  return [...pick(data.holidays, false), ...pick(data.workdays, true)].sort((a, b) => a.day.localeCompare(b.day));
}
