import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

/** A work calendar: a weekly stand-up (one occurrence moved), a review, and what busy time leaves out. */
const calendar = (reviewStart = '20270311T190000Z', reviewEnd = '20270311T200000Z') =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Work//EN',
    'BEGIN:VEVENT',
    'UID:standup@work.example',
    'DTSTAMP:20270101T000000Z',
    'DTSTART;TZID=America/New_York:20270301T093000',
    'DTEND;TZID=America/New_York:20270301T094500',
    'RRULE:FREQ=WEEKLY;BYDAY=MO,WE',
    'SUMMARY:Stand-up',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:standup@work.example',
    'DTSTAMP:20270101T000000Z',
    'RECURRENCE-ID;TZID=America/New_York:20270310T093000',
    'DTSTART;TZID=America/New_York:20270310T113000',
    'DTEND;TZID=America/New_York:20270310T120000',
    'SUMMARY:Stand-up (moved)',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:review@work.example',
    'DTSTAMP:20270101T000000Z',
    `DTSTART:${reviewStart}`,
    `DTEND:${reviewEnd}`,
    'SUMMARY:Quarterly review',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:holiday@work.example',
    'DTSTAMP:20270101T000000Z',
    'DTSTART;VALUE=DATE:20270312',
    'DTEND;VALUE=DATE:20270313',
    'SUMMARY:Company day off',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:focus@work.example',
    'DTSTAMP:20270101T000000Z',
    'DTSTART:20270309T150000Z',
    'DTEND:20270309T170000Z',
    'TRANSP:TRANSPARENT',
    'SUMMARY:Maybe: reading time',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

interface Result {
  weeks: string[];
  added: number;
  updated: number;
  unchanged: number;
  skipped: Record<string, number>;
  blocks: Array<{ id: string; date: string; start: string; end: string; kind: string; note: string }>;
}

describe.each(dialects)('busy time imported from a calendar on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2027-03-10T15:00:00Z'), timeZone: 'America/New_York' });
  });
  afterAll(() => api.close());

  const importBusy = (body: string, query = '') =>
    api.send({
      method: 'POST',
      url: `/api/v1/planner/busy?fileName=work.ics${query}`,
      headers: { 'content-type': 'text/calendar' },
      payload: body,
    });
  type WeekView = {
    blocks: Array<{ id: string; date: string; start: string; kind: string; note: string; imported: unknown }>;
    capacity: { plannedHours: number };
  };
  const week = async (name: string) =>
    (await api.send({ method: 'GET', url: `/api/v1/planner/week?week=${name}` })).json<WeekView>();

  it('makes fixed meeting blocks of the week asked, recurring events expanded, the rest left out', async () => {
    const response = await importBusy(calendar(), '&week=2027-W10&weeks=2');
    expect(response.statusCode).toBe(200);
    const result = response.json<Result>();
    expect(result).toMatchObject({ weeks: ['2027-W10', '2027-W11'], added: 5, updated: 0, unchanged: 0 });
    expect(result.skipped).toEqual({ 'all-day event': 1, 'free time': 1 });
    const thisWeek = await week('2027-W10');
    expect(
      thisWeek.blocks.map(({ date, start, kind, note, imported }) => ({ date, start, kind, note, imported })),
    ).toEqual([
      { date: '2027-03-08', start: '09:30', kind: 'meetings', note: 'Stand-up', imported: expect.any(Object) },
      { date: '2027-03-10', start: '11:30', kind: 'meetings', note: 'Stand-up (moved)', imported: expect.any(Object) },
      { date: '2027-03-11', start: '14:00', kind: 'meetings', note: 'Quarterly review', imported: expect.any(Object) },
    ]);
    expect(thisWeek.blocks[0]?.imported).toEqual({
      key: expect.stringMatching(/^standup@work\.example:/),
      from: 'work.ics',
    });
    // Capacity counts them: 15 min + 30 min + 1 h.
    expect(thisWeek.capacity.plannedHours).toBe(1.75);
    // After the change to daylight saving, 09:30 stays 09:30.
    expect((await week('2027-W11')).blocks.map(({ date, start }) => `${date} ${start}`)).toEqual([
      '2027-03-15 09:30',
      '2027-03-17 09:30',
    ]);
  });

  it('imports the same file again without a duplicate, and moves a meeting moved in the calendar', async () => {
    const again = (await importBusy(calendar(), '&week=2027-W10&weeks=2')).json<Result>();
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 5 });
    const moved = (await importBusy(calendar('20270312T190000Z', '20270312T193000Z'), '&week=2027-W10')).json<Result>();
    expect(moved).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    const blocks = (await week('2027-W10')).blocks;
    expect(blocks).toHaveLength(3);
    expect(blocks.find((block) => block.note === 'Quarterly review')).toMatchObject({
      date: '2027-03-12',
      start: '14:00',
    });
  });

  it('keeps imported blocks fixed: edited only in their calendar, still skipped or removed here', async () => {
    const [block] = (await week('2027-W10')).blocks;
    const edit = await api.send({
      method: 'PATCH',
      url: `/api/v1/planner/blocks/${block?.id}`,
      payload: { start: '08:00' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ error: { field: 'id', message: expect.stringContaining('work.ics') } });
    expect((await api.send({ method: 'POST', url: `/api/v1/planner/blocks/${block?.id}/skip` })).statusCode).toBe(200);
    // A template applied to the week again leaves the imported blocks in it.
    await api.send({ method: 'POST', url: '/api/v1/planner/templates/coach/apply', payload: { week: '2027-W10' } });
    const after = (await week('2027-W10')).blocks.filter((candidate) => candidate.imported !== null);
    expect(after).toHaveLength(3);
  });

  it('answers a file it cannot read, and bad weeks, with a 400 naming the field', async () => {
    const broken = await importBusy('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n');
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { field: 'file', message: expect.stringContaining('line') } });
    expect((await importBusy('not a calendar')).json()).toMatchObject({ error: { field: 'file' } });
    for (const query of ['&weeks=13', '&weeks=0', '&weeks=-1', '&week=2027-W60', '&week=%00']) {
      const response = await importBusy(calendar(), query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ error: { field: string } }>().error.field, query).toMatch(/^(weeks|week)$/);
    }
    expect((await importBusy('')).statusCode).toBe(400);
  });
});
