import { z } from 'zod';

import { weekdays, type Weekday } from '../goals/goal.js';
import { addDays, dateInZone, isoWeekday, type CalendarDate } from '../time/calendar-date.js';
import { clockTimeSchema, endTimeSchema, minutesOfDay } from '../time/clock-time.js';
import { wallClockToInstant } from '../time/zoned-time.js';

/** The hours of one working day on the workspace's clocks: `09:00` to `17:00`; the end may be `24:00`. */
export interface WorkingDay {
  start: string;
  end: string;
}

/** A working week: the days absent are days off. */
export type WorkingHours = Partial<Record<Weekday, WorkingDay>>;

const officeDay: WorkingDay = { start: '09:00', end: '17:00' };

/** Monday to Friday, 09:00 to 17:00: the working hours of a new workspace. */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  mon: officeDay,
  tue: officeDay,
  wed: officeDay,
  thu: officeDay,
  fri: officeDay,
};

export const workingDaySchema = z
  .object({ start: clockTimeSchema, end: endTimeSchema })
  .strict()
  .superRefine((day, context) => {
    if (minutesOfDay(day.end) <= minutesOfDay(day.start)) {
      context.addIssue({
        code: 'custom',
        path: ['end'],
        message: `must be after the start (${day.start}): a working day ends the day it begins`,
      });
    }
  });

const weekdayList = weekdays.join(', ');

/**
 * Working hours as the API takes them: `{ "mon": { "start": "09:00", "end": "17:00" }, ... }`.
 * A day left out is a day off; a key that is not a weekday is refused by name.
 *
 * @example workingHoursSchema.parse({ sat: { start: '10:00', end: '14:00' } }) // { sat: { start: '10:00', end: '14:00' } }
 */
export const workingHoursSchema = z
  .object(
    Object.fromEntries(weekdays.map((day) => [day, workingDaySchema.optional()])) as Record<
      Weekday,
      z.ZodOptional<typeof workingDaySchema>
    >,
  )
  // Unknown keys are refused one by one, so the message names the key: `workingHours.mnd`.
  .catchall(z.unknown())
  .superRefine((hours, context) => {
    for (const key of Object.keys(hours)) {
      if (!(weekdays as readonly string[]).includes(key)) {
        context.addIssue({ code: 'custom', path: [key], message: `is not a weekday: use ${weekdayList}` });
      }
    }
  })
  .transform((hours): WorkingHours => sortedWeek(hours))
  .describe(
    'The working hours per weekday on the workspace clocks (mon…sun → { start, end }, HH:mm); a day left out is a day off',
  );

/** The days in week order, without the ones left out. */
function sortedWeek(hours: WorkingHours): WorkingHours {
  const week: WorkingHours = {};
  for (const day of weekdays) {
    const hoursOfDay = hours[day];
    if (hoursOfDay !== undefined) week[day] = { start: hoursOfDay.start, end: hoursOfDay.end };
  }
  return week;
}

const dayNames: Record<string, Weekday> = Object.fromEntries(
  weekdays.flatMap((day, index) => {
    const long = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][index] ?? day;
    return [
      [day, day],
      [long, day],
    ];
  }),
);

const WORKING_HOURS_EXAMPLE = 'write them as "mon-fri 09:00-17:00" (add "sat 10:00-14:00" for more), or "none"';

/**
 * Working hours as a person types them: days (`mon`, `mon-fri`, `sat,sun`) followed by their hours
 * (`09:00-17:00`), as many times as needed; `none` for no working hours at all.
 *
 * @example parseWorkingHours('mon-fri 09:00-17:00') // { hours: { mon: { start: '09:00', end: '17:00' }, ..., fri: ... } }
 * @example parseWorkingHours('mon-thu 09:00-17:00, fri 09:00-13:00') // Friday ends at one
 * @example parseWorkingHours('mon 17:00-09:00') // { problem: 'mon: the end (09:00) must be after the start (17:00)…' }
 */
