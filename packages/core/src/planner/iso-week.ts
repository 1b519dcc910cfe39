import { DateTime } from 'luxon';

import { AppError } from '../errors/app-error.js';
import { addDays, EARLIEST_DATE, LATEST_DATE, type CalendarDate } from '../time/calendar-date.js';

/** An ISO week written `2027-W03`: weeks start on Monday; week 1 holds the year's first Thursday. */
export type IsoWeek = string;

const weekPattern = /^(\d{4})-W(\d{2})$/;

/**
 * What is wrong with an ISO week as typed, in words that follow the field's name; null when nothing is.
 *
 * @example isoWeekProblem('2027-W53') // 'must be a week of 2027, which has 52 weeks, got "2027-W53"'
 */
export function isoWeekProblem(text: string): string | null {
  const match = weekPattern.exec(text);
  if (match === null) return `must be an ISO week written 2027-W03, got "${text.slice(0, 40)}"`;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1900 || year > 2999) return `must be a week from 1900 to 2999, got "${text}"`;
  const weeks = DateTime.fromObject({ weekYear: year, weekNumber: 1 }).weeksInWeekYear;
  if (week < 1 || week > weeks) return `must be a week of ${year}, which has ${weeks} weeks, got "${text}"`;
  const monday = weekStart(text);
  if (monday < EARLIEST_DATE || addDays(monday, 6) > LATEST_DATE)
    return `must be a week from 1900 to 2999, got "${text}"`;
  return null;
}

function weekStart(week: IsoWeek): CalendarDate {
  const match = weekPattern.exec(week);
  return (
    DateTime.fromObject(
      { weekYear: Number(match?.[1]), weekNumber: Number(match?.[2]), weekday: 1 },
      { zone: 'UTC' },
    ).toISODate() ?? ''
  );
}

/**
 * The Monday of an ISO week.
 *
 * @example mondayOfIsoWeek('2027-W03') // '2027-01-18'
 */
export function mondayOfIsoWeek(week: IsoWeek): CalendarDate {
  const problem = isoWeekProblem(week);
  if (problem !== null) throw new AppError('invalid-input', `week ${problem}.`, { field: 'week' });
  return weekStart(week);
}

/**
 * The seven dates of an ISO week, Monday first.
 *
 * @example datesOfIsoWeek('2026-W10')[6] // '2026-03-08'
 */
export function datesOfIsoWeek(week: IsoWeek): CalendarDate[] {
  const monday = mondayOfIsoWeek(week);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/**
 * The ISO week a date falls in.
 *
 * @example isoWeekOf('2027-01-01') // '2026-W53'
 */
export function isoWeekOf(date: CalendarDate): IsoWeek {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  if (!day.isValid)
    throw new AppError('invalid-input', `date must be a date written YYYY-MM-DD, got "${date}".`, { field: 'date' });
  return `${String(day.weekYear).padStart(4, '0')}-W${String(day.weekNumber).padStart(2, '0')}`;
}
