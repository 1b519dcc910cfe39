import { DateTime } from 'luxon';

import { weekdays } from '../goals/goal.js';
import type { RuleTrigger } from './rule-input.js';

type ScheduleTrigger = Extract<RuleTrigger, { kind: 'schedule' }>;

function weeklyCandidates(trigger: ScheduleTrigger, zone: string, nowMs: number) {
  const now = DateTime.fromMillis(nowMs, { zone });
  return (trigger.at ?? []).map(({ day, time }) => {
    const at = now.set({
      weekday: (weekdays.indexOf(day) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7,
      hour: Number(time.slice(0, 2)),
      minute: Number(time.slice(3, 5)),
      second: 0,
      millisecond: 0,
    });
    // Whole weeks on the zone's clocks: 09:00 stays 09:00 across a daylight-saving change.
    return at.toMillis() > nowMs
      ? { last: at.minus({ weeks: 1 }), next: at }
      : { last: at, next: at.plus({ weeks: 1 }) };
  });
}

/**
 * The latest time a schedule was due at or before `nowMs` and after `sinceMs`, or null: however
 * many due times were missed (the machine was off), only the latest one is returned, so they make
 * one run, not a burst. An interval counts from `anchorMs` (when the rule was made).
 *
 * @example lastDueAt({ kind: 'schedule', at: [{ day: 'mon', time: '09:00' }] }, 'Europe/Paris', Date.parse('2027-01-11T09:30:00+01:00'), 0, 0) // Date.parse('2027-01-11T09:00:00+01:00')
 */
export function lastDueAt(
  trigger: ScheduleTrigger,
  zone: string,
  nowMs: number,
  sinceMs: number,
  anchorMs: number,
): number | null {
  let last: number | null = null;
  if (trigger.everyMinutes !== undefined) {
    const every = trigger.everyMinutes * 60_000;
    const steps = Math.floor((nowMs - anchorMs) / every);
    if (steps >= 1) last = anchorMs + steps * every;
  } else {
    for (const candidate of weeklyCandidates(trigger, zone, nowMs)) {
      const ms = candidate.last.toMillis();
      if (last === null || ms > last) last = ms;
    }
  }
  return last !== null && last > sinceMs ? last : null;
}

/**
 * The next time a schedule is due after `nowMs`.
 *
 * @example nextDueAt({ kind: 'schedule', everyMinutes: 60 }, 'UTC', 90 * 60_000, 0) // 120 * 60_000
 */
export function nextDueAt(trigger: ScheduleTrigger, zone: string, nowMs: number, anchorMs: number): number {
  if (trigger.everyMinutes !== undefined) {
    const every = trigger.everyMinutes * 60_000;
    return anchorMs + (Math.floor((nowMs - anchorMs) / every) + 1) * every;
  }
  return Math.min(...weeklyCandidates(trigger, zone, nowMs).map((candidate) => candidate.next.toMillis()));
}

/** The fields of a schedule's item: the due time on the workspace's clocks. */
export function scheduleItemFields(dueMs: number, zone: string): Record<string, string> {
  const due = DateTime.fromMillis(dueMs, { zone });
  return {
    date: due.toFormat('yyyy-MM-dd'),
    time: due.toFormat('HH:mm'),
    weekday: weekdays[due.weekday - 1] ?? 'mon',
    due: new Date(dueMs).toISOString(),
  };
}