export function parseWorkingHours(text: string): { hours: WorkingHours } | { problem: string } {
  const tokens = text
    .trim()
    .toLowerCase()
    .replaceAll('–', '-')
    .split(/[\s,;]+/)
    .filter((token) => token !== '');
  if (tokens.length === 1 && tokens[0] === 'none') return { hours: {} };
  if (tokens.length === 0) return { problem: `no working hours given: ${WORKING_HOURS_EXAMPLE}` };
  const hours: WorkingHours = {};
  let pending: Weekday[] = [];
  for (const token of tokens) {
    const times = /^(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/.exec(token);
    if (times !== null) {
      const [start, end] = [times[1] ?? '', times[2] ?? ''].map((time) => time.padStart(5, '0')) as [string, string];
      if (pending.length === 0)
        return { problem: `"${token}": name the days first, then their hours; ${WORKING_HOURS_EXAMPLE}` };
      for (const [time, schema] of [
        [start, clockTimeSchema],
        [end, endTimeSchema],
      ] as const) {
        if (!schema.safeParse(time).success)
          return { problem: `"${time}" is not a time of day: write HH:mm, from 00:00 to 24:00` };
      }
      if (minutesOfDay(end) <= minutesOfDay(start)) {
        return {
          problem: `${pending.join(', ')}: the end (${end}) must be after the start (${start}); a working day ends the day it begins`,
        };
      }
      for (const day of pending) hours[day] = { start, end };
      pending = [];
      continue;
    }
    const days = readDays(token);
    if (typeof days === 'string') return { problem: days };
    for (const day of days) {
      if (hours[day] !== undefined || pending.includes(day))
        return { problem: `${day} is given twice: give each day once` };
    }
    pending.push(...days);
  }
  if (pending.length > 0)
    return { problem: `give the hours of ${pending.join(', ')}, e.g. "${pending[0] ?? 'mon'} 09:00-17:00"` };
  return { hours: sortedWeek(hours) };
}

/** `mon` or `mon-fri` (a range may wrap round the week: `sat-mon`), or a message naming what is wrong. */
function readDays(token: string): Weekday[] | string {
  const [first, last, extra] = token.split('-');
  const from = first === undefined ? undefined : dayNames[first];
  const to = last === undefined ? from : dayNames[last];
  if (extra !== undefined || from === undefined || to === undefined) {
    return `"${token}" is not a weekday or a range of them: use ${weekdayList}, or a range such as mon-fri`;
  }
  const days: Weekday[] = [];
  for (let index = weekdays.indexOf(from); ; index = (index + 1) % 7) {
    days.push(weekdays[index] ?? from);
    if (weekdays[index] === to) return days;
  }
}

/**
 * Working hours written the way `parseWorkingHours` reads them, days with the same hours together.
 *
 * @example formatWorkingHours(DEFAULT_WORKING_HOURS) // 'mon-fri 09:00-17:00'
 * @example formatWorkingHours({}) // 'none'
 */
export function formatWorkingHours(hours: WorkingHours): string {
  const groups: Array<{ days: Weekday[]; day: WorkingDay }> = [];
  let previous: Weekday | undefined;
  for (const day of weekdays) {
    const hoursOfDay = hours[day];
    if (hoursOfDay === undefined) {
      previous = undefined;
      continue;
    }
    const last = groups.at(-1);
    if (
      last !== undefined &&
      previous !== undefined &&
      last.day.start === hoursOfDay.start &&
      last.day.end === hoursOfDay.end
    ) {
      last.days.push(day);
    } else {
      groups.push({ days: [day], day: hoursOfDay });
    }
    previous = day;
  }
  if (groups.length === 0) return 'none';
  return groups
    .map(({ days, day }) => {
      const named = days.length === 1 ? days[0] : days.length === 2 ? days.join(',') : `${days[0]}-${days.at(-1)}`;
      return `${named} ${day.start}-${day.end}`;
    })
    .join(', ');
}

/**
 * The instants (epoch ms) during working hours between `fromMs` and `toMs`, in order, on the clocks
 * of `zone`: each working day's hours placed on its own date, so that a daylight-saving change
 * moves them with the clocks (a working day that contains the change is an hour shorter or longer).
 *
 * @example workingIntervals(DEFAULT_WORKING_HOURS, 'UTC', Date.parse('2026-03-02T00:00Z'), Date.parse('2026-03-03T00:00Z'))
 * // [{ startMs: Date.parse('2026-03-02T09:00Z'), endMs: Date.parse('2026-03-02T17:00Z') }]
 */
export function workingIntervals(
  hours: WorkingHours,
  zone: string,
  fromMs: number,
  toMs: number,
): Array<{ startMs: number; endMs: number }> {
  const intervals: Array<{ startMs: number; endMs: number }> = [];
  if (!(toMs > fromMs) || weekdays.every((day) => hours[day] === undefined)) return intervals;
  const last = dateInZone(new Date(toMs), zone);
  for (let date: CalendarDate = dateInZone(new Date(fromMs), zone); date <= last; date = addDays(date, 1)) {
    const day = hours[weekdays[isoWeekday(date) - 1] ?? 'mon'];
    if (day === undefined) continue;
    const startMs = Math.max(fromMs, onClock(date, day.start, zone));
    const endMs = Math.min(toMs, onClock(date, day.end, zone));
    if (endMs > startMs) intervals.push({ startMs, endMs });
  }
  return intervals;
}

/** The instant the clocks of `zone` show `time` on `date`; 24:00 is the start of the next day. */
function onClock(date: CalendarDate, time: string, zone: string): number {
  const minutes = minutesOfDay(time);
  const day = minutes === 24 * 60 ? addDays(date, 1) : date;
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return wallClockToInstant(
    { year, month, day: dayOfMonth, hour: Math.floor(minutes / 60) % 24, minute: minutes % 60, second: 0 },
    zone,
  );
}
