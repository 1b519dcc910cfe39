import {
  addDays,
  localDateTime,
  type CalendarDate,
  type CreateEntryInput,
  type TimeEntry,
  type UpdateEntryInput,
} from '@bigrock/core';

/**
 * An entry as typed: the day it starts on and two clock times (`HH:mm`) in the workspace zone. The
 * API reads `YYYY-MM-DD HH:mm` in that zone itself, so the browser does no zone math to send them.
 */
export interface EntryFormValues {
  activity: string;
  date: string;
  start: string;
  /** Empty while the entry is a running timer. */
  end: string;
  /**
   * The end is on the day after `date`. Said, never guessed from an end that reads earlier than
   * the start: that is as often a typing mistake (10:00 to 09:00) as a night (23:30 to 00:30).
   */
  nextDay: boolean;
  /** Comma-separated. */
  tags: string;
  note: string;
  client: string;
  project: string;
  billable: boolean;
  /** The rate per hour as typed; empty for none. */
  rate: string;
  /** ISO 4217 code as typed; empty for none. */
  currency: string;
  /** "calls" kept apart from the "Calls" in use (see KeepSeparateChoice). */
  keepSeparate: boolean;
}

export type EntryFormField = Exclude<keyof EntryFormValues, 'nextDay' | 'billable' | 'keepSeparate'>;

export function newEntryForm(date: CalendarDate): EntryFormValues {
  return {
    activity: '',
    date,
    start: '',
    end: '',
    nextDay: false,
    tags: '',
    note: '',
    client: '',
    project: '',
    billable: false,
    rate: '',
    currency: '',
    keepSeparate: false,
  };
}

/** An entry's fields on the workspace's clocks. */
export function entryToForm(entry: TimeEntry, timeZone: string): EntryFormValues {
  const start = localDateTime(Date.parse(entry.start), timeZone);
  const end = entry.end === null ? null : localDateTime(Date.parse(entry.end), timeZone);
  return {
    activity: entry.activity,
    date: start.slice(0, 10),
    start: start.slice(11, 16),
    end: end === null ? '' : end.slice(11, 16),
    nextDay: end !== null && end.slice(0, 10) > start.slice(0, 10),
    tags: entry.tags.join(', '),
    note: entry.note ?? '',
    client: entry.client ?? '',
    project: entry.project ?? '',
    billable: entry.billable,
    rate: entry.rate === null ? '' : String(entry.rate),
    currency: entry.currency ?? '',
    keepSeparate: false,
  };
}

/**
 * The day a clock time falls on when it comes after `startTime` on `date`: the same day, or the
 * next one when it reads earlier (an entry from 22:00 to 01:00 ends past midnight).
 *
 * @example dayOfTimeAfter('2026-03-02', '22:00', '01:00') // '2026-03-03'
 */
export function dayOfTimeAfter(date: CalendarDate, startTime: string, time: string): CalendarDate {
  // `HH:mm` with two digits each compares as text.
  return time < startTime ? addDays(date, 1) : date;
}

const startOf = (values: EntryFormValues) => `${values.date} ${values.start}`;
/** The day the entry ends on. */
export const endDateOf = (values: Pick<EntryFormValues, 'date' | 'nextDay'>): CalendarDate =>
  values.nextDay ? addDays(values.date, 1) : values.date;

const endOf = (values: EntryFormValues) => `${endDateOf(values)} ${values.end}`;

const tagsOf = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');

// An empty note clears it.
const noteOf = (text: string) => (text.trim() === '' ? null : text);

// An empty field clears it: the API takes null for "none".
const textOf = (text: string) => (text.trim() === '' ? null : text);
// The number input holds only numbers (form-checks reports one the browser cannot read).
const rateOf = (text: string) => (text.trim() === '' ? null : Number(text));

/** Client, project, billable, rate and currency, as the API takes them. */
const billingOf = (values: EntryFormValues) => ({
  client: textOf(values.client),
  project: textOf(values.project),
  billable: values.billable,
  rate: rateOf(values.rate),
  currency: textOf(values.currency),
});

export function formToEntryInput(values: EntryFormValues): CreateEntryInput {
  return {
    activity: values.activity,
    start: startOf(values),
    end: endOf(values),
    tags: tagsOf(values.tags),
    note: noteOf(values.note),
    ...billingOf(values),
    ...(values.keepSeparate && { keepSeparate: true }),
  };
}

/**
 * The changes to send for an entry that was `initial`: start and end only when their day or times
 * were changed, so an entry the form cannot write as one day and two times (longer than a day, or
 * with seconds) keeps its own; never an end for a running timer.
 */
export function formToEntryChanges(initial: EntryFormValues, values: EntryFormValues): UpdateEntryInput {
  const running = initial.end === '';
  const moved = values.date !== initial.date || values.start !== initial.start;
  const endMoved = values.end !== initial.end || values.nextDay !== initial.nextDay;
  return {
    activity: values.activity,
    tags: tagsOf(values.tags),
    note: noteOf(values.note),
    ...billingOf(values),
    ...(values.keepSeparate && { keepSeparate: true }),
    ...(moved && { start: startOf(values) }),
    ...(!running && (moved || endMoved) && { end: endOf(values) }),
  };
}

/**
 * What the form must have before it is sent: an empty time would be read as midnight, and an end
 * that reads before the start on the same day is refused here, where the form can say what to do.
 */
export function missingEntryFields(values: EntryFormValues, running: boolean): Partial<Record<EntryFormField, string>> {
  const endFirst =
    !running && !values.nextDay && values.start !== '' && values.end !== '' && values.end <= values.start;
  return {
    ...(values.activity.trim() === '' && { activity: 'Name the activity, e.g. Client work.' }),
    ...(values.date === '' && { date: 'Choose the day.' }),
    ...(values.start === '' && { start: 'Give the start time.' }),
    ...(!running && values.end === '' && { end: 'Give the end time.' }),
    ...(endFirst && {
      end: `Give an end after the start (${values.start}), or tick “Ends the next day” for an entry past midnight.`,
    }),
  };
}
