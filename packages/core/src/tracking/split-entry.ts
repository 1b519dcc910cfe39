import { AppError } from '../errors/app-error.js';
import { localDateTime } from '../time/zoned-time.js';
import type { TimeEntry } from './time-entry.js';

export interface Span {
  start: string;
  end: string;
}

/**
 * Cuts an entry in two at an instant strictly inside it: the first part keeps the start, the
 * second the end. A running timer cannot be split: stop it first. An instant outside it is refused
 * with the entry's times on the clocks of `zone`, the workspace's.
 *
 * @example
 * splitSpan({ start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T11:00:00.000Z' }, Date.parse('2026-03-02T10:00:00Z'))
 * // [{ start: '…09:00…', end: '…10:00…' }, { start: '…10:00…', end: '…11:00…' }]
 */
export function splitSpan(entry: Pick<TimeEntry, 'start' | 'end'>, atMs: number, zone = 'UTC'): [Span, Span] {
  if (entry.end === null) {
    throw new AppError('invalid-input', 'This timer is still running: stop it before splitting it.', { field: 'at' });
  }
  const startMs = Date.parse(entry.start);
  const endMs = Date.parse(entry.end);
  if (!(atMs > startMs && atMs < endMs)) {
    const clock = (instantMs: number) => localDateTime(instantMs, zone).slice(0, 16);
    throw new AppError(
      'invalid-input',
      `at: choose an instant between the entry's start (${clock(startMs)}) and end (${clock(endMs)}), ${zone} time.`,
      { field: 'at' },
    );
  }
  const at = new Date(atMs).toISOString();
  return [
    { start: entry.start, end: at },
    { start: at, end: entry.end },
  ];
}
