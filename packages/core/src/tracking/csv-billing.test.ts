import { describe, expect, it } from 'vitest';

import { readBillable, readCsvAmount } from './csv-billing.js';
import { currencyOfHeader, fieldOfHeader, matchColumns } from './csv-columns.js';
import { CsvEntryMapper, planCsvImport, type CsvFormat } from './csv-entry-mapper.js';
import type { ImportRow } from './imported-entry.js';

function mapRow(headers: string[], format: CsvFormat, cells: string[]): ImportRow | undefined {
  const { plan, issues } = planCsvImport(headers, format, {});
  if (!plan) throw new Error(issues.map(({ message }) => message).join('\n'));
  const mapper = new CsvEntryMapper(plan, { zone: 'UTC', dateOrder: 'YMD' });
  return mapper.push(cells, 2)[0] ?? mapper.finish()[0];
}

// The header rows of the fixtures: Toggl's detailed CSV, Clockify's detailed CSV.
const toggl = [
  'User',
  'Email',
  'Client',
  'Project',
  'Task',
  'Description',
  'Billable',
  'Start date',
  'Start time',
  'End date',
  'End time',
  'Duration',
  'Tags',
  'Amount (USD)',
];
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

describe('client, project, billable and rate columns', () => {
  it("finds Toggl's and Clockify's billing columns by their headers", () => {
    expect(matchColumns(toggl).columns).toMatchObject({ client: 2, project: 3, billable: 6, amount: 13 });
    expect(matchColumns(clockify).columns).toMatchObject({ project: 0, client: 1, billable: 8, rate: 15, amount: 16 });
    expect(fieldOfHeader('Hourly rate')).toBe('rate');
    expect(fieldOfHeader('Currency')).toBe('currency');
    expect(fieldOfHeader('Abrechenbar')).toBe('billable');
    expect(currencyOfHeader('Billable Rate (EUR)')).toBe('EUR');
    expect(currencyOfHeader('Amount ()')).toBeNull();
  });

  it('keeps a Clockify row’s client, project, billable and rate with the currency of its header', () => {
    const row = mapRow(clockify, 'clockify', [
      'Lead generation',
      'Northwind',
      'Discovery call',
      'Calls',
      'Dana Reyes',
      '',
      'dana@example.com',
      'calls, mga',
      'Yes',
      '2026-03-02',
      '09:00:00',
      '2026-03-02',
      '09:45:00',
      '00:45:00',
      '0.75',
      '120.00',
      '90.00',
    ]);
    expect(row).toMatchObject({
      kind: 'entry',
      entry: {
        activity: 'Lead generation',
        // The tags Clockify imports always had: a re-import of an older import still matches.
        tags: ['calls', 'mga', 'client:Northwind', 'task:Calls'],
        billing: { client: 'Northwind', project: 'Lead generation', billable: true, rate: 120, currency: 'USD' },
      },
    });
  });

  it('gives a Toggl row the rate its amount makes over its hours, and no rate for a zero amount', () => {
    const cells = (amount: string, billable: string) => [
      'Dana Reyes',
      'dana@example.com',
      'Northwind',
      'Lead generation',
      'Calls',
      'Follow-up calls',
      billable,
      '2026-03-02',
      '09:00:00',
      '2026-03-02',
      '10:30:00',
      '01:30:00',
      'calls',
      amount,
    ];
    expect(mapRow(toggl, 'toggl', cells('150.00', 'Yes'))).toMatchObject({
      entry: {
        billing: { client: 'Northwind', project: 'Lead generation', billable: true, rate: 100, currency: 'USD' },
      },
    });
    expect(mapRow(toggl, 'toggl', cells('0.00', 'No'))).toMatchObject({
      entry: { billing: { client: 'Northwind', billable: false, rate: null, currency: null } },
    });
  });

  it('reads German billable words and decimal commas', () => {
    const headers = ['Kunde', 'Projekt', 'Abrechenbar', 'Startdatum', 'Startzeit', 'Dauer', 'Stundensatz (EUR)'];
    const row = mapRow(headers, 'toggl', ['Northwind', 'Akquise', 'Ja', '2026-03-02', '09:00', '01:00:00', '95,50']);
    expect(row).toMatchObject({
      entry: { billing: { client: 'Northwind', project: 'Akquise', billable: true, rate: 95.5, currency: 'EUR' } },
    });
  });

  it('names the column of a billable that says neither yes nor no, a negative rate and an unknown currency', () => {
    const headers = ['Project', 'Billable', 'Rate', 'Currency', 'Start', 'End'];
    const times = ['2026-03-02 09:00', '2026-03-02 10:00'];
    expect(mapRow(headers, 'csv', ['Calls', 'maybe', '10', 'USD', ...times])).toMatchObject({
      kind: 'issue',
      issue: { field: 'Billable', message: expect.stringContaining('neither yes nor no') },
    });
    expect(mapRow(headers, 'csv', ['Calls', 'yes', '-5', 'USD', ...times])).toMatchObject({
      kind: 'issue',
      issue: { field: 'Rate', message: expect.stringContaining('not an amount of money') },
    });
    expect(mapRow(headers, 'csv', ['Calls', 'yes', '10', 'XYZ', ...times])).toMatchObject({
      kind: 'issue',
      issue: { field: 'Currency', message: expect.stringContaining('ISO 4217') },
    });
    expect(mapRow(headers, 'csv', ['Calls', 'yes', '10', 'eur', ...times])).toMatchObject({
      entry: { billing: { project: 'Calls', billable: true, rate: 10, currency: 'EUR' } },
    });
  });

  it("keeps a CSV's client as the field alone, not as a tag, and refuses one too long to store", () => {
    const headers = ['Activity', 'Client', 'Tags', 'Start', 'End'];
    const times = ['2026-03-02 09:00', '2026-03-02 10:00'];
    expect(mapRow(headers, 'csv', ['Calls', 'Northwind', 'calls', ...times])).toMatchObject({
      entry: { tags: ['calls'], billing: { client: 'Northwind', project: null, billable: false } },
    });
    expect(mapRow(headers, 'csv', ['Calls', 'x'.repeat(201), '', ...times])).toMatchObject({
      kind: 'issue',
      issue: { field: 'Client', message: expect.stringContaining('a client name holds at most 200') },
    });
  });
});

describe('reading billable and amount cells', () => {
  it.each([
    ['Yes', true],
    ['Ja', true],
    ['Sí', true],
    ['No', false],
    ['Nein', false],
    ['', false],
    ['perhaps', null],
  ])('reads %j as %j', (cell, expected) => {
    expect(readBillable(cell)).toBe(expected);
  });

  it.each([
    ['120.00', 120],
    ['1,234.50', 1234.5],
    ['1.234,50', 1234.5],
    ['0,00', 0],
    ['', null],
  ])('reads %j as %j', (cell, expected) => {
    expect(readCsvAmount(cell)).toBe(expected);
  });

  it('reads a text that is no amount as NaN', () => {
    expect(readCsvAmount('ten')).toBeNaN();
  });
});
