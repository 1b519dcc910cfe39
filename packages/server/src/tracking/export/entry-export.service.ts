import {
  assertCalendarDate,
  createLocalDateTimeFormatter,
  dateRangeInZone,
  defuseSpreadsheetFormula,
  entryFilterSchema,
  spanSeconds,
  type EntryFilter,
} from '@bigrock/core';

import type { Clock } from '../../clock.js';
import { parseInput } from '../../validation.js';
import type { WorkspaceRepository } from '../../workspaces/workspace.repository.js';
import type { TimeEntryRepository, TimeEntryRow } from '../time-entry.repository.js';

/** The columns of the CSV export, in order; README.md documents each. */
export const entryCsvColumns = [
  'id',
  'start',
  'end',
  'start_local',
  'end_local',
  'time_zone',
  'duration_seconds',
  'activity',
  'tags',
  'note',
  'source',
  'source_id',
  'client',
  'project',
  'billable',
  'rate',
  'currency',
] as const;

const PAGE = 5000;

/**
 * A CSV cell: quoted when it holds a comma, a quote or a line break, quotes doubled (RFC 4180). A
 * text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) gets
 * a leading apostrophe, and quotes, as OWASP advises; Bigrock's import reads it back without.
 *
 * @example csvCell('Landing page "v2"') // '"Landing page ""v2"""'
 * @example csvCell('=1+2') // `"'=1+2"`
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = defuseSpreadsheetFormula(value);
  return text !== value || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface ExportRange {
  from?: string;
  to?: string;
  /** Only the entries of a client, a project, billable or not. */
  filter?: EntryFilter;
}

export interface EntryExportDeps {
  entries: TimeEntryRepository;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}

/** Exports entries as CSV or iCalendar, page by page, so that a million entries stream in constant memory. */
export function createEntryExportService({ entries, workspaces, clock, workspaceId }: EntryExportDeps) {
  async function* rows(range: ExportRange): AsyncGenerator<{ rows: TimeEntryRow[]; zone: string }> {
    if (range.from !== undefined) assertCalendarDate(range.from, 'from');
    if (range.to !== undefined) assertCalendarDate(range.to, 'to');
    const zone = (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
    const filter = parseInput(entryFilterSchema, range.filter ?? {});
    const bounds = { ...dateRangeInZone(range.from, range.to, zone), filter };
    let after: { startMs: number; id: string } | null = null;
    for (;;) {
      const page = await entries.listPage(workspaceId, bounds, after, PAGE);
      if (page.length === 0) return;
      yield { rows: page, zone };
      const last = page[page.length - 1];
      if (last === undefined || page.length < PAGE) return;
      after = { startMs: Number(last.start_ms), id: last.id };
    }
  }

  return {
    /** One row per entry, the columns of `entryCsvColumns`; instants in UTC and on the workspace's clocks. */
    async *csv(range: ExportRange = {}): AsyncGenerator<string> {
      yield `${entryCsvColumns.join(',')}\r\n`;
      let localDateTime: ((instantMs: number) => string) | undefined;
      for await (const { rows: page, zone } of rows(range)) {
        localDateTime ??= createLocalDateTimeFormatter(zone);
        let text = '';
        for (const row of page) {
          const startMs = Number(row.start_ms);
          const endMs = row.end_ms === null ? null : Number(row.end_ms);
          text += `${[
            row.id,
            new Date(startMs).toISOString(),
            endMs === null ? '' : new Date(endMs).toISOString(),
            localDateTime(startMs),
            endMs === null ? '' : localDateTime(endMs),
            zone,
            endMs === null ? '' : spanSeconds(startMs, endMs),
            row.activity,
            row.tags,
            row.note,
            row.source,
            row.source_id,
            row.client,
            row.project,
            Number(row.billable) === 1 ? 'true' : 'false',
            row.rate === null ? null : Number(row.rate),
            row.rate_currency,
          ]
            .map(csvCell)
            .join(',')}\r\n`;
        }
        yield text;
      }
    },

    /** A calendar of the entries (a running timer has no end yet and is left out), times in UTC. */
    async *ics(range: ExportRange = {}): AsyncGenerator<string> {
      // Loaded when asked for: a CLI command that starts a timer should not parse a calendar library.
      const { default: ICAL } = await import('ical.js');
      yield 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bigrock//Tracking//EN\r\nCALSCALE:GREGORIAN\r\n';
      const stamp = ICAL.Time.fromJSDate(clock.now(), true);
      for await (const { rows: page } of rows(range)) {
        let text = '';
        for (const row of page) {
          if (row.end_ms === null) continue;
          const event = new ICAL.Component('vevent');
          event.addPropertyWithValue('uid', `${row.id}@bigrock`);
          event.addPropertyWithValue('dtstamp', stamp);
          event.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(new Date(Number(row.start_ms)), true));
          event.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(new Date(Number(row.end_ms)), true));
          event.addPropertyWithValue('summary', row.activity);
          if (row.note !== null) event.addPropertyWithValue('description', row.note);
          if (row.tags !== '') {
            const categories = new ICAL.Property('categories');
            categories.setValues(row.tags.split(','));
            event.addProperty(categories);
          }
          text += `${event.toString().replaceAll(/\r?\n/g, '\r\n')}\r\n`;
        }
        if (text !== '') yield text;
      }
      yield 'END:VCALENDAR\r\n';
    },
  };
}

export type EntryExportService = ReturnType<typeof createEntryExportService>;
