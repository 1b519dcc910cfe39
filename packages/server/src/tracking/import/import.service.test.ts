import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

import type { ImportResult } from '@bigrock/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../../test-support/test-bigrock.js';
import type { ImportOptions } from './import.service.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe.each(dialects)('imports on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z'), timeZone: 'America/New_York' });
  });
  afterAll(() => test.cleanup());

  const importFile = (name: string, options: ImportOptions = {}) =>
    test.bigrock.imports.importFile(createReadStream(fixture(name)), options);
  const importText = (text: string, options: ImportOptions = {}) =>
    test.bigrock.imports.importFile(Readable.from([Buffer.from(text)]), options);
  const entriesIn = (from: string, to: string) => test.bigrock.entries.list({ from, to });
  const counts = ({ status, added, changed, skipped, errors }: ImportResult) => ({
    status,
    added,
    changed,
    skipped,
    errors: errors.length,
  });

  it('imports a Toggl detailed report with a BOM, quoted fields and an entry past midnight, in the workspace zone', async () => {
    const result = await importFile('toggl-detailed.csv');
    expect(counts(result)).toEqual({ status: 'imported', added: 4, changed: 0, skipped: 0, errors: 0 });
    expect(result.format).toBe('toggl');
    const entries = await entriesIn('2026-03-02', '2026-03-05');
    expect(
      entries.map(({ activity, start, end, tags, note, source }) => ({ activity, start, end, tags, note, source })),
    ).toEqual([
      {
        activity: 'Lead generation',
        start: '2026-03-02T14:00:00.000Z',
        end: '2026-03-02T15:30:00.000Z',
        tags: ['calls', 'mga', 'client:Northwind', 'task:Calls'],
        note: 'Follow-up calls, warm list',
        source: 'import',
      },
      {
        activity: 'Marketing',
        start: '2026-03-02T16:00:00.000Z',
        end: '2026-03-02T18:00:00.000Z',
        tags: ['social'],
        note: 'Schedule posts for the week',
        source: 'import',
      },
      {
        activity: 'Client work',
        start: '2026-03-03T19:15:00.000Z',
        end: '2026-03-03T22:45:30.000Z',
        tags: ['design', 'client:Northwind', 'task:Design'],
        note: 'Landing page "v2"',
        source: 'import',
      },
      {
        activity: 'Admin',
        start: '2026-03-05T04:30:00.000Z',
        end: '2026-03-05T05:45:00.000Z',
        tags: [],
        note: 'Bookkeeping',
        source: 'import',
      },
    ]);
    expect(entries[0]?.sourceId).toBe(`toggl:${Date.parse('2026-03-02T14:00:00Z')}:dana@example.com`);
  });

  it('adds nothing when the same file is imported again', async () => {
    const again = await importFile('toggl-detailed.csv');
    expect(counts(again)).toEqual({ status: 'imported', added: 0, changed: 0, skipped: 4, errors: 0 });
    expect(await entriesIn('2026-03-02', '2026-03-05')).toHaveLength(4);
  });

  it('reads a Toggl export with an empty currency and reordered columns, and a German one with semicolons', async () => {
    const reordered = await importFile('toggl-empty-currency-reordered.csv', { timeZone: 'UTC' });
    expect(counts(reordered)).toMatchObject({ status: 'imported', added: 3, errors: 0 });
    expect(reordered.format).toBe('toggl');
    expect(reordered.preview.added[2]).toMatchObject({
      activity: 'Bookkeeping',
      start: '2026-03-04T23:30:00.000Z',
      end: '2026-03-05T00:45:00.000Z',
    });

    const german = await importFile('toggl-german-semicolon.csv', { timeZone: 'Europe/Berlin', dryRun: true });
    expect(counts(german)).toEqual({ status: 'dry-run', added: 2, changed: 0, skipped: 0, errors: 0 });
    expect(german.preview.added).toEqual([
      {
        line: 2,
        activity: 'Akquise',
        start: '2026-03-02T08:00:00.000Z',
        end: '2026-03-02T09:30:00.000Z',
        tags: ['calls', 'mga', 'client:Northwind', 'task:Anrufe'],
        note: 'Nachfassen; Liste A',
        client: 'Northwind',
        project: 'Akquise',
        billable: true,
      },
      {
        line: 3,
        activity: 'Marketing',
        start: '2026-03-03T13:00:00.000Z',
        end: '2026-03-03T14:00:00.000Z',
        tags: [],
        note: 'Beiträge planen',
        client: null,
        project: 'Marketing',
        billable: false,
      },
    ]);
  });

  it('reads Clockify in MM/DD/YYYY and DD.MM.YYYY with 12-hour times, and DD/MM/YYYY learned from a later row', async () => {
    const us = await importFile('clockify-detailed.csv', { dryRun: true });
    expect(us.format).toBe('clockify');
    expect(us.preview.added.map(({ start, end }) => [start, end])).toEqual([
      ['2026-03-02T14:00:00.000Z', '2026-03-02T14:45:00.000Z'],
      ['2026-03-03T12:30:00.000Z', '2026-03-03T15:30:00.000Z'],
      ['2026-03-03T17:00:00.000Z', '2026-03-03T18:00:00.000Z'],
    ]);
    expect(us.warnings[0]?.message).toContain('read as MM/DD/YYYY');

    const dotted = await importFile('clockify-ddmmyyyy-12h.csv', { dryRun: true, timeZone: 'Europe/Berlin' });
    expect(dotted.preview.added.map(({ activity, start, end }) => [activity, start, end])).toEqual([
      ['Lead generation', '2026-03-02T08:00:00.000Z', '2026-03-02T08:45:00.000Z'],
      ['Admin', '2026-03-02T22:30:00.000Z', '2026-03-02T23:15:00.000Z'],
      ['Marketing', '2026-03-13T11:00:00.000Z', '2026-03-13T12:00:00.000Z'],
    ]);
    expect(dotted.warnings).toEqual([]);

    const dayFirst = await importFile('clockify-ddmm-slash.csv', { dryRun: true, timeZone: 'UTC' });
    expect(dayFirst.preview.added.map(({ start }) => start)).toEqual([
      '2026-02-03T09:00:00.000Z',
      '2026-02-04T09:00:00.000Z',
      '2026-02-25T07:30:00.000Z',
    ]);
  });

  it('imports a running Timewarrior interval as the running timer, and changes it once it has stopped', async () => {
    // Started long before this import (the clock says November): kept running, as asked.
    const first = await importFile('timew-export.json', { running: 'keep' });
    expect(counts(first)).toEqual({ status: 'imported', added: 3, changed: 0, skipped: 0, errors: 0 });
    expect(first.staleRunning).toMatchObject([{ line: 4, activity: 'deep work', choice: 'keep' }]);
    expect(first.format).toBe('timew');
    expect(await test.bigrock.entries.timer()).toMatchObject({
      activity: 'deep work',
      start: '2026-03-02T13:00:00.000Z',
      end: null,
      source: 'import',
    });
    const calls = (await entriesIn('2026-03-02', '2026-03-02')).find(({ activity }) => activity === 'calls');
    expect(calls).toMatchObject({ tags: ['mga'], note: 'Warm list', end: '2026-03-02T09:30:00.000Z' });

    const stopped = readFileSync(fixture('timew-export.json'), 'utf8').replace(
      '{"id":1,"start":"20260302T130000Z",',
      '{"id":1,"start":"20260302T130000Z","end":"20260302T150000Z",',
    );
    const second = await importText(stopped);
    expect(counts(second)).toEqual({ status: 'imported', added: 0, changed: 1, skipped: 2, errors: 0 });
    expect(second.preview.changed).toMatchObject([{ activity: 'deep work', end: '2026-03-02T15:00:00.000Z' }]);
    expect(await test.bigrock.entries.timer()).toBeNull();
  });

  it('leaves a running interval out, with a warning, when a timer already runs', async () => {
    const { started } = await test.bigrock.entries.startTimer({ activity: 'Calls' });
    const result = await importText('[{"id":1,"start":"20260310T130000Z","tags":["writing"]}]', { running: 'keep' });
    expect(counts(result)).toEqual({ status: 'imported', added: 0, changed: 0, skipped: 1, errors: 0 });
    expect(result.warnings[0]?.message).toContain('a timer already runs');
    expect((await test.bigrock.entries.timer())?.id).toBe(started.id);
    await test.bigrock.entries.stopTimer();
  });

  it('reads ActivityWatch: sites and apps, string booleans, no AFK, no incognito tabs', async () => {
    const result = await importFile('activitywatch-export.json');
    expect(result.format).toBe('activitywatch');
    expect(counts(result)).toEqual({ status: 'imported', added: 3, changed: 0, skipped: 2, errors: 0 });
    expect(result.preview.added.map(({ activity, start, end }) => [activity, start, end])).toEqual([
      ['facebook.com', '2026-03-02T09:00:00.000Z', '2026-03-02T09:21:00.500Z'],
      ['linkedin.com', '2026-03-02T09:21:00.500Z', '2026-03-02T09:26:00.500Z'],
      ['chromium', '2026-03-02T09:00:00.000Z', '2026-03-02T09:15:00.000Z'],
    ]);
    const sites = (await entriesIn('2026-03-02', '2026-03-02')).filter(({ source }) => source === 'browser');
    expect(sites.map(({ activity, note }) => [activity, note])).toEqual([
      ['facebook.com', null],
      ['linkedin.com', null],
    ]);

    const awkward = await importFile('activitywatch-awkward.json', { dryRun: true });
    expect(counts(awkward)).toEqual({ status: 'dry-run', added: 2, changed: 0, skipped: 3, errors: 0 });
    expect(awkward.preview.added.map(({ activity, end }) => [activity, end])).toEqual([
      ['mail.google.com', '2026-03-03T10:02:00.250Z'],
      ['Firefox', '2026-03-03T10:03:00.000Z'],
    ]);
  });

  it('expands a weekly event over the range with its moved occurrence and its exclusion, across a daylight-saving change', async () => {
    const result = await importFile('calendar-exception-dst.ics', { from: '2026-03-16', to: '2026-04-12' });
    expect(result.format).toBe('ics');
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('imported');
    const calendar = (await entriesIn('2026-03-16', '2026-04-12')).filter(({ source }) => source === 'calendar');
    expect(calendar.map(({ activity, start, end, tags }) => ({ activity, start, end, tags }))).toEqual([
      {
        activity: 'Weekly team call',
        start: '2026-03-19T08:00:00.000Z',
        end: '2026-03-19T09:00:00.000Z',
        tags: ['calls', 'team'],
      },
      // The floating event is read on the workspace's clocks (New York).
      { activity: 'Floating planning', start: '2026-03-23T12:00:00.000Z', end: '2026-03-23T12:30:00.000Z', tags: [] },
      {
        activity: 'Weekly team call',
        start: '2026-03-26T08:00:00.000Z',
        end: '2026-03-26T09:00:00.000Z',
        tags: ['calls', 'team'],
      },
      // After 29 March Paris is UTC+2; the 2 April call moved to the afternoon; 9 April is excluded.
      {
        activity: 'Weekly team call (moved)',
        start: '2026-04-02T12:00:00.000Z',
        end: '2026-04-02T13:30:00.000Z',
        tags: ['calls', 'team'],
      },
    ]);
    expect(calendar[0]?.note).toBe('Agenda in the shared doc, as usual');
    // The all-day conference and the cancelled meeting are not time spent.
    expect(result.skipped).toBe(2);
    expect(
      counts(await importFile('calendar-exception-dst.ics', { from: '2026-03-16', to: '2026-04-12' })),
    ).toMatchObject({
      added: 0,
      skipped: 6,
    });
  });

  it('honours the time zone of the calendar fixture across the US change of 8 March', async () => {
    const result = await importFile('calendar.ics');
    expect(counts(result)).toEqual({ status: 'imported', added: 5, changed: 0, skipped: 0, errors: 0 });
    expect(result.preview.added.map(({ activity, start }) => [activity, start])).toEqual([
      ['Call with Northwind', '2026-03-04T15:00:00.000Z'],
      ['Chamber of commerce breakfast', '2026-03-03T12:30:00.000Z'],
      ['Chamber of commerce breakfast', '2026-03-10T11:30:00.000Z'],
      ['Chamber of commerce breakfast', '2026-03-17T11:30:00.000Z'],
      ['Chamber of commerce breakfast', '2026-03-24T11:30:00.000Z'],
    ]);
  });

  it('maps the columns of any CSV by header name', async () => {
    const result = await importFile('generic-mapped.csv', {
      format: 'csv',
      mapping: { start: 'When', end: 'Until', activity: 'What', note: 'Notes', tags: 'Labels' },
      dryRun: true,
    });
    expect(result.errors).toEqual([]);
    // "Calls" in the file is the "calls" of entries imported before: the preview shows what is written.
    expect(result.preview.added).toEqual([
      {
        line: 2,
        activity: 'calls',
        start: '2026-03-02T14:00:00.000Z',
        end: '2026-03-02T15:00:00.000Z',
        tags: ['calls'],
        note: 'Warm list',
        client: null,
        project: null,
        billable: false,
      },
      {
        line: 3,
        activity: 'Email',
        start: '2026-03-02T10:30:00.000Z',
        end: '2026-03-02T11:00:00.000Z',
        tags: ['admin'],
        note: null,
        client: null,
        project: null,
        billable: false,
      },
    ]);
    const unmapped = await importFile('generic-mapped.csv', { format: 'csv' });
    expect(unmapped.status).toBe('failed');
    expect(unmapped.errors[0]).toMatchObject({
      line: 1,
      field: 'start',
      message: expect.stringContaining('--map start='),
    });
  });

  it('adds nothing from a file with a bad row, and names the line and the field of each error', async () => {
    const before = (await entriesIn('2026-02-01', '2026-03-31')).length;
    const result = await importFile('toggl-bad-rows.csv');
    expect(counts(result)).toEqual({ status: 'failed', added: 0, changed: 0, skipped: 0, errors: 2 });
    expect(result.errors).toEqual([
      {
        line: 4,
        field: 'Start date',
        message: 'Start date: "2026-02-30" is not a date (expected a date such as YYYY-MM-DD).',
      },
      { line: 5, field: 'End time', message: expect.stringContaining('ends') },
    ]);
    expect(await entriesIn('2026-02-01', '2026-03-31')).toHaveLength(before);
  });

  /** A file of each format with one entry whose texts are these (CSV cells must not need quotes). */
  const filesWith = ({ activity = 'Calls', note = 'Warm list', tags = ['calls'] }) => ({
    csv: `Start,End,Activity,Note,Tags\n2025-04-01 09:00,2025-04-01 10:00,${activity},${note},"${tags.join(',')}"\n`,
    toggl: `User,Email,Project,Description,Start date,Start time,End date,End time,Tags\nDana,dana@example.com,${activity},${note},2025-04-01,09:00:00,2025-04-01,10:00:00,"${tags.join(',')}"\n`,
    clockify: `"Project","Client","Description","Task","User","Email","Tags","Start Date","Start Time","End Date","End Time","Duration (h)"\n"${activity}","","${note}","","Dana","dana@example.com","${tags.join(', ')}","04/01/2025","09:00:00 AM","04/01/2025","10:00:00 AM","01:00:00"\n`,
    timew: JSON.stringify([
      { id: 1, start: '20250401T090000Z', end: '20250401T100000Z', tags: [activity, ...tags], annotation: note },
    ]),
    activitywatch: JSON.stringify({
      buckets: {
        'aw-watcher-window_laptop': {
          type: 'currentwindow',
          events: [{ id: 1, timestamp: '2025-04-01T09:00:00Z', duration: 3600, data: { app: activity, title: note } }],
        },
      },
    }),
    ics: [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART:20250401T090000Z',
      'DTEND:20250401T100000Z',
      `SUMMARY:${activity}`,
      `DESCRIPTION:${note}`,
      `CATEGORIES:${tags.join(',')}`,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n'),
  });

  it('reports a text longer than Bigrock keeps, in every format, with its line and field, and imports nothing', async () => {
    const before = (await entriesIn('2025-04-01', '2025-04-01')).length;
    const longActivity = filesWith({ activity: 'A'.repeat(201) });
    const activityFields = {
      csv: 'Activity',
      toggl: 'Project',
      clockify: 'Project',
      timew: 'tags[0]',
      activitywatch: 'data.app',
      ics: 'SUMMARY',
    };
    const longNote = filesWith({ note: 'N'.repeat(2001) });
    const noteFields = {
      csv: 'Note',
      toggl: 'Description',
      clockify: 'Description',
      timew: 'annotation',
      ics: 'DESCRIPTION',
    };
    const longTag = filesWith({ tags: ['calls', 'T'.repeat(51)] });
    const manyTags = filesWith({ tags: Array.from({ length: 21 }, (_, index) => `tag${index}`) });
    const tagFields = { csv: 'Tags', toggl: 'Tags', clockify: 'Tags', timew: 'tags', ics: 'CATEGORIES' };
    const lines = { csv: 2, toggl: 2, clockify: 2, timew: 1, activitywatch: 1, ics: 6 };
    const cases = [
      ...Object.entries(activityFields).map(([format, field]) => ({
        format,
        field,
        text: longActivity,
        says: '201 characters',
      })),
      ...Object.entries(noteFields).map(([format, field]) => ({
        format,
        field,
        text: longNote,
        says: '2,001 characters',
      })),
      ...Object.entries(tagFields).map(([format, field]) => ({ format, field, text: longTag, says: '51 characters' })),
      ...Object.entries(tagFields).map(([format, field]) => ({ format, field, text: manyTags, says: '21 tags' })),
    ];
    for (const { format, field, text, says } of cases) {
      const name = `${format} ${field} ${says}`;
      const result = await importText(text[format as keyof typeof text], { format, timeZone: 'UTC' });
      expect(counts(result), name).toEqual({ status: 'failed', added: 0, changed: 0, skipped: 0, errors: 1 });
      const line =
        format === 'ics' && field !== 'SUMMARY'
          ? field === 'DESCRIPTION'
            ? 7
            : 8
          : lines[format as keyof typeof lines];
      expect(result.errors[0], name).toMatchObject({ line, message: expect.stringContaining(says) });
      expect(result.errors[0]?.message, name).toContain(`${field}: `);
    }
    expect(await entriesIn('2025-04-01', '2025-04-01')).toHaveLength(before);
    // Right at the limits, everything is taken whole.
    const atLimits = filesWith({ activity: 'A'.repeat(200), note: 'N'.repeat(2000), tags: ['T'.repeat(50)] });
    const imported = await importText(atLimits.toggl, { format: 'toggl', timeZone: 'UTC', dryRun: true });
    expect(imported.errors).toEqual([]);
    expect(imported.preview.added[0]).toMatchObject({
      activity: 'A'.repeat(200),
      note: 'N'.repeat(2000),
      tags: ['T'.repeat(50)],
    });
  });

  it('refuses a NUL character in any field of any format, with its line and field, and imports nothing', async () => {
    const before = (await entriesIn('2025-04-01', '2025-04-01')).length;
    const withNul = filesWith({ activity: 'Ca\u0000lls', note: 'Warm\u0000list', tags: ['ca\u0000lls'] });
    const expected = {
      csv: { line: 2, field: 'Activity' },
      toggl: { line: 2, field: 'Project' },
      clockify: { line: 2, field: 'Project' },
      timew: { line: 1, field: '[0].tags[0]' },
      activitywatch: { line: 1, field: 'buckets.aw-watcher-window_laptop.events[0].data.app' },
      ics: { line: 6, field: 'SUMMARY' },
    };
    for (const [format, where] of Object.entries(expected)) {
      const result = await importText(withNul[format as keyof typeof withNul], { format, timeZone: 'UTC' });
      expect(counts(result), format).toMatchObject({ status: 'failed', added: 0 });
      expect(result.errors[0], format).toEqual({
        ...where,
        message: expect.stringContaining(`${where.field}: holds a NUL character (U+0000)`),
      });
    }
    // In a column Bigrock does not read, in a key, in a header.
    const unread = await importText('Start,End,Activity,Other\n2025-04-01 09:00,2025-04-01 10:00,Calls,x\u0000\n');
    expect(unread.errors).toMatchObject([{ line: 2, field: 'Other' }]);
    const key = await importText('[{"start":"20250401T090000Z","end":"20250401T100000Z","ta\\u0000gs":["calls"]}]');
    expect(key.errors).toMatchObject([{ line: 1, field: '[0].ta\\u0000gs' }]);
    const header = await importText('Start,End,Acti\u0000vity\n2025-04-01 09:00,2025-04-01 10:00,Calls\n', {
      format: 'csv',
    });
    expect(header.errors).toMatchObject([{ line: 1, field: 'column 3' }]);
    expect(await entriesIn('2025-04-01', '2025-04-01')).toHaveLength(before);
  });

  it('reads a CSV the same whatever chunks it comes in, a CRLF split between two included', async () => {
    const text =
      'Start,End,Activity,Note\r\n2025-04-02 09:00,2025-04-02 10:00,Calls,"Warm ""list"", then\r\nemails"\r\n2025-04-02 11:00,2025-04-02 12:00,Email,"Inbox, zero"\r\n';
    for (let split = 1; split < text.length; split++) {
      const result = await test.bigrock.imports.importFile(
        Readable.from([Buffer.from(text.slice(0, split)), Buffer.from(text.slice(split))]),
        { dryRun: true, timeZone: 'UTC' },
      );
      expect(result.errors, `split at ${split}`).toEqual([]);
      expect(
        result.preview.added.map(({ note }) => note),
        `split at ${split}`,
      ).toEqual(['Warm "list", then\r\nemails', 'Inbox, zero']);
    }
    // Cut inside its last field, a quote left open: refused, never imported with the value cut.
    for (const cut of ['"Inbox, ze', '"Inbox, zero', '"']) {
      const result = await importText(text.slice(0, text.lastIndexOf('"Inbox')) + cut, { timeZone: 'UTC' });
      expect(counts(result), cut).toMatchObject({ status: 'failed', added: 0 });
      expect(result.errors[0], cut).toMatchObject({ line: 4, message: expect.stringContaining('quote') });
    }
  });

  it('shows in a dry run what would be added, changed and skipped, and changes nothing', async () => {
    const before = await test.bigrock.entries.list({ from: '2026-03-01', to: '2026-03-31' });
    // The same Toggl entries as the first import (same person, same starts), exported again after edits.
    const result = await importFile('toggl-empty-currency-reordered.csv', { dryRun: true });
    expect(counts(result)).toEqual({ status: 'dry-run', added: 0, changed: 2, skipped: 1, errors: 0 });
    expect(result.preview.changed.map(({ line, activity, tags }) => ({ line, activity, tags }))).toEqual([
      { line: 2, activity: 'Lead generation', tags: ['calls', 'mga'] },
      { line: 4, activity: 'Bookkeeping', tags: [] },
    ]);
    expect(await test.bigrock.entries.list({ from: '2026-03-01', to: '2026-03-31' })).toEqual(before);
  });

  it('keeps the last of the rows a file has twice, and counts the others as changed or skipped', async () => {
    const row = (description: string) => `dana@example.com,Outreach,${description},2025-05-05,09:00,2025-05-05,10:00`;
    const text = [
      'Email,Project,Description,Start date,Start time,End date,End time',
      row('A'),
      row('B'),
      row('A'),
      row('A'),
    ];
    const result = await importText(`${text.join('\n')}\n`, { format: 'toggl', timeZone: 'UTC' });
    expect(counts(result)).toEqual({ status: 'imported', added: 1, changed: 2, skipped: 1, errors: 0 });
    expect((await entriesIn('2025-05-05', '2025-05-05')).map(({ note }) => note)).toEqual(['A']);
  });

  it('keeps a change made here to an imported entry when the file comes again, until the source changes it', async () => {
    const file = (adminNote: string, callsNote = 'Calls') =>
      [
        'Email,Project,Description,Start date,Start time,End date,End time',
        `dana@example.com,Outreach,${callsNote},2025-06-02,09:00,2025-06-02,10:00`,
        'dana@example.com,Writing,Newsletter,2025-06-02,11:00,2025-06-02,13:00',
        `dana@example.com,Admin,${adminNote},2025-06-02,14:00,2025-06-02,15:00`,
        '',
      ].join('\n');
    const options = { format: 'toggl', timeZone: 'UTC' };
    const shown = async () =>
      (await entriesIn('2025-06-02', '2025-06-02')).map(({ activity, start, end, note }) => ({
        activity,
        hours: `${start.slice(11, 16)}-${end?.slice(11, 16)}`,
        note,
      }));
    expect(counts(await importText(file('Invoices'), options))).toMatchObject({ added: 3, changed: 0, skipped: 0 });
    const [calls, writing] = await entriesIn('2025-06-02', '2025-06-02');
    await test.bigrock.entries.update(calls?.id ?? '', { activity: 'Sales calls' });
    await test.bigrock.entries.split(writing?.id ?? '', { at: '2025-06-02T12:00:00Z' });

    const again = await importText(file('Invoices'), options);
    expect(counts(again)).toEqual({ status: 'imported', added: 0, changed: 0, skipped: 3, errors: 0 });
    expect(await shown()).toEqual([
      { activity: 'Sales calls', hours: '09:00-10:00', note: 'Calls' },
      { activity: 'Writing', hours: '11:00-12:00', note: 'Newsletter' },
      { activity: 'Writing', hours: '12:00-13:00', note: 'Newsletter' },
      { activity: 'Admin', hours: '14:00-15:00', note: 'Invoices' },
    ]);

    // The source changed two entries since: its version wins, over the change made here too.
    const changed = await importText(file('Invoices and receipts', 'Calls and emails'), options);
    expect(counts(changed)).toEqual({ status: 'imported', added: 0, changed: 2, skipped: 1, errors: 0 });
    expect(await shown()).toEqual([
      { activity: 'Outreach', hours: '09:00-10:00', note: 'Calls and emails' },
      { activity: 'Writing', hours: '11:00-12:00', note: 'Newsletter' },
      { activity: 'Writing', hours: '12:00-13:00', note: 'Newsletter' },
      { activity: 'Admin', hours: '14:00-15:00', note: 'Invoices and receipts' },
    ]);
    expect(counts(await importText(file('Invoices and receipts', 'Calls and emails'), options))).toMatchObject({
      changed: 0,
      skipped: 3,
    });
  });

  it('leaves an imported running interval stopped here stopped when the same export comes again', async () => {
    const running = '[{"id":1,"start":"20250610T130000Z","tags":["writing"]}]';
    expect(counts(await importText(running, { running: 'keep' }))).toMatchObject({ added: 1 });
    const stopped = await test.bigrock.entries.stopTimer();
    // Entries of an earlier test spell it "Writing": an imported name takes the spelling in use.
    expect(stopped).toMatchObject({ activity: 'Writing', source: 'import' });

    expect(counts(await importText(running))).toEqual({
      status: 'imported',
      added: 0,
      changed: 0,
      skipped: 1,
      errors: 0,
    });
    expect(await test.bigrock.entries.timer()).toBeNull();
    expect(await test.bigrock.entries.get(stopped.id)).toMatchObject({ end: stopped.end });
  });

  describe('an interval still running in the file since more than a day', () => {
    const file = [
      '[',
      '{"id":2,"start":"20251031T130000Z","end":"20251031T140000Z","tags":["calls"]},',
      '{"id":1,"start":"20251101T130000Z","tags":["writing","book"]}',
      ']',
    ].join('\n');
    // Entries that start on these days (a day also lists an earlier test's entry of months that spans it).
    // Entries of earlier tests spell it "Writing": the file's "writing" takes that spelling.
    const stored = async () =>
      (await entriesIn('2025-10-31', '2025-11-01'))
        .filter(({ start }) => start >= '2025-10-31')
        .map(({ activity, start, end }) => `${activity} ${start} ${end}`);

    it('is shown by the dry run, with its start, and fails the import until a choice is given', async () => {
      const dry = await importText(file, { dryRun: true });
      expect(counts(dry)).toEqual({ status: 'dry-run', added: 1, changed: 0, skipped: 0, errors: 0 });
      expect(dry.staleRunning).toEqual([
        {
          line: 3,
          activity: 'Writing',
          start: '2025-11-01T13:00:00.000Z',
          stopAt: '2025-11-01T21:00:00.000Z',
          choice: null,
        },
      ]);
      expect(dry.preview.added.map(({ activity }) => activity)).toEqual(['calls']);

      const refused = await importText(file);
      expect(counts(refused)).toEqual({ status: 'failed', added: 0, changed: 0, skipped: 0, errors: 1 });
      expect(refused.errors).toEqual([
        {
          line: 3,
          field: 'running',
          message:
            '"Writing" is still running in the file, since 1 Nov 2025, 09:00: more than a day before this import. Choose what becomes of it: stop it at 1 Nov 2025, 17:00 (8 hours after its start; the file shows nothing of it since), keep it running as your timer, or leave it out. Give --running stop, keep or skip on the command line (running=stop, keep or skip in the API).',
        },
      ]);
      expect(refused.staleRunning).toHaveLength(1);
      expect(await stored()).toEqual([]);
      expect(await test.bigrock.entries.timer()).toBeNull();
      await expect(importText(file, { running: 'later' })).rejects.toMatchObject({ field: 'running' });
    });

    it('is left out, stopped a working day after its start, or kept running, as chosen', async () => {
      const skipped = await importText(file, { running: 'skip' });
      expect(counts(skipped)).toEqual({ status: 'imported', added: 1, changed: 0, skipped: 1, errors: 0 });
      expect(await stored()).toEqual(['calls 2025-10-31T13:00:00.000Z 2025-10-31T14:00:00.000Z']);

      const dryStop = await importText(file, { running: 'stop', dryRun: true });
      expect(dryStop.preview.added).toMatchObject([{ activity: 'Writing', end: '2025-11-01T21:00:00.000Z' }]);
      const stopped = await importText(file, { running: 'stop' });
      expect(counts(stopped)).toEqual({ status: 'imported', added: 1, changed: 0, skipped: 1, errors: 0 });
      expect(stopped.staleRunning).toMatchObject([{ choice: 'stop' }]);
      expect(await stored()).toEqual([
        'calls 2025-10-31T13:00:00.000Z 2025-10-31T14:00:00.000Z',
        // The spelling in use since an earlier test.
        'Writing 2025-11-01T13:00:00.000Z 2025-11-01T21:00:00.000Z',
      ]);
      expect(await test.bigrock.entries.timer()).toBeNull();

      // The same file again asks nothing: the interval stays as it was stopped.
      const again = await importText(file);
      expect(counts(again)).toEqual({ status: 'imported', added: 0, changed: 0, skipped: 2, errors: 0 });
      expect(again.staleRunning).toEqual([]);

      // Kept, it becomes the timer; the file with it stopped later changes it.
      const kept = await importText(file.replace('20251101T130000Z', '20251102T130000Z'), { running: 'keep' });
      expect(counts(kept)).toMatchObject({ status: 'imported', added: 1 });
      expect(await test.bigrock.entries.timer()).toMatchObject({
        activity: 'Writing',
        start: '2025-11-02T13:00:00.000Z',
      });
      await test.bigrock.entries.stopTimer();
    });

    it('asks nothing of an interval that started less than a day ago: it becomes the timer', async () => {
      const result = await importText('[{"id":1,"start":"20261122T080000Z","tags":["editing"]}]');
      expect(counts(result)).toEqual({ status: 'imported', added: 1, changed: 0, skipped: 0, errors: 0 });
      expect(result.staleRunning).toEqual([]);
      expect(await test.bigrock.entries.timer()).toMatchObject({ activity: 'editing', end: null });
      await test.bigrock.entries.stopTimer();
    });
  });

  it('refuses an entry outside the years Bigrock keeps, in every format, so that its backup restores', async () => {
    const files: Array<[string, ImportOptions]> = [
      ['[{"id":1,"start":"99991231T130000Z","end":"99991231T140000Z","tags":["late"]}]', { format: 'timew' }],
      ['Start,End,Activity\n1850-01-01 09:00,1850-01-01 10:00,Calls\n', { format: 'csv' }],
      [
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:18000101T090000Z\r\nDTEND:18000101T100000Z\r\nSUMMARY:Old\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        { format: 'ics' },
      ],
    ];
    for (const [file, options] of files) {
      const result = await importText(file, options);
      expect(counts(result), file).toMatchObject({ status: 'failed', added: 0 });
      expect(result.errors[0]?.message, file).toMatch(/falls outside the days Bigrock keeps, 1900-01-01 to 2999-12-31/);
    }
    // Year 1 is not read as 1901, as Date.UTC would.
    const yearOne = await importText('Start,End,Activity\n0001-01-01 09:00,0001-01-01 10:00,Calls\n', {
      format: 'csv',
    });
    expect(counts(yearOne)).toMatchObject({ status: 'failed', added: 0 });
  });

  it('says when the entries it adds and changes lie, for the web app to open them', async () => {
    const intervals = [
      '{"id":1,"start":"20240506T130000Z","end":"20240506T140000Z","tags":["late"]}',
      '{"id":2,"start":"20240502T090000Z","end":"20240502T093000Z","tags":["early"]}',
    ];
    const file = `[${intervals.join(',')}]`;
    const dry = await importText(file, { dryRun: true });
    expect(dry.span).toEqual({ start: '2024-05-02T09:00:00.000Z', end: '2024-05-06T14:00:00.000Z' });
    expect((await importText(file)).span).toEqual(dry.span);
    const again = await importText(file);
    expect([again.skipped, again.span]).toEqual([2, null]);
    const failed = await importText('[{"id":1,"start":"nonsense"}]');
    expect([failed.status, failed.span]).toEqual(['failed', null]);
  });

  it('takes only entries within --from and --to', async () => {
    const result = await importFile('toggl-detailed.csv', {
      from: '2026-03-03',
      to: '2026-03-03',
      timeZone: 'Asia/Tokyo',
      dryRun: true,
    });
    expect(counts(result)).toEqual({ status: 'dry-run', added: 1, changed: 0, skipped: 3, errors: 0 });
    expect(result.preview.added[0]?.activity).toBe('Client work');
  });

  it('says what to do with a file it cannot recognise, and with wrong arguments', async () => {
    const unknown = await importText('{"hello": "world"}');
    expect(unknown).toMatchObject({
      status: 'failed',
      errors: [{ line: 1, message: expect.stringContaining('Name its format') }],
    });
    await expect(importText('x', { format: 'excel' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'format',
    });
    await expect(importText('x', { mapping: { begin: 'When' } })).rejects.toMatchObject({ field: 'map' });
    await expect(importText('x', { dateFormat: 'YY/MM/DD' })).rejects.toMatchObject({ field: 'dateFormat' });
    await expect(importText('x', { from: '2026-13-01' })).rejects.toMatchObject({ field: 'from' });
  });

  // Beyond the first 64 KiB, a file is read in a worker thread (the compiled import-worker.js).
  describe('a file too big to read at once', () => {
    const header = 'User,Email,Project,Description,Start date,Start time,End date,End time,Tags\n';
    const row = (index: number) => {
      const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(index / 8) * 86_400_000).toISOString().slice(0, 10);
      const hour = String(8 + (index % 8)).padStart(2, '0');
      return `Dana,dana@example.com,Outreach,"Call ${index}, warm list",${day},${hour}:00:00,${day},${hour}:45:00,"calls, mga"\n`;
    };
    const rows = Array.from({ length: 3000 }, (_, index) => row(index));
    // Views into one buffer, as a file stream reads them, each bigger than the pieces sent to the worker.
    const pieces = (text: string) => {
      const bytes = Buffer.from(text);
      const views: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += 100_000) views.push(bytes.subarray(at, at + 100_000));
      return Readable.from(views);
    };

    it('imports every row, with progress, and adds nothing the second time', async () => {
      const text = header + rows.join('');
      expect(Buffer.byteLength(text)).toBeGreaterThan(64 * 1024);
      const progress: number[] = [];
      const result = await test.bigrock.imports.importFile(pieces(text), {
        onProgress: (bytes) => progress.push(bytes),
        timeZone: 'UTC',
      });
      expect(counts(result)).toEqual({ status: 'imported', added: 3000, changed: 0, skipped: 0, errors: 0 });
      expect(progress.at(-1)).toBe(Buffer.byteLength(text));
      if (dialect === 'postgres') {
        // The statistics PostgreSQL plans with know the rows at once, not when autovacuum comes by.
        const { rows: stats } = await sql<{ rows: number }>`
          select reltuples as rows from pg_class where oid = 'time_entries'::regclass`.execute(test.bigrock.db);
        expect(stats[0]?.rows).toBeGreaterThanOrEqual(3000);
      }
      const [first] = await test.bigrock.entries.list({ from: '2025-01-01', to: '2025-01-01' });
      expect(first).toMatchObject({
        activity: 'Outreach',
        start: '2025-01-01T08:00:00.000Z',
        end: '2025-01-01T08:45:00.000Z',
        tags: ['calls', 'mga'],
        note: 'Call 0, warm list',
      });
      const again = await test.bigrock.imports.importFile(pieces(text), { timeZone: 'UTC' });
      expect(counts(again)).toEqual({ status: 'imported', added: 0, changed: 0, skipped: 3000, errors: 0 });
    });

    it('refuses a big file that stops being UTF-8, or leaves a quote open, with the reason', async () => {
      const text = Buffer.from(header + rows.join(''));
      const latin1 = Buffer.concat([text, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]);
      const notUtf8 = await test.bigrock.imports.importFile(Readable.from([latin1]), { timeZone: 'UTC' });
      expect(counts(notUtf8)).toMatchObject({ status: 'failed', added: 0, errors: 1 });
      expect(notUtf8.errors[0]?.message).toContain('not UTF-8');
      const unclosed = await test.bigrock.imports.importFile(pieces(`${header}${rows.join('')}Dana,"never closed\n`), {
        timeZone: 'UTC',
      });
      expect(counts(unclosed)).toMatchObject({ status: 'failed', added: 0, errors: 1 });
      expect(unclosed.errors[0]).toMatchObject({ line: 3002, message: expect.stringContaining('quote') });
    });

    it('says at once where a quote was left open early in a big file', async () => {
      const unquoted = rows.map((text) => text.replaceAll('"', ''));
      const many = Array.from({ length: 10 }, () => unquoted.join('')).join('');
      const text = `${header}${unquoted[0]}Dana,dana@example.com,Outreach,"Never closed,2025-01-01,09:00:00\n${many}`;
      expect(text.length).toBeGreaterThan(2 ** 21);
      const progress: number[] = [];
      const result = await test.bigrock.imports.importFile(pieces(text), {
        timeZone: 'UTC',
        onProgress: (bytes) => progress.push(bytes),
      });
      expect(counts(result)).toEqual({ status: 'failed', added: 0, changed: 0, skipped: 0, errors: 1 });
      expect(result.errors[0]).toMatchObject({ line: 3, message: expect.stringContaining('still open') });
      // It stopped about a megabyte past the quote, not at the end of the file.
      expect(progress.at(-1)).toBeLessThan(text.length / 2);
    });

    it('adds nothing when a row near the end is bad, and names its line', async () => {
      const bad = [...rows.slice(0, 2990), 'Dana,dana@example.com,Outreach,Late,2026-02-30,09:00,2026-02-30,10:00,\n'];
      const result = await test.bigrock.imports.importFile(pieces(header + bad.join('')), { timeZone: 'UTC' });
      expect(counts(result)).toEqual({ status: 'failed', added: 0, changed: 0, skipped: 0, errors: 1 });
      expect(result.errors[0]).toMatchObject({ line: 2992, field: 'Start date' });
    });
  });
});
