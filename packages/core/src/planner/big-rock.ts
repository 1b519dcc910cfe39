import type { CalendarDate } from '../time/calendar-date.js';
import type { BigRock } from './planner.js';

/** Whether a day's big rock may be started, and when not, the rock in the way. */
export type RockStart = { allowed: true } | { allowed: false; blockedBy: BigRock; message: string };

/**
 * The carry-over rule: a day's big rock cannot be started while an earlier day's is still open.
 * Finish it, or carry it over and say why; a rock carried over (or done) no longer blocks.
 *
 * @example
 * rockStart([{ date: '2026-03-02', status: 'open', title: 'Call list' … }], '2026-03-03')
 * // { allowed: false, blockedBy: …, message: 'Finish "Call list" (2026-03-02) first, or carry it over with a reason.' }
 */
export function rockStart(rocks: readonly BigRock[], date: CalendarDate): RockStart {
  const open = rocks
    .filter((rock) => rock.date < date && rock.status === 'open')
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  const blockedBy = open[0];
  if (blockedBy === undefined) return { allowed: true };
  return {
    allowed: false,
    blockedBy,
    message: `Finish "${blockedBy.title}" (${blockedBy.date}) first, or carry it over with a reason: bigrock rock carry --date ${blockedBy.date} --reason "…".`,
  };
}

/**
 * A rock carried over: the day's rock marked carried with its reason, and the same task set on
 * the day it goes to.
 *
 * @example carryOver(rock, '2026-03-03', 'The client moved the call', ids, now).next.date // '2026-03-03'
 */
export function carryOver(
  rock: BigRock,
  to: CalendarDate,
  reason: string,
  newId: string,
  now: string,
): { carried: BigRock; next: BigRock } {
  return {
    carried: { ...rock, status: 'carried', carryReason: reason, carriedTo: to, updatedAt: now },
    next: {
      ...rock,
      id: newId,
      date: to,
      status: 'open',
      carryReason: null,
      carriedTo: null,
      doneAt: null,
      createdAt: now,
      updatedAt: now,
    },
  };
}
