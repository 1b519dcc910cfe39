import { addDays } from '../time/calendar-date.js';
import { startOfDayInZone } from '../time/zoned-time.js';
import { workingIntervals, type WorkingHours } from '../workspaces/working-hours.js';
import { datesOfIsoWeek, type IsoWeek } from './iso-week.js';

const HOUR_MS = 3_600_000;

/**
 * The hours available in a week for the capacity: the workspace's working hours over that week's
 * seven days on its clocks (a working day that holds a daylight-saving change is an hour shorter or
 * longer). `hoursPerWeek`, when given, overrides them: the place for a later "hours per week" setting.
 *
 * @example weekHoursAvailable({ week: '2026-W10', timeZone: 'UTC', workingHours: DEFAULT_WORKING_HOURS }) // 40
 * @example weekHoursAvailable({ week: '2026-W10', timeZone: 'UTC', workingHours: {}, hoursPerWeek: 32.5 }) // 32.5
 */
export function weekHoursAvailable(input: {
  week: IsoWeek;
  timeZone: string;
  workingHours: WorkingHours;
  hoursPerWeek?: number | null;
}): number {
  if (input.hoursPerWeek !== undefined && input.hoursPerWeek !== null) return input.hoursPerWeek;
  const monday = datesOfIsoWeek(input.week)[0] ?? '';
  const fromMs = startOfDayInZone(monday, input.timeZone);
  const toMs = startOfDayInZone(addDays(monday, 7), input.timeZone);
  const totalMs = workingIntervals(input.workingHours, input.timeZone, fromMs, toMs).reduce(
    (total, interval) => total + interval.endMs - interval.startMs,
    0,
  );
  return Math.round((totalMs / HOUR_MS) * 100) / 100;
}
