import { describe, expect, it } from 'vitest';

import { guessCsvFormat, matchColumns, normalizeHeader } from './csv-columns.js';

const toggl =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)'.split(
    ',',
  );
const clockify = [
  'Project',
  'Client',
  'Description',
  'Task',
  'User',
  'Group',
  'Email',
  'Tags',
  'Billable',
  'Start Date',
  'Start Time',
  'End Date',
  'End Time',
  'Duration (h)',
  'Duration (decimal)',
  'Billable Rate (USD)',
  'Billable Amount (USD)',
];

describe('CSV columns', () => {
  it('normalizes headers: case, accents, punctuation and an empty currency', () => {
    expect(normalizeHeader('Amount ()')).toBe('amount');
    expect(normalizeHeader('Durée (décimale)')).toBe('duree decimale');
    expect(normalizeHeader('E-Mail')).toBe('e mail');
  });

  it('finds the columns of a Toggl export, reordered and with an empty currency', () => {
    const headers = [
      'Start time',
      'Description',
      'Amount ()',
      'Start date',
      'Project',
      'End time',
      'End date',
      'Duration',
    ];
    expect(matchColumns(headers).columns).toEqual({
      startTime: 0,
      description: 1,
      amount: 2,
      startDate: 3,
      project: 4,
      endTime: 5,
      endDate: 6,
      duration: 7,
    });
  });

  it('finds the columns of a German Toggl export', () => {
    const german =
      'Benutzer,E-Mail,Kunde,Projekt,Aufgabe,Beschreibung,Abrechenbar,Startdatum,Startzeit,Enddatum,Endzeit,Dauer,Tags,Betrag (EUR)'.split(
        ',',
      );
    expect(matchColumns(german).columns).toMatchObject({
      user: 0,
      email: 1,
      client: 2,
      project: 3,
      task: 4,
      description: 5,
      startDate: 7,
      startTime: 8,
      endDate: 9,
      endTime: 10,
      duration: 11,
      tags: 12,
      amount: 13,
    });
    expect(guessCsvFormat(german)).toBe('toggl');
  });

  it('lets a mapping name a column by its header, over the guesses', () => {
    const { columns, missing } = matchColumns(['When', 'Until', 'What', 'Project'], {
      start: 'When',
      end: 'until',
      activity: 'What',
      note: 'Nope',
    });
    expect(columns).toEqual({ start: 0, end: 1, activity: 2, project: 3 });
    expect(missing).toEqual([{ field: 'note', header: 'Nope' }]);
  });

  it('tells Toggl, Clockify and other CSV files apart', () => {
    expect(guessCsvFormat(toggl)).toBe('toggl');
    expect(guessCsvFormat(clockify)).toBe('clockify');
    expect(guessCsvFormat(['Activity', 'Start', 'End'])).toBe('csv');
  });
});
