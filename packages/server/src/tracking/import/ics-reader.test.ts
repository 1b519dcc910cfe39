import type { ImportIssue, ImportRow } from '@bigrock/core';
import { describe, expect, it } from 'vitest';

import { readIcs, type IcsReadOptions } from './ics-reader.js';
import { ImportAbort } from './text-input.js';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

const parisZone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:STANDARD',
  'DTSTART:19701025T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700329T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

const event = (...properties: string[]) => ['BEGIN:VEVENT', ...properties, 'END:VEVENT'];

interface Read {
  entries: Array<{ line: number; start: string; end: string | null; activity: string; key: string }>;
  issues: ImportIssue[];
  skipped: number;
}

/** Reads a calendar of these lines (after BEGIN:VCALENDAR on line 1), as the import would. */
async function read(
  lines: string[],
  options: Partial<IcsReadOptions> = {},
  { lineEnding = '\r\n', chunkSize = Number.POSITIVE_INFINITY } = {},
): Promise<Read> {
  const text = ['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR', ''].join(lineEnding);
  async function* chunks() {
    for (let at = 0; at < text.length; at += Math.min(chunkSize, text.length)) yield text.slice(at, at + chunkSize);
  }
  const reader = readIcs(chunks(), { zone: 'UTC', startMs: null, endMs: null, ...options });
  const rows: ImportRow[] = [];
  const result: Read = { entries: [], issues: [], skipped: 0 };
  try {
    for await (const batch of reader.rows) rows.push(...batch);
  } catch (error) {
    if (!(error instanceof ImportAbort)) throw error;
    result.issues.push(...error.issues);
  }
  for (const row of rows) {
    if (row.kind === 'entry') {
      const { line, startMs, endMs, activity, key } = row.entry;
      result.entries.push({
        line,
        start: new Date(startMs).toISOString(),
        end: endMs === null ? null : new Date(endMs).toISOString(),
        activity,
        key,
      });
    } else if (row.kind === 'issue') result.issues.push(row.issue);
    else result.skipped++;
  }
  return result;
}

const starts = (result: Read) => result.entries.map(({ start }) => start);

