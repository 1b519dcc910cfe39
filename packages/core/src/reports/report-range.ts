import { z } from 'zod';

import { AppError } from '../errors/app-error.js';
import { weekdays, type Weekday } from '../goals/goal.js';
import { addDays, addMonths, isoWeekday, startOfMonth, type CalendarDate } from '../time/calendar-date.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';

/** The ranges that roll forward: each is worked out from today in the workspace's zone. */
export const reportRangeNames = [
  'today',
  'this-week',
  'last-week',
  'this-month',
  'last-month',
  'last-90-days',
  'this-year',
] as const;
export type ReportRangeName = (typeof reportRangeNames)[number];

/** What a report adds its hours up by. */
export const reportDimensions = ['activity', 'class', 'tag', 'source', 'week', 'heatmap'] as const;
export type ReportDimension = (typeof reportDimensions)[number];

/** Calendar days, both included. */
export interface DateSpan {
  from: CalendarDate;
  to: CalendarDate;
}

/** The first day of the week holding `date`, weeks starting on `weekStart`. */
export function startOfWeek(date: CalendarDate, weekStart: Weekday): CalendarDate {
  const first = weekdays.indexOf(weekStart) + 1;
  return addDays(date, -((isoWeekday(date) - first + 7) % 7));
}

/**
 * The days a named range covers on `today`: whole weeks (from the settings' week start), months
 * and years, so "this week" on a Wednesday still ends on its last day.
 *
 * @example resolveReportRange('last-week', '2026-03-04', 'sun') // { from: '2026-02-22', to: '2026-02-28' }
 */
export function resolveReportRange(name: ReportRangeName, today: CalendarDate, weekStart: Weekday): DateSpan {
  switch (name) {
    case 'today':
      return { from: today, to: today };
    case 'this-week': {
      const from = startOfWeek(today, weekStart);
      return { from, to: addDays(from, 6) };
    }
    case 'last-week': {
      const from = addDays(startOfWeek(today, weekStart), -7);
      return { from, to: addDays(from, 6) };
    }
    case 'this-month': {
      const from = startOfMonth(today);
      return { from, to: addDays(addMonths(from, 1), -1) };
    }
    case 'last-month': {
      const from = addMonths(startOfMonth(today), -1);
      return { from, to: addDays(startOfMonth(today), -1) };
    }
    case 'last-90-days':
      return { from: addDays(today, -89), to: today };
    case 'this-year':
      return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
  }
}

/** The query of an hours report: a named range, or explicit days; `this-month` when neither is given. */
export const hoursReportQuerySchema = z
  .object({
    range: z
      .enum(reportRangeNames)
      .optional()
      .describe('A range that rolls forward; leave it out when giving from and to'),
    from: calendarDateSchema.optional().describe('The first day, YYYY-MM-DD, in the workspace zone'),
    to: calendarDateSchema.optional().describe('The last day, YYYY-MM-DD, included'),
    by: z
      .enum(reportDimensions)
      .optional()
      .describe('What the rows are: activity (the default), class, tag, source, week or heatmap'),
    format: z.enum(['json', 'csv']).optional().describe('csv: the rows as a CSV file'),
  })
  .strict();
export type HoursReportQuery = z.output<typeof hoursReportQuerySchema>;

/**
 * The days a report covers: explicit `from` and `to` (both needed), or a named range (the default
 * this month). A range whose end comes before its start is refused, naming `to`.
 *
 * @example reportSpan({ from: '2026-03-01', to: '2026-03-31' }, '2026-06-01', 'mon') // { from: '2026-03-01', to: '2026-03-31' }
 */
export function reportSpan(
  query: Pick<HoursReportQuery, 'range' | 'from' | 'to'>,
  today: CalendarDate,
  weekStart: Weekday,
): DateSpan & { range: ReportRangeName | null } {
  const { range, from, to } = query;
  if (range !== undefined && (from !== undefined || to !== undefined)) {
    throw new AppError('invalid-input', 'range: give either a range or from and to, not both.', { field: 'range' });
  }
  if (from === undefined && to === undefined) {
    const name = range ?? 'this-month';
    return { ...resolveReportRange(name, today, weekStart), range: name };
  }
  if (from === undefined)
    throw new AppError('invalid-input', 'from: give the first day too (YYYY-MM-DD).', { field: 'from' });
  if (to === undefined) throw new AppError('invalid-input', 'to: give the last day too (YYYY-MM-DD).', { field: 'to' });
  if (to < from) {
    throw new AppError('invalid-input', `to: choose a day on or after ${from}; the range ends before it starts.`, {
      field: 'to',
    });
  }
  return { from, to, range: null };
}
