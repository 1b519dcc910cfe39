import type { CalendarDate } from '../time/calendar-date.js';

/** What a focus session is on: the day's big rock, a block of the week, or any activity. */
export const focusTargets = ['rock', 'block', 'activity'] as const;
export type FocusTarget = (typeof focusTargets)[number];

/**
 * Where a session stands. `running` counts time; `paused` does not (the user paused it, or another
 * timer took over); `done` and `abandoned` are ended.
 */
export const focusStatuses = ['running', 'paused', 'done', 'abandoned'] as const;
export type FocusStatus = (typeof focusStatuses)[number];

/** Who broke the focus: the user's own mind (internal) or someone or something else (external). */
export const interruptionKinds = ['internal', 'external'] as const;
export type InterruptionKind = (typeof interruptionKinds)[number];

/** The planned length when the user has never chosen one: a 50-minute session. */
export const DEFAULT_FOCUS_MINUTES = 50;
/** The longest session one may plan: a working day. */
export const MAX_FOCUS_MINUTES = 720;

/** An interruption logged without stopping the session. */
export interface FocusInterruption {
  id: string;
  kind: InterruptionKind;
  note: string | null;
  /** ISO 8601 instant, UTC. */
  at: string;
}

/** A stretch of focused time: one time entry with source `focus`. */
export interface FocusSegment {
  entryId: string;
  start: string;
  /** Null while it runs. */
  end: string | null;
}

/** A focus session, with the time it has counted so far. */
export interface FocusSession {
  id: string;
  target: FocusTarget;
  /** The activity its time entries are tracked as. */
  activity: string;
  /** The big rock's or the block's title, or the activity. */
  title: string;
  rockId: string | null;
  blockId: string | null;
  /** The day of the big rock or block; null for an activity. */
  date: CalendarDate | null;
  plannedSeconds: number;
  status: FocusStatus;
  startedAt: string;
  endedAt: string | null;
  abandonReason: string | null;
  /** Whole seconds of focus: the sum of its segments, to now for a running one. */
  focusedSeconds: number;
  /** Planned less focused; negative once past the planned length. */
  remainingSeconds: number;
  segments: FocusSegment[];
  interruptions: FocusInterruption[];
}

/**
 * The seconds a session has focused: its segments, the running one to `nowMs`, in whole seconds.
 *
 * @example focusedSeconds([{ start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:25:00Z' }], 0) // 1500
 */
export function focusedSeconds(segments: readonly Pick<FocusSegment, 'start' | 'end'>[], nowMs: number): number {
  let total = 0;
  for (const segment of segments) {
    const start = Date.parse(segment.start);
    const end = segment.end === null ? nowMs : Date.parse(segment.end);
    total += Math.max(0, end - start);
  }
  return Math.floor(total / 1000);
}
