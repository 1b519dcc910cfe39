import { formatDuration, type TimeEntry } from '@bigrock/core';

/** `09:15` or `2026-03-02 09:15`: an instant on the workspace's clocks, as short as the context allows. */
export function localTime(iso: string, zone: string, withDate = false): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}`;
  return withDate ? `${part('year')}-${part('month')}-${part('day')} ${time}` : time;
}

/** The shape `bigrock entry list --json` promises: ISO 8601 UTC instants, whole seconds. */
export function entryJson({ id, activity, start, end, durationSeconds, tags, source }: TimeEntry) {
  return { id, activity, start, end, durationSeconds, tags, source };
}

export function describeEntry(entry: TimeEntry, zone: string): string {
  const end = entry.end === null ? 'running' : localTime(entry.end, zone);
  const tags = entry.tags.length > 0 ? `  [${entry.tags.join(', ')}]` : '';
  return `${localTime(entry.start, zone, true)}–${end}  ${formatDuration(entry.durationSeconds).padStart(11)}  ${entry.activity}${tags}`;
}

/** Collects a repeatable option (`--tag a --tag b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The help of `--keep-separate`, the same wherever an activity is named. */
export const KEEP_SEPARATE =
  'keep the activity as typed, apart from one that differs only by case (by default "calls" is written as the "Calls" in use)';
