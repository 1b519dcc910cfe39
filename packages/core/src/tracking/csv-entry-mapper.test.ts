import { describe, expect, it } from 'vitest';

import { CsvEntryMapper, DATE_ORDER_BUFFER_ROWS, planCsvImport, type CsvFormat } from './csv-entry-mapper.js';
import type { ImportRow } from './imported-entry.js';

function mapper(headers: string[], format: CsvFormat, zone = 'UTC', mapping = {}) {
  const { plan, issues } = planCsvImport(headers, format, mapping);
  if (!plan) throw new Error(issues.map(({ message }) => message).join('\n'));
  return new CsvEntryMapper(plan, { zone });
}

const iso = (row: ImportRow | undefined) =>
  row?.kind === 'entry'
    ? {
        start: new Date(row.entry.startMs).toISOString(),
        end: row.entry.endMs === null ? null : new Date(row.entry.endMs).toISOString(),
      }
    : row;

describe('the CSV entry mapper', () => {
  const clockify = [
    'Project',
    'Description',
    'Tags',
    'Start Date',
    'Start Time',
    'End Date',
    'End Time',
    'Duration (h)',
  ];

  it('reads DD.MM.YYYY dates with 12-hour times, in the workspace zone', () => {
    const map = mapper(clockify, 'clockify', 'Europe/Berlin');
    const [row] = map.push(
      ['Calls', 'Follow-up', 'calls, mga', '02.03.2026', '01:15:00 PM', '02.03.2026', '02:00:00 PM', '00:45:00'],
      2,
    );
    expect(iso(row)).toEqual({ start: '2026-03-02T12:15:00.000Z', end: '2026-03-02T13:00:00.000Z' });
    expect(row).toMatchObject({
      kind: 'entry',
      entry: { activity: 'Calls', note: 'Follow-up', tags: ['calls', 'mga'], line: 2 },
    });
  });

  it('holds rows back until a date settles the order, then reads them all that way', () => {
    const map = mapper(clockify, 'clockify');
    expect(map.push(['A', '', '', '03/02/2026', '09:00', '03/02/2026', '10:00', '1:00'], 2)).toEqual([]);
    const rows = map.push(['B', '', '', '25/02/2026', '09:00', '25/02/2026', '10:00', '1:00'], 3);
    expect(rows.map(iso)).toEqual([
      { start: '2026-02-03T09:00:00.000Z', end: '2026-02-03T10:00:00.000Z' },
      { start: '2026-02-25T09:00:00.000Z', end: '2026-02-25T10:00:00.000Z' },
    ]);
    expect(map.warnings).toEqual([]);
  });

  it('reads month first when the file never says, and warns', () => {
    const map = mapper(clockify, 'clockify');
    expect(map.push(['A', '', '', '03/02/2026', '09:00 AM', '03/02/2026', '09:45 AM', '00:45:00'], 2)).toEqual([]);
    expect(map.finish().map(iso)).toEqual([{ start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T09:45:00.000Z' }]);
    expect(map.warnings[0]?.message).toContain('read as MM/DD/YYYY');
  });

  it('stops holding rows back after a while', () => {
    const map = mapper(clockify, 'clockify');
    let released = 0;
    for (let line = 2; line < DATE_ORDER_BUFFER_ROWS + 2; line++) {
      released += map.push(['A', '', '', '03/02/2026', '09:00', '03/02/2026', '10:00', ''], line).length;
    }
    expect(released).toBe(DATE_ORDER_BUFFER_ROWS);
  });

  it('trusts the duration when a wall time falls in the hour the clocks go back', () => {
    const toggl = ['Project', 'Start date', 'Start time', 'End date', 'End time', 'Duration', 'Email'];
    const map = mapper(toggl, 'toggl', 'America/New_York');
    // 01:30 happens twice on 1 November 2026; the entry lasted one hour, so it ended at the first.
    const [row] = map.push(['Admin', '2026-11-01', '00:30:00', '2026-11-01', '01:30:00', '01:00:00', 'd@x'], 2);
    expect(iso(row)).toEqual({ start: '2026-11-01T04:30:00.000Z', end: '2026-11-01T05:30:00.000Z' });
  });

  it('runs an entry past midnight when only times are given', () => {
    const map = mapper(['Activity', 'Date', 'Start', 'End'], 'csv');
    expect(iso(map.push(['Admin', '2026-03-04', '23:30', '00:45'], 2)[0])).toEqual({
      start: '2026-03-04T23:30:00.000Z',
      end: '2026-03-05T00:45:00.000Z',
    });
  });

  it('names the line and the column of a bad value', () => {
    const map = mapper(clockify, 'clockify');
    map.push(['A', '', '', '13/02/2026', '09:00', '13/02/2026', '10:00', ''], 2);
    expect(map.push(['A', '', '', '31/02/2026', '09:00', '31/02/2026', '10:00', ''], 3)).toEqual([
      {
        kind: 'issue',
        issue: {
          line: 3,
          field: 'Start Date',
          message: 'Start Date: "31/02/2026" is not a date (expected a date such as DD/MM/YYYY or DD.MM.YYYY).',
        },
      },
    ]);
    expect(map.push(['A', '', '', '13/02/2026', '9 o clock', '13/02/2026', '10:00', ''], 4)[0]).toMatchObject({
      kind: 'issue',
      issue: { line: 4, field: 'Start Time' },
    });
    expect(map.push(['A', '', '', '13/02/2026', '11:00'], 5)[0]).toMatchObject({ kind: 'issue', issue: { line: 5 } });
    expect(map.push(['A', '', '', '13/02/2026', '11:00', '13/02/2026', '10:00', ''], 6)[0]).toMatchObject({
      kind: 'issue',
      issue: { line: 6, field: 'End Time', message: expect.stringContaining('ends') },
    });
  });

  it('refuses a header row without a start, an end or an activity, and says how to map one', () => {
    expect(planCsvImport(['Activity', 'Duration'], 'csv', {}).issues[0]).toMatchObject({ line: 1, field: 'start' });
    expect(planCsvImport(['Start', 'End'], 'csv', {}).issues[0]?.message).toContain('--map activity=');
    expect(planCsvImport(['When', 'What'], 'csv', { start: 'When', activity: 'What' }).issues[0]?.field).toBe('end');
  });

  it('keeps client and task as tags, and the description as the note', () => {
    const map = mapper(['Client', 'Project', 'Task', 'Description', 'Start date', 'Start time', 'Duration'], 'toggl');
    expect(
      map.push(['Northwind', 'Lead generation', 'Calls', 'Warm list', '2026-03-02', '09:00:00', '01:30:00'], 2)[0],
    ).toMatchObject({
      entry: { activity: 'Lead generation', note: 'Warm list', tags: ['client:Northwind', 'task:Calls'] },
    });
  });

  it('names the column a text too long to store comes from, its client and task among the tags', () => {
    const toggl = [
      'Client',
      'Project',
      'Task',
      'Description',
      'Start date',
      'Start time',
      'End date',
      'End time',
      'Tags',
    ];
    const map = mapper(toggl, 'toggl');
    const row = (client: string, task: string, tags = 'calls') =>
      map.push([client, 'Outreach', task, 'Follow-up', '2026-03-02', '09:00', '2026-03-02', '10:00', tags], 7)[0];
    // "client:" and 44 characters make a tag of 51.
    expect(row('C'.repeat(44), 'Calls')).toMatchObject({
      kind: 'issue',
      issue: {
        line: 7,
        field: 'Client',
        message: expect.stringContaining('has 51 characters, and a tag holds at most 50'),
      },
    });
    expect(row('Northwind', 'T'.repeat(46))).toMatchObject({ kind: 'issue', issue: { field: 'Task' } });
    const many = Array.from({ length: 19 }, (_, index) => `t${index}`).join(',');
    expect(row('Northwind', 'Calls', many)).toMatchObject({
      kind: 'issue',
      issue: { field: 'Tags', message: expect.stringContaining('21 tags') },
    });
    expect(row('C'.repeat(43), 'T'.repeat(45))).toMatchObject({ kind: 'entry' });
  });
});
