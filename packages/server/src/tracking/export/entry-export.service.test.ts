import { Readable } from 'node:stream';

import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../../test-support/test-bigrock.js';
import { csvCell, entryCsvColumns } from './entry-export.service.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

describe.each(dialects)('exports on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-03-20T12:00:00Z'), timeZone: 'America/New_York' });
    const { entries } = test.bigrock;
    await entries.add({
      activity: 'Calls',
      start: '2026-03-02 09:00',
      end: '2026-03-02 10:30',
      tags: ['calls', 'mga'],
      note: 'Warm list, "hot" leads',
    });
    await entries.add({
      activity: 'Admin',
      start: '2026-03-09 23:30',
      end: '2026-03-10 00:45',
      note: 'Line 1\nLine 2',
    });
    await entries.add({ activity: 'Later', start: '2026-03-15 09:00', end: '2026-03-15 10:00' });
    await entries.startTimer({ activity: 'Deep work' });
  });
  afterAll(() => test.cleanup());

  it('writes one CSV row per entry with the documented columns, quoted where needed', async () => {
    const csv = await text(test.bigrock.exports.csv({ from: '2026-03-01', to: '2026-03-10' }));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(entryCsvColumns.join(','));
    expect(lines[1]).toMatch(
      /^\w{10},2026-03-02T14:00:00\.000Z,2026-03-02T15:30:00\.000Z,2026-03-02 09:00:00,2026-03-02 10:30:00,America\/New_York,5400,Calls,"calls,mga","Warm list, ""hot"" leads",manual,,,,false,,$/,
    );
    expect(csv).toContain('2026-03-10T03:30:00.000Z,2026-03-10T04:45:00.000Z,2026-03-09 23:30:00,2026-03-10 00:45:00');
    expect(csv).toContain('"Line 1\nLine 2"');
    expect(csv).not.toContain('Later');
  });

  it('exports a CSV that imports back as the same entries', async () => {
    const csv = await text(test.bigrock.exports.csv({ from: '2026-03-01', to: '2026-03-16' }));
    const fresh = await openTestBigrock(dialect, { clock: fixedClock('2026-03-20T12:00:00Z'), timeZone: 'Asia/Tokyo' });
    try {
      const result = await fresh.bigrock.imports.importFile(Readable.from([csv]), {});
      expect(result).toMatchObject({ format: 'csv', status: 'imported', added: 3, errors: [] });
      const pick = ({
        activity,
        start,
        end,
        tags,
        note,
      }: {
        activity: string;
        start: string;
        end: string | null;
        tags: string[];
        note: string | null;
      }) => ({
        activity,
        start,
        end,
        tags,
        note,
      });
      const original = (await test.bigrock.entries.list({ from: '2026-03-01', to: '2026-03-16' })).filter(
        ({ end }) => end !== null,
      );
      expect((await fresh.bigrock.entries.list({ from: '2026-03-01', to: '2026-03-16' })).map(pick)).toEqual(
        original.map(pick),
      );
    } finally {
      await fresh.cleanup();
    }
  });

  it('keeps a spreadsheet from running a cell as a formula, and imports it back as it was', async () => {
    expect(['=1+2', '+1', '-3', '@SUM(A1)', '\tx', '\rx', 'a=b', '3'].map(csvCell)).toEqual([
      `"'=1+2"`,
      `"'+1"`,
      `"'-3"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      `"'\rx"`,
      'a=b',
      '3',
    ]);
    const source = await openTestBigrock(dialect, { clock: fixedClock('2026-03-20T12:00:00Z') });
    const fresh = await openTestBigrock(dialect, { clock: fixedClock('2026-03-20T12:00:00Z') });
    try {
      const hostile = [
        { activity: '=HYPERLINK("http://evil.example","open")', note: '+1 call', tags: ['-urgent', '@home'] },
        { activity: '@SUM(A1:A9)', note: '-3 leads, =cmd|" /C calc"!A0', tags: ['=x'] },
        { activity: "'Quoted", note: "'-already quoted", tags: [] },
      ];
      for (const [index, entry] of hostile.entries()) {
        await source.bigrock.entries.add({
          ...entry,
          start: `2026-03-0${index + 2} 09:00`,
          end: `2026-03-0${index + 2} 10:00`,
        });
      }
      const csv = await text(source.bigrock.exports.csv({}));
      for (const line of csv.split('\r\n').slice(1, -1)) {
        const cells =
          line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((cell) => cell.replace(/,$/, '').replace(/^"/, '')) ?? [];
        for (const cell of cells) expect(cell, line).not.toMatch(/^[=+\-@\t\r]/);
      }
      expect(await fresh.bigrock.imports.importFile(Readable.from([csv]), {})).toMatchObject({
        status: 'imported',
        added: 3,
      });
      const march = { from: '2026-03-01', to: '2026-03-31' };
      expect(await source.bigrock.entries.list(march)).toHaveLength(3);
      const pick = ({ activity, note, tags }: { activity: string; note: string | null; tags: string[] }) => ({
        activity,
        note,
        tags,
      });
      expect((await fresh.bigrock.entries.list({})).map(pick)).toEqual(
        (await source.bigrock.entries.list({})).map(pick),
      );
    } finally {
      await source.cleanup();
      await fresh.cleanup();
    }
  });

  it('writes an iCalendar file that calendars read back, the running timer left out', async () => {
    const ics = await text(test.bigrock.exports.ics({}));
    const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(
      events.map((event) => [
        event.summary,
        event.startDate.toJSDate().toISOString(),
        event.endDate.toJSDate().toISOString(),
      ]),
    ).toEqual([
      ['Calls', '2026-03-02T14:00:00.000Z', '2026-03-02T15:30:00.000Z'],
      ['Admin', '2026-03-10T03:30:00.000Z', '2026-03-10T04:45:00.000Z'],
      ['Later', '2026-03-15T13:00:00.000Z', '2026-03-15T14:00:00.000Z'],
    ]);
    expect(events[0]?.description).toBe('Warm list, "hot" leads');
    expect(calendar.getAllSubcomponents('vevent')[0]?.getFirstProperty('categories')?.getValues()).toEqual([
      'calls',
      'mga',
    ]);
  });

  it("writes an entry's duration as the app shows it and as its day adds it up, to the second", async () => {
    const { entries, exports } = test.bigrock;
    const entry = await entries.add({
      activity: 'Blink',
      start: '2026-03-18T13:00:00.900Z',
      end: '2026-03-18T13:00:02.100Z',
    });
    const [day] = await entries.summary({ from: '2026-03-18', to: '2026-03-18' });
    const csv = await text(exports.csv({ from: '2026-03-18', to: '2026-03-18' }));
    const duration = Number(csv.split('\r\n')[1]?.split(',')[entryCsvColumns.indexOf('duration_seconds')]);
    expect([entry.durationSeconds, day?.seconds, duration]).toEqual([2, 2, 2]);
  });
});
