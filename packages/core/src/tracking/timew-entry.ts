import { checkImportedText, cleanImportedText, type ImportRow } from './imported-entry.js';

const timewInstant = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Reads Timewarrior's instant format, `20260302T080000Z` (always UTC). Null when it is not one.
 *
 * @example parseTimewInstant('20260302T080000Z') // Date.parse('2026-03-02T08:00:00Z')
 */
export function parseTimewInstant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = timewInstant.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
    ? ms
    : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One interval of `timew export`: `{ id, start, end?, tags?, annotation? }`. The first tag names
 * the activity and the others stay tags; an interval without an end is still running. It is known
 * by its start, so that the import after it stops changes it rather than adding a second one.
 *
 * @example mapTimewInterval({ start: '20260302T130000Z', tags: ['deep work'] }, 4) // an entry with endMs null
 */
export function mapTimewInterval(value: unknown, line: number): ImportRow {
  if (!isRecord(value)) {
    return {
      kind: 'issue',
      issue: { line, message: 'Each interval must be an object such as {"start": "20260302T080000Z", ...}.' },
    };
  }
  const startMs = parseTimewInstant(value.start);
  if (startMs === null) {
    return {
      kind: 'issue',
      issue: {
        line,
        field: 'start',
        message: `start: ${JSON.stringify(value.start ?? null)} is not a Timewarrior instant such as 20260302T080000Z.`,
      },
    };
  }
  let endMs: number | null = null;
  if (value.end !== undefined && value.end !== null) {
    endMs = parseTimewInstant(value.end);
    if (endMs === null) {
      return {
        kind: 'issue',
        issue: {
          line,
          field: 'end',
          message: `end: ${JSON.stringify(value.end)} is not a Timewarrior instant such as 20260302T093000Z.`,
        },
      };
    }
    if (endMs < startMs)
      return { kind: 'issue', issue: { line, field: 'end', message: 'end: the interval ends before it starts.' } };
    if (endMs === startMs) return { kind: 'skip', line, reason: 'lasts no time' };
  }
  const rawTags = value.tags ?? [];
  if (!Array.isArray(rawTags) || !rawTags.every((tag) => typeof tag === 'string')) {
    return {
      kind: 'issue',
      issue: { line, field: 'tags', message: 'tags: must be a list of words, such as ["calls", "mga"].' },
    };
  }
  if (value.annotation !== undefined && typeof value.annotation !== 'string') {
    return { kind: 'issue', issue: { line, field: 'annotation', message: 'annotation: must be text.' } };
  }
  const [activity = 'Untagged', ...tags] = rawTags as string[];
  const texts = cleanImportedText({ activity, tags, note: value.annotation ?? null });
  const tooLong = checkImportedText(texts, line, { activity: 'tags[0]', tags: 'tags', note: 'annotation' });
  if (tooLong !== null) return { kind: 'issue', issue: tooLong };
  return {
    kind: 'entry',
    entry: {
      line,
      key: String(value.start),
      startMs,
      endMs,
      ...texts,
      source: 'import',
    },
  };
}
