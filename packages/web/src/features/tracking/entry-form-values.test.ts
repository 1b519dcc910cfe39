import { describe, expect, it } from 'vitest';

import {
  entryToForm,
  formToEntryChanges,
  formToEntryInput,
  missingEntryFields,
  newEntryForm,
} from './entry-form-values';

const filled = { ...newEntryForm('2026-03-02'), activity: 'Design', start: '10:00', end: '09:00' };

describe('the entry form', () => {
  it('refuses an end that reads before the start, unless the entry is said to end the next day', () => {
    expect(missingEntryFields(filled, false).end).toContain('Give an end after the start (10:00)');
    expect(missingEntryFields({ ...filled, end: '10:00' }, false).end).toBeDefined();
    expect(missingEntryFields({ ...filled, nextDay: true }, false)).toEqual({});
    expect(formToEntryInput({ ...filled, nextDay: true })).toMatchObject({
      start: '2026-03-02 10:00',
      end: '2026-03-03 09:00',
    });
    // A running timer has no end to check.
    expect(missingEntryFields({ ...filled, end: '' }, true)).toEqual({});
  });

  it('reads an entry past midnight as ending the next day, and sends its end again once that is unticked', () => {
    const night = entryToForm(
      {
        id: 'e1',
        activity: 'Deploy',
        start: '2026-03-02T23:30:00.000Z',
        end: '2026-03-03T00:30:00.000Z',
        durationSeconds: 3600,
        tags: [],
        note: null,
        client: null,
        project: null,
        billable: false,
        rate: null,
        currency: null,
        source: 'manual',
        sourceId: null,
        createdAt: '2026-03-03T00:30:00.000Z',
        updatedAt: '2026-03-03T00:30:00.000Z',
      },
      'UTC',
    );
    expect(night).toMatchObject({ date: '2026-03-02', start: '23:30', end: '00:30', nextDay: true });
    expect(formToEntryChanges(night, night)).not.toHaveProperty('end');
    expect(formToEntryChanges(night, { ...night, nextDay: false })).toMatchObject({ end: '2026-03-02 00:30' });
  });

  it('sends client, project, billable and rate, and an emptied field as none', () => {
    const billed = {
      ...filled,
      end: '11:00',
      client: ' Acme ',
      project: 'Website',
      billable: true,
      rate: '85.5',
      currency: 'EUR',
    };
    expect(formToEntryInput(billed)).toMatchObject({
      client: ' Acme ',
      project: 'Website',
      billable: true,
      rate: 85.5,
      currency: 'EUR',
    });
    expect(formToEntryChanges(billed, { ...billed, client: '', rate: '', currency: '' })).toMatchObject({
      client: null,
      rate: null,
      currency: null,
      billable: true,
    });
  });
});
