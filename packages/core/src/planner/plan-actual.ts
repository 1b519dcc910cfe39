import type { CalendarDate } from '../time/calendar-date.js';
import { spanSeconds } from '../tracking/time-buckets.js';
import type { WeekBlock } from './planner.js';

/** A tracked span: a time entry's activity and instants (epoch ms); `endMs` null while it runs. */
export interface TrackedSpan {
  activity: string;
  startMs: number;
  endMs: number | null;
}

/** A block against what was tracked inside it. */
export interface BlockActual {
  blockId: string;
  /** Seconds of the block that have passed (all of it once it has ended); 0 for a skipped block or a break. */
  plannedSeconds: number;
  /** Seconds tracked inside the block, by activity, most first. */
  byActivity: Array<{ activity: string; seconds: number }>;
  /** Seconds spent as planned: on the block's activity, or on anything for a kind's block; at most plannedSeconds. */
  keptSeconds: number;
  /** keptSeconds ÷ plannedSeconds, null while nothing of the block has passed. */
  adherence: number | null;
  /** Whether the block was kept: at least KEPT_SHARE of it spent as planned; null until it has begun. */
  kept: boolean | null;
}

export interface Adherence {
  plannedSeconds: number;
  keptSeconds: number;
  adherence: number | null;
}

export interface PlanAgainstActual {
  blocks: BlockActual[];
  days: Array<Adherence & { date: CalendarDate }>;
  week: Adherence;
}

/** A block counts as kept when at least this share of it went as planned. */
export const KEPT_SHARE = 0.8;

const sameActivity = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const ratio = (kept: number, planned: number) => (planned > 0 ? Math.round((kept / planned) * 1000) / 1000 : null);

type ActualBlock = Pick<WeekBlock, 'id' | 'date' | 'activity' | 'kind' | 'startMs' | 'endMs' | 'skipped'>;

/**
 * Each block against the time tracked inside it (entries clipped to the block, a running one up to
 * now), and adherence per day and for the week: seconds kept ÷ seconds planned, over the blocks
 * (or their parts) that have passed. Breaks and skipped blocks are left out of adherence.
 *
 * @example
 * planAgainstActual([{ id: 'b', date: '2026-03-02', activity: 'calls', kind: null, startMs: 9h, endMs: 11h, skipped: false }],
 *   [{ activity: 'calls', startMs: 9h30, endMs: 12h }], ['2026-03-02'], now)
 * // blocks[0]: { plannedSeconds: 7200, keptSeconds: 5400, adherence: 0.75, kept: false }
 */
export function planAgainstActual(
  blocks: readonly ActualBlock[],
  entries: readonly TrackedSpan[],
  dates: readonly CalendarDate[],
  nowMs: number,
): PlanAgainstActual {
  const sorted = [...entries].sort((a, b) => a.startMs - b.startMs);
  const actuals = blocks.map((block): BlockActual & { date: CalendarDate } => {
    const until = Math.min(block.endMs, nowMs);
    const seconds = new Map<string, { activity: string; seconds: number }>();
    for (const entry of sorted) {
      if (entry.startMs >= until) break;
      const end = entry.endMs ?? nowMs;
      if (end <= block.startMs) continue;
      const inside = spanSeconds(Math.max(entry.startMs, block.startMs), Math.min(end, until));
      if (inside <= 0) continue;
      const key = entry.activity.trim().toLowerCase();
      const found = seconds.get(key) ?? { activity: entry.activity, seconds: 0 };
      found.seconds += inside;
      seconds.set(key, found);
    }
    const byActivity = [...seconds.values()].sort(
      (a, b) => b.seconds - a.seconds || a.activity.localeCompare(b.activity),
    );
    const counted = !block.skipped && block.kind !== 'break';
    const plannedSeconds = counted ? spanSeconds(block.startMs, Math.max(block.startMs, until)) : 0;
    const spent = byActivity
      .filter(({ activity }) => block.activity === null || sameActivity(activity, block.activity))
      .reduce((total, { seconds: value }) => total + value, 0);
    const keptSeconds = Math.min(spent, plannedSeconds);
    const adherence = ratio(keptSeconds, plannedSeconds);
    return {
      blockId: block.id,
      date: block.date,
      plannedSeconds,
      byActivity,
      keptSeconds,
      adherence,
      kept: adherence === null ? null : adherence >= KEPT_SHARE,
    };
  });
  const sum = (list: readonly Adherence[]): Adherence => {
    const plannedSeconds = list.reduce((total, item) => total + item.plannedSeconds, 0);
    const keptSeconds = list.reduce((total, item) => total + item.keptSeconds, 0);
    return { plannedSeconds, keptSeconds, adherence: ratio(keptSeconds, plannedSeconds) };
  };
  return {
    blocks: actuals.map(({ date: _date, ...actual }) => actual),
    days: dates.map((date) => ({ date, ...sum(actuals.filter((actual) => actual.date === date)) })),
    week: sum(actuals),
  };
}
