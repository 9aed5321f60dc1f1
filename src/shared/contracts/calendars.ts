import { z } from 'zod';

/** Business calendars (modules/calendars): what the admin page edits and the task form asks. */

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const TimeRange = z.object({
  start: z.string().regex(HHMM, 'HH:MM, 00:00–23:59'),
  end: z.string().regex(HHMM, 'HH:MM, 00:01–24:00'),
});
/** A day's working ranges: each start before its end, in order, not overlapping. */
export const DayRanges = z
  .array(TimeRange)
  .max(12)
  .superRefine((ranges, ctx) => {
    let previousEnd = '';
    for (const [i, r] of ranges.entries()) {
      if (r.start >= r.end) ctx.addIssue({ code: 'custom', path: [i], message: 'A range must start before it ends', params: { code: 'range_empty' } });
      else if (r.start < previousEnd) ctx.addIssue({ code: 'custom', path: [i], message: 'Ranges must be in order and not overlap', params: { code: 'range_overlap' } });
      previousEnd = r.end;
    }
  });
/** Working ranges by ISO weekday: '1' Monday … '7' Sunday; a missing day does not work. */
export const Week = z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), DayRanges);

export const Calendar = z.object({
  id: z.number(),
  name: z.string(),
  time_zone: z.string(),
  week: Week,
  is_default: z.boolean(),
  updated_at: z.string(),
});
export const CalendarException = z.object({
  day: z.string(),
  working: z.boolean(),
  ranges: DayRanges.nullable(),
  name: z.string(),
  source: z.enum(['manual', 'seed']),
});

/** `default` or a calendar's id. */
export const CalendarParam = z.object({ id: z.union([z.literal('default'), z.coerce.number().int().positive()]) });
export const Day = z.iso.date();
export const ExceptionParam = CalendarParam.extend({ day: Day });

export const CalendarBody = z.object({ name: z.string().trim().min(1).max(100), time_zone: z.string().max(64), week: Week }).strict();
export const CalendarPatch = CalendarBody.partial().strict();
export const ExceptionBody = z
  .object({ working: z.boolean(), ranges: DayRanges.min(1).nullable().optional(), name: z.string().trim().max(100).optional() })
  .strict();
export const SeedBody = z.object({ year: z.number().int().min(1900).max(2200) }).strict();
export const ExceptionsQuery = z.object({ year: z.coerce.number().int().min(1900).max(2200).optional() });

/** "Due in N working days" (days) or "in N working minutes" (minutes), from an instant. */
export const AddBody = z
  .object({
    from: z.iso.datetime({ offset: true }),
    days: z.number().int().min(0).max(3650).optional(),
    minutes: z.number().int().min(0).max(525_600).optional(),
  })
  .strict()
  .refine((b) => (b.days === undefined) !== (b.minutes === undefined), { message: 'Give either days or minutes', path: ['days'], params: { code: 'days_or_minutes' } });
export const AddAnswer = z.object({ data: z.object({ at: z.string(), date: z.string() }) });

export const MinutesQuery = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });
export const MinutesAnswer = z.object({ data: z.object({ minutes: z.number() }) });

export const CalendarAnswer = z.object({ data: Calendar });
export const CalendarList = z.object({ data: z.array(Calendar), next_cursor: z.null() });
export const ExceptionList = z.object({ data: z.array(CalendarException), next_cursor: z.null() });
export const ExceptionAnswer = z.object({ data: CalendarException });
export const SeedAnswer = z.object({ data: z.object({ year: z.number(), seeded: z.number() }) });

export type CalendarT = z.infer<typeof Calendar>;
export type CalendarExceptionT = z.infer<typeof CalendarException>;