describe('reading a calendar', () => {
  it('names the line of an error inside a VTIMEZONE, in words, not "Cannot read properties of null"', async () => {
    const broken = (replace: (line: string) => string | null) =>
      read([
        ...parisZone.map(replace).filter((line): line is string => line !== null),
        ...event(
          'UID:a',
          'DTSTART;TZID=Europe/Paris:20260302T090000',
          'DTEND;TZID=Europe/Paris:20260302T100000',
          'SUMMARY:Calls',
        ),
      ]);
    const cases: Array<[string, (line: string) => string | null, Partial<ImportIssue>]> = [
      [
        'an offset that is not one',
        (line) => (line === 'TZOFFSETTO:+0100' ? 'TZOFFSETTO:one hour' : line),
        { line: 7 },
      ],
      ['a part without its start', (line) => (line === 'DTSTART:19700329T020000' ? null : line), { line: 10 }],
      ['a part without its offset', (line) => (line === 'TZOFFSETFROM:+0200' ? null : line), { line: 4 }],
      ['no TZID', (line) => (line.startsWith('TZID') ? null : line), { line: 2, field: 'TZID' }],
      ['a rule that cannot be read', (line) => (line.includes('BYMONTH=10') ? 'RRULE:FREQ=OFTEN' : line), { line: 8 }],
      ['a line that is not a property', (line) => (line === 'TZOFFSETTO:+0200' ? 'twelve' : line), { line: 13 }],
    ];
    for (const [name, replace, expected] of cases) {
      const { issues, entries } = await broken(replace);
      expect(entries, name).toEqual([]);
      expect(issues, name).toHaveLength(1);
      expect(issues[0], name).toMatchObject(expected);
      expect(issues[0]?.message, name).toMatch(/^The time zone defined on line 2 /);
      expect(issues[0]?.message, name).not.toMatch(/Cannot read|undefined|null/);
    }
  });

  it('says which recurring event has no DTSTART, and which of its exceptions', async () => {
    const noStart = await read(event('UID:a', 'RRULE:FREQ=WEEKLY;COUNT=3', 'SUMMARY:Calls'));
    expect(noStart.issues).toEqual([
      {
        line: 2,
        field: 'DTSTART',
        message: expect.stringMatching(/^DTSTART: the recurring event starting on line 2 has no start/),
      },
    ]);
    const exceptionWithoutStart = await read([
      ...event('UID:a', 'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z', 'RRULE:FREQ=DAILY;COUNT=3'),
      ...event('UID:a', 'RECURRENCE-ID:20260303T090000Z', 'SUMMARY:Moved'),
    ]);
    expect(exceptionWithoutStart.issues).toMatchObject([{ line: 8, field: 'DTSTART' }]);
  });

  it('reads line endings of CR alone, and CRLF split between two chunks', async () => {
    const lines = event('UID:a', 'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z', 'SUMMARY:Calls');
    for (const options of [
      { lineEnding: '\r' },
      { lineEnding: '\r', chunkSize: 7 },
      { chunkSize: 1 },
      { chunkSize: 9 },
    ]) {
      const result = await read(lines, {}, options);
      expect(result.issues, JSON.stringify(options)).toEqual([]);
      expect(result.entries, JSON.stringify(options)).toEqual([
        { line: 2, start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z', activity: 'Calls', key: 'a' },
      ]);
    }
  });

  it('keeps the last occurrence of a rule whose UNTIL, in UTC, is that start (RFC 5545: UNTIL is inclusive)', async () => {
    const weekly = (zone: string[]) =>
      read([
        ...zone,
        ...event(
          'UID:w',
          'DTSTART;TZID=Europe/Paris:20260302T090000',
          'DTEND;TZID=Europe/Paris:20260302T100000',
          // 09:00 in Paris on 6 April is 07:00 UTC: summer time began on 29 March.
          'RRULE:FREQ=WEEKLY;UNTIL=20260406T070000Z',
          'SUMMARY:Team call',
        ),
      ]);
    const expected = [
      '2026-03-02T08:00:00.000Z',
      '2026-03-09T08:00:00.000Z',
      '2026-03-16T08:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-06T07:00:00.000Z',
    ];
    // With the zone defined in the file, and named only (an IANA name, as many files do).
    expect(starts(await weekly(parisZone))).toEqual(expected);
    expect(starts(await weekly([]))).toEqual(expected);
  });

  it('applies an EXDATE and a RECURRENCE-ID given in UTC to an event in a zone the file only names', async () => {
    const result = await read([
      ...event(
        'UID:w',
        'DTSTART;TZID=Europe/Paris:20260302T090000',
        'DTEND;TZID=Europe/Paris:20260302T100000',
        'RRULE:FREQ=WEEKLY;COUNT=4',
        'EXDATE:20260309T080000Z',
        'SUMMARY:Team call',
      ),
      ...event(
        'UID:w',
        'RECURRENCE-ID:20260316T080000Z',
        'DTSTART;TZID=Europe/Paris:20260316T140000',
        'DTEND;TZID=Europe/Paris:20260316T150000',
        'SUMMARY:Team call (moved)',
      ),
    ]);
    expect(result.issues).toEqual([]);
    expect(result.entries.map(({ line, start, activity, key }) => ({ line, start, activity, key }))).toEqual([
      { line: 2, start: '2026-03-02T08:00:00.000Z', activity: 'Team call', key: 'w:2026-03-02T08:00:00.000Z' },
      { line: 10, start: '2026-03-16T13:00:00.000Z', activity: 'Team call (moved)', key: 'w:2026-03-16T08:00:00.000Z' },
      { line: 2, start: '2026-03-23T08:00:00.000Z', activity: 'Team call', key: 'w:2026-03-23T08:00:00.000Z' },
    ]);
  });

  it('leaves all-day events out, recurring or not', async () => {
    const result = await read([
      ...event('UID:a', 'DTSTART;VALUE=DATE:20260302', 'RRULE:FREQ=DAILY;COUNT=3', 'SUMMARY:Conference'),
      ...event('UID:b', 'DTSTART;VALUE=DATE:20260305', 'DTEND;VALUE=DATE:20260306', 'SUMMARY:Holiday'),
    ]);
    expect(result).toEqual({ entries: [], issues: [], skipped: 4 });
  });

  it('counts toward the limit only the occurrences within --from and --to', async () => {
    // An hourly reminder since New Year: 1,416 occurrences before March, 744 in March.
    const hourly = event('UID:h', 'DTSTART:20260101T000000Z', 'DURATION:PT5M', 'RRULE:FREQ=HOURLY', 'SUMMARY:Stretch');
    const limits = { occurrences: 1000 };
    const march = await read(hourly, { startMs: day('2026-03-01'), endMs: day('2026-04-01'), limits });
    expect(march.issues).toEqual([]);
    expect(march.entries).toHaveLength(744);
    expect(march.skipped).toBe(1416);

    const tooMany = await read(hourly, { startMs: day('2026-03-01'), endMs: day('2026-06-01'), limits });
    expect(tooMany.issues).toEqual([
      {
        line: 6,
        field: 'RRULE',
        message:
          'The recurring event "Stretch" (line 2) has more than 1,000 occurrences in the days imported: choose fewer days, with --from and --to on the command line (From and To in the web app).',
      },
    ]);
    const before = await read(hourly, {
      startMs: day('2026-03-01'),
      endMs: day('2026-03-02'),
      limits: { before: 1000 },
    });
    expect(before.issues).toMatchObject([
      { line: 6, message: expect.stringContaining('more than 1,000 times before') },
    ]);
  });

  it('refuses a rule without end when no last day is given, and says to give --to', async () => {
    const daily = event(
      'UID:d',
      'DTSTART:20000101T090000Z',
      'DTEND:20000101T100000Z',
      'RRULE:FREQ=DAILY',
      'SUMMARY:Walk',
    );
    const unbounded = await read(daily, { startMs: day('2026-03-01') });
    expect(unbounded.entries).toEqual([]);
    expect(unbounded.issues).toEqual([
      {
        line: 6,
        field: 'RRULE',
        message:
          'The recurring event "Walk" (line 2) repeats without end: give the last day to import, with --to on the command line (the To field in the web app).',
      },
    ]);
    const bounded = await read(daily, { startMs: day('2026-03-01'), endMs: day('2026-03-08') });
    expect(bounded.issues).toEqual([]);
    expect(bounded.entries).toHaveLength(7);
  });

  it('says a rule that can never happen cannot, instead of looping forever', async () => {
    const result = await read(
      event('UID:x', 'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
      { endMs: day('2027-01-01'), limits: { misses: 5000 } },
    );
    expect(result.issues).toMatchObject([
      { line: 6, field: 'RRULE', message: expect.stringContaining('never happens') },
    ]);
  });

  it('gives a line and a message for each malformed event, never a crash', async () => {
    const start = ['DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z'];
    const cases: Array<[string, string[], Partial<ImportIssue>]> = [
      ['a rule of no frequency', event('UID:a', ...start, 'RRULE:FREQ=OFTEN'), { line: 6, field: 'RRULE' }],
      [
        'an UNTIL that is no date',
        event('UID:a', ...start, 'RRULE:FREQ=DAILY;UNTIL=soon'),
        { line: 6, field: 'RRULE' },
      ],
      ['an EXDATE that is no date', event('UID:a', ...start, 'RRULE:FREQ=DAILY;COUNT=2', 'EXDATE:x'), { line: 7 }],
      [
        'a RECURRENCE-ID that is no date',
        [...event('UID:a', ...start, 'RRULE:FREQ=DAILY;COUNT=2'), ...event('UID:a', 'RECURRENCE-ID:x', ...start)],
        { line: 10, field: 'RECURRENCE-ID' },
      ],
      ['a start that is no date', event('UID:a', 'DTSTART:2026-03-02', 'DTEND:20260302T100000Z'), { line: 4 }],
      ['a start on 30 February', event('UID:a', 'DTSTART:20260230T090000Z', 'DTEND:20260302T100000Z'), { line: 4 }],
      ['a duration that is none', event('UID:a', 'DTSTART:20260302T090000Z', 'DURATION:PXYZ'), { line: 5 }],
      ['a line without a colon', event('UID:a', ...start, 'SUMMARY'), { line: 6, field: 'SUMMARY' }],
      ['an end before the start', event('UID:a', 'DTSTART:20260302T090000Z', 'DTEND:20260302T080000Z'), { line: 5 }],
      ['a component closed by another', ['BEGIN:VEVENT', 'UID:a', ...start, 'END:VTODO'], { line: 6 }],
    ];
    for (const [name, lines, expected] of cases) {
      const { issues } = await read(lines);
      expect(issues.length, name).toBeGreaterThan(0);
      expect(issues[0], name).toMatchObject(expected);
      expect(issues[0]?.message, name).not.toMatch(/Cannot read properties|undefined/);
    }
    const cut = readIcs(
      (async function* () {
        yield 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:2026';
      })(),
      { zone: 'UTC', startMs: null, endMs: null },
    );
    await expect(cut.rows.next()).rejects.toMatchObject({
      issues: [{ line: 4, message: expect.stringContaining('cut short') }],
    });
  });

  it('reports a text too long for Bigrock with its line and property, instead of cutting it', async () => {
    const start = ['DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z'];
    const long = await read(event('UID:a', ...start, `SUMMARY:${'Call '.repeat(41)}`));
    expect(long.issues).toEqual([
      {
        line: 6,
        field: 'SUMMARY',
        message:
          'SUMMARY: the activity "Call Call Call Call Call Call …" has 204 characters, and an activity holds at most 200. Shorten it in the file and import again.',
      },
    ]);
    const longTag = await read(event('UID:a', ...start, 'SUMMARY:Calls', `CATEGORIES:calls,${'x'.repeat(51)}`));
    expect(longTag.issues).toMatchObject([{ line: 7, field: 'CATEGORIES', message: expect.stringContaining('51') }]);
    const categories = Array.from({ length: 21 }, (_, index) => `tag${index}`).join(',');
    const manyTags = await read(event('UID:a', ...start, 'SUMMARY:Calls', `CATEGORIES:${categories}`));
    expect(manyTags.issues).toMatchObject([
      { line: 7, field: 'CATEGORIES', message: expect.stringContaining('21 tags') },
    ]);
    const longNote = await read(event('UID:a', ...start, `DESCRIPTION:${'a'.repeat(2001)}`));
    expect(longNote.issues).toMatchObject([
      { line: 6, field: 'DESCRIPTION', message: expect.stringContaining('2,001') },
    ]);
    const series = await read(event('UID:a', ...start, 'RRULE:FREQ=DAILY;COUNT=30', `DESCRIPTION:${'a'.repeat(2001)}`));
    expect(series.issues).toHaveLength(1);
  });

  it('refuses a NUL character with its line and property', async () => {
    const result = await read(
      event('UID:a', 'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z', 'SUMMARY:Calls\u0000', ' folded'),
    );
    expect(result.issues).toEqual([
      { line: 6, field: 'SUMMARY', message: expect.stringContaining('SUMMARY: holds a NUL character (U+0000)') },
    ]);
    const folded = await read(
      event('UID:a', 'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z', 'DESCRIPTION:Calls', ' fol\u0000ded'),
    );
    expect(folded.issues).toMatchObject([{ line: 7, field: 'DESCRIPTION' }]);
  });
});
