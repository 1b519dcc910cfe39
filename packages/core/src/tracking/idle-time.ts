/** A stretch of time nobody was at the machine, in epoch milliseconds. */
export interface IdleInterval {
  startMs: number;
  endMs: number;
}

export interface IdleGapOptions {
  /** A gap at least this long is idle time; shorter ones are a page being slow. */
  thresholdMs: number;
  /** Nothing before this instant counts (the running timer's start): the gap is cut there. */
  sinceMs?: number;
}

/** Away this long, by default, before the web app asks what to do with the time. */
export const DEFAULT_IDLE_MINUTES = 10;
/** The thresholds a user can choose, in minutes. */
export const MIN_IDLE_MINUTES = 1;
export const MAX_IDLE_MINUTES = 240;

/**
 * The last idle interval in a series of instants at which the page saw its own clock run (timer
 * ticks, the page coming back into view): two instants further apart than the threshold mean the
 * page did not run in between, because the machine slept or the tab was frozen. An idle detector's
 * report reads the same way: [the instant the user went idle, the instant they came back].
 * Instants that go backwards (the clock was set back) are skipped.
 *
 * @example findIdleGap([0, 15_000, 30_000, 1_830_000], { thresholdMs: 600_000 }) // { startMs: 30_000, endMs: 1_830_000 }
 * @example findIdleGap([0, 15_000, 30_000], { thresholdMs: 600_000 }) // null
 * @example findIdleGap([0, 1_800_000], { thresholdMs: 600_000, sinceMs: 1_500_000 }) // null: 5 minutes of it ran the timer
 */
export function findIdleGap(ticks: readonly number[], { thresholdMs, sinceMs }: IdleGapOptions): IdleInterval | null {
  let found: IdleInterval | null = null;
  let previous: number | undefined;
  for (const tick of ticks) {
    if (!Number.isFinite(tick)) continue;
    if (previous !== undefined && tick > previous) {
      const startMs = sinceMs === undefined ? previous : Math.max(previous, sinceMs);
      if (tick - startMs >= thresholdMs) found = { startMs, endMs: tick };
    }
    if (previous === undefined || tick > previous) previous = tick;
  }
  return found;
}

/**
 * What becomes of the time away from a running timer. `discard`: the timer stops when the idle
 * time began and starts again, with the same activity, tags and note, when the user came back.
 * `stop`: it stops when the idle time began, and stays stopped. `split`: as discard, and the idle
 * time becomes an entry of its own (`activity`, "Away" by default). Keeping it all needs no call.
 */
export const idleActions = ['discard', 'stop', 'split'] as const;
export type IdleAction = (typeof idleActions)[number];

/** The activity of the idle time made an entry of its own, unless the user names another. */
export const AWAY_ACTIVITY = 'Away';
