import { DateTime } from 'luxon';
import { z } from 'zod';

import { weekdays, type Weekday } from '../goals/goal.js';
import { clockTimeSchema, minutesOfDay } from '../time/clock-time.js';
import { wallClockToInstant } from '../time/zoned-time.js';

/** A posting slot: a weekday and a time on the workspace's clocks ("mon" at "09:00"). */
export interface PostingSlot {
  weekday: Weekday;
  time: string;
}

/** The most slots a week holds: one every ten minutes, far more than anyone posts. */
export const MAX_POSTING_SLOTS = 7 * 24 * 6;

export const postingSlotSchema = z.object({
  weekday: z.enum(weekdays, { error: `must be one of ${weekdays.join(', ')}` }).describe('mon … sun'),
  time: clockTimeSchema,
});

/** The week's slots, as set; sorted and without repeats once parsed. */
export const postingSlotsSchema = z
  .array(postingSlotSchema)
  .max(MAX_POSTING_SLOTS, { message: `must be at most ${MAX_POSTING_SLOTS} slots` })
  .transform(sortSlots);

/** Slots in week order (Monday first, then by time), each once. */
export function sortSlots(slots: readonly PostingSlot[]): PostingSlot[] {
  const seen = new Set<string>();
  return slots
    .filter((slot) => {
      const key = `${slot.weekday} ${slot.time}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        weekdays.indexOf(a.weekday) - weekdays.indexOf(b.weekday) || minutesOfDay(a.time) - minutesOfDay(b.time),
    );
}

/** Monday to Friday at 09:00 and 13:00: the queue's slots until the user sets theirs. */
export const DEFAULT_POSTING_SLOTS: PostingSlot[] = weekdays
  .slice(0, 5)
  .flatMap((weekday) => ['09:00', '13:00'].map((time) => ({ weekday, time })));

/** The instant of a slot on a local date of `zone` (a time in a daylight-saving gap moves forward by the gap). */
function slotInstant(date: DateTime, time: string, zone: string): number {
  return wallClockToInstant(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: Number(time.slice(0, 2)),
      minute: Number(time.slice(3, 5)),
      second: 0,
    },
    zone,
  );
}

/**
 * The slots' instants from `fromMs` (included) to `toMs` (excluded), in order, each with its slot.
 * Calendar days are walked in `zone`, so a 09:00 slot is 09:00 on both sides of a daylight-saving change.
 *
 * @example slotInstants([{ weekday: 'mon', time: '09:00' }], Date.parse('2026-03-02T00:00Z'), Date.parse('2026-03-09T00:00Z'), 'UTC')
 * // [{ at: Date.parse('2026-03-02T09:00Z'), slot: { weekday: 'mon', time: '09:00' } }]
 */
export function slotInstants(
  slots: readonly PostingSlot[],
  fromMs: number,
  toMs: number,
  zone: string,
): Array<{ at: number; slot: PostingSlot }> {
  const sorted = sortSlots(slots);
  const found: Array<{ at: number; slot: PostingSlot }> = [];
  if (sorted.length === 0) return found;
  // A day before and after: a slot's instant can fall on another UTC day than its local date.
  for (
    let day = DateTime.fromMillis(fromMs, { zone }).startOf('day').minus({ days: 1 });
    day.toMillis() < toMs + 86_400_000;
    day = day.plus({ days: 1 })
  ) {
    const weekday = weekdays[day.weekday - 1];
    for (const slot of sorted) {
      if (slot.weekday !== weekday) continue;
      const at = slotInstant(day, slot.time, zone);
      if (at >= fromMs && at < toMs) found.push({ at, slot });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * The first slot strictly after `afterMs` whose instant is not taken (by a post already there),
 * or null when there are no slots. Weekdays and times are read on the clocks of `zone`.
 *
 * @example nextFreeSlot([{ weekday: 'mon', time: '09:00' }], [Date.parse('2026-03-02T09:00Z')], Date.parse('2026-03-01T12:00Z'), 'UTC')
 * // Date.parse('2026-03-09T09:00Z'): the Monday after, since the first is taken
 */
export function nextFreeSlot(
  slots: readonly PostingSlot[],
  taken: Iterable<number>,
  afterMs: number,
  zone: string,
): number | null {
  if (slots.length === 0) return null;
  const takenSet = new Set(taken);
  const week = 7 * 86_400_000;
  // Each week has at least one slot, so the free one is within (taken + 1) weeks; a few days more
  // covers a week made short by a daylight-saving change.
  const weeks = Math.ceil(takenSet.size / Math.max(1, sortSlots(slots).length)) + 2;
  for (let from = afterMs + 1, index = 0; index < weeks; index += 1, from += week) {
    const free = slotInstants(slots, from, from + week, zone).find(({ at }) => !takenSet.has(at));
    if (free !== undefined) return free.at;
  }
  return null;
}
