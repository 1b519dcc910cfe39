import { weekdays, type Weekday } from '../goals/goal.js';
import { addDays, isoWeekday, type CalendarDate } from '../time/calendar-date.js';
import { createWallClockConverter, wallClockToInstant, type WallClock } from '../time/zoned-time.js';
import { datesOfIsoWeek, type IsoWeek } from './iso-week.js';
import { minutesOfDay } from '../time/clock-time.js';
import type { BlockRecurrence, TemplateBlock } from './planner.js';
import { rrule } from './rrule-module.js';

// Recurrence is a matter of days: rrule walks dates written as midnight UTC, with no zone at all,
// and each date found is then read on the workspace's clocks by Luxon. So a 09:00 block is 09:00
// local on both sides of a daylight-saving change, whatever rrule would make of zones.
const asUtcMidnight = (date: CalendarDate) => new Date(`${date}T00:00:00Z`);
const dateOf = (instant: Date) => instant.toISOString().slice(0, 10);

const rruleWeekdays = () => {
  const { RRule } = rrule;
  return { mon: RRule.MO, tue: RRule.TU, wed: RRule.WE, thu: RRule.TH, fri: RRule.FR, sat: RRule.SA, sun: RRule.SU };
};

/** The weekday of a date, as `mon` to `sun`. */
export function weekdayOf(date: CalendarDate): Weekday {
  return weekdays[isoWeekday(date) - 1] ?? 'mon';
}

function ruleSet(weekday: Weekday, recurrence: BlockRecurrence) {
  const { RRule, RRuleSet } = rrule;
  const set = new RRuleSet();
  set.rrule(
    new RRule({
      freq: RRule.WEEKLY,
      interval: recurrence.every,
      wkst: RRule.MO,
      byweekday: [rruleWeekdays()[weekday]],
      dtstart: asUtcMidnight(recurrence.from),
      until: recurrence.until === null ? null : asUtcMidnight(recurrence.until),
    }),
  );
  for (const day of recurrence.except) set.exdate(asUtcMidnight(day));
  return set;
}

/**
 * The days from `from` to `to` (both included) on which a template block falls: its weekday,
 * every `every` weeks counted from the week of `recurrence.from`, up to `until`, without `except`.
 *
 * @example
 * occurrenceDates('mon', { every: 2, from: '2026-03-02', until: null, except: [] }, '2026-03-01', '2026-03-31')
 * // ['2026-03-02', '2026-03-16', '2026-03-30']
 */
export function occurrenceDates(
  weekday: Weekday,
  recurrence: BlockRecurrence,
  from: CalendarDate,
  to: CalendarDate,
): CalendarDate[] {
  return ruleSet(weekday, recurrence).between(asUtcMidnight(from), asUtcMidnight(to), true).map(dateOf);
}

/**
 * The block's recurrence as an iCalendar RRULE (for calendar files): `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO`.
 *
 * @example recurrenceRule('mon', { every: 1, from: '2026-03-02', until: '2026-06-29', except: [] })
 * // 'FREQ=WEEKLY;WKST=MO;BYDAY=MO;UNTIL=20260629T000000Z'
 */
export function recurrenceRule(weekday: Weekday, recurrence: BlockRecurrence): string {
  const { RRule } = rrule;
  const text = new RRule({
    freq: RRule.WEEKLY,
    interval: recurrence.every,
    wkst: RRule.MO,
    byweekday: [rruleWeekdays()[weekday]],
    until: recurrence.until === null ? null : asUtcMidnight(recurrence.until),
  }).toString();
  return text.replace(/^RRULE:/, '');
}

/**
 * The instants of a block's local start and end on a date, in a zone; 24:00 is the next midnight.
 * `toInstant` reads the wall clock: many blocks are placed faster by one `createWallClockConverter`.
 */
export function blockInstants(
  date: CalendarDate,
  start: string,
  end: string,
  zone: string,
  toInstant: (wall: WallClock) => number = (wall) => wallClockToInstant(wall, zone),
): { startMs: number; endMs: number } {
  const at = (time: string) => {
    const minutes = minutesOfDay(time);
    const day = minutes >= 1440 ? addDays(date, 1) : date;
    const [year, month, dayOfMonth] = day.split('-').map(Number);
    return toInstant({
      year: year ?? 1970,
      month: month ?? 1,
      day: dayOfMonth ?? 1,
      hour: Math.floor(minutes / 60) % 24,
      minute: minutes % 60,
      second: 0,
    });
  };
  return { startMs: at(start), endMs: at(end) };
}

/** A template block placed on a date of a week, before it has an id of its own. */
export interface ExpandedBlock {
  templateBlockId: string;
  date: CalendarDate;
  weekday: Weekday;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  activityId: string | null;
  activity: string | null;
  kind: TemplateBlock['kind'];
  note: string | null;
}

/**
 * A template's blocks on the days of an ISO week, in the workspace's zone, in order of start.
 *
 * @example
 * expandTemplate(seed000Blocks, '2026-W13', 'Europe/Paris')[0]
 * // { date: '2026-03-23', start: '09:00', end: '11:00', startMs: Date.parse('2026-03-23T08:00Z'), … }
 */
export function expandTemplate(blocks: readonly TemplateBlock[], week: IsoWeek, zone: string): ExpandedBlock[] {
  const days = datesOfIsoWeek(week);
  return expandTemplateBetween(blocks, days[0] ?? '', days[6] ?? '', zone);
}

/**
 * A template's blocks on the days from `from` to `to` (both included), in order of start: each
 * block's rule walked once over the whole span (the calendar feed's twelve weeks), not once a week.
 *
 * @example expandTemplateBetween(seed000Blocks, '2026-03-02', '2026-05-24', 'Europe/Paris').length // 12 weeks of blocks
 */
export function expandTemplateBetween(
  blocks: readonly TemplateBlock[],
  from: CalendarDate,
  to: CalendarDate,
  zone: string,
): ExpandedBlock[] {
  const expanded: ExpandedBlock[] = [];
  const toInstant = createWallClockConverter(zone);
  for (const block of blocks) {
    for (const date of occurrenceDates(block.weekday, block.recurrence, from, to)) {
      expanded.push({
        templateBlockId: block.id,
        date,
        weekday: weekdayOf(date),
        start: block.start,
        end: block.end,
        ...blockInstants(date, block.start, block.end, zone, toInstant),
        activityId: block.activityId,
        activity: block.activity,
        kind: block.kind,
        note: block.note,
      });
    }
  }
  return expanded.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}
