import {
  AppError,
  addDays,
  assertCalendarDate,
  bucketEntries,
  bucketSpan,
  createEntrySchema,
  dateInZone,
  dateRangeInZone,
  entryFilterSchema,
  findReviewItems,
  NO_BILLING,
  readInstantInput,
  splitEntrySchema,
  splitSpan,
  startTimerSchema,
  updateEntrySchema,
  type BucketUnit,
  type CalendarDate,
  type EntryBilling,
  type EntryFilter,
  type ReviewItem,
  type TimeBucket,
  type TimeEntry,
} from '@bigrock/core';

import type { Clock } from '../clock.js';
import { newId } from '../db/new-id.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import { billingColumns, billingOf, keepImportedContent } from './imported-content.js';
import { toTimeEntry, type TimeEntryRepository, type TimeEntryRow } from './time-entry.repository.js';

export interface TimeEntryServiceDeps {
  entries: TimeEntryRepository;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}

/** A range of calendar days in the workspace zone, both ends included. */
export interface DayRange {
  from?: string;
  to?: string;
}

/** The billing fields as an input gives them: left out (undefined) keeps what there is. */
interface BillingInput {
  client?: string | null;
  project?: string | null;
  billable?: boolean;
  rate?: number | null;
  currency?: string | null;
}

/**
 * The billing of an entry after an input: each field given replaces the one there. A currency says
 * what a rate is in, so it comes with a rate.
 */
function billingAfter(input: BillingInput, before: EntryBilling): EntryBilling {
  const billing: EntryBilling = {
    client: input.client === undefined ? before.client : input.client,
    project: input.project === undefined ? before.project : input.project,
    billable: input.billable ?? before.billable,
    rate: input.rate === undefined ? before.rate : input.rate,
    currency: input.currency === undefined ? before.currency : input.currency,
  };
  if (billing.currency !== null && billing.rate === null) {
    throw new AppError('invalid-input', 'currency: give a rate with it, or leave the currency out.', {
      field: 'currency',
    });
  }
  return billing;
}

export interface TimerStart {
  started: TimeEntry;
  /** The timer that was running and that starting this one stopped. */
  stopped: TimeEntry | null;
}

/** Days shown when a listing names no range: the last seven, today included. */
const DEFAULT_DAYS = 7;

// Timer starts go one at a time (timerTransaction), but an import that brings a running interval
// does not wait for them: a start that meets it at the one-running-timer index tries again, and
// then stops it.
const START_ATTEMPTS = 3;

export function createTimeEntryService({ entries, workspaces, clock, workspaceId }: TimeEntryServiceDeps) {
  async function zone(): Promise<string> {
    return (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
  }

  const now = () => clock.now();
  const toEntry = (row: TimeEntryRow) => toTimeEntry(row, now().getTime());

  async function instant(text: string, field: string): Promise<number> {
    const read = readInstantInput(text, await zone(), now());
    if ('problem' in read) throw new AppError('invalid-input', `${field}: ${read.problem}.`, { field });
    return read.instantMs;
  }

  async function findRow(id: string): Promise<TimeEntryRow> {
    const row = await entries.find(workspaceId, id);
    if (row === undefined) {
      throw new AppError('not-found', `No time entry has the id "${id}"; list entries to find its id.`, {
        field: 'id',
      });
    }
    return row;
  }

  /** The days asked for, in the workspace zone: by default the last seven. */
  async function resolveRange(range: DayRange): Promise<{ from: CalendarDate; to: CalendarDate; zone: string }> {
    const timeZone = await zone();
    const today = dateInZone(now(), timeZone);
    if (range.from !== undefined) assertCalendarDate(range.from, 'from');
    if (range.to !== undefined) assertCalendarDate(range.to, 'to');
    const to = range.to ?? (range.from ? addDays(range.from, DEFAULT_DAYS - 1) : today);
    const from = range.from ?? addDays(to, -(DEFAULT_DAYS - 1));
    return { from, to, zone: timeZone };
  }

  async function listRows(range: DayRange, filter?: EntryFilter): Promise<TimeEntryRow[]> {
    const { from, to, zone: timeZone } = await resolveRange(range);
    return entries.listInRange(workspaceId, { ...dateRangeInZone(from, to, timeZone), filter });
  }

  /** An entry ends after it starts; the message is about the field that was changed (the end, unless only the start was). */
  function assertOrder(startMs: number, endMs: number, changed: 'start' | 'end' = 'end'): void {
    if (endMs > startMs) return;
    if (changed === 'start')
      throw new AppError('invalid-input', 'start: choose a start before the end.', { field: 'start' });
    throw new AppError('invalid-input', 'end: choose an end after the start.', { field: 'end' });
  }

  async function startOnce(
    activity: string,
    note: string | null,
    tags: string[],
    billing: EntryBilling,
  ): Promise<TimerStart> {
    return entries.timerTransaction(workspaceId, async (repository) => {
      // The clock is read once the timer is ours: a start that waited for another one then never
      // begins before it.
      const at = now();
      const stopped = await repository.stopRunning(workspaceId, at.getTime(), at.toISOString());
      // One instant ends the previous timer and begins this one, even when the previous one began
      // later by another clock (another server on the same PostgreSQL).
      const startMs = stopped?.end_ms == null ? at.getTime() : Number(stopped.end_ms);
      const row = {
        id: newId(),
        workspace_id: workspaceId,
        activity,
        start_ms: startMs,
        end_ms: null,
        tags: tags.join(','),
        note,
        source: 'timer',
        source_id: null,
        source_hash: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
        ...billingColumns(billing),
      };
      await repository.insert(row);
      return { started: toEntry(row), stopped: stopped === undefined ? null : toEntry(stopped) };
    });
  }

  return {
    zone,

    /** The running timer, or null. */
    async timer(): Promise<TimeEntry | null> {
      const row = await entries.findRunning(workspaceId);
      return row === undefined ? null : toEntry(row);
    },

    /** Starts a timer; the one running, if any, stops at the same instant: one thing at a time. */
    async startTimer(input: unknown): Promise<TimerStart> {
      const fields = parseInput(startTimerSchema, input);
      const billing = billingAfter(fields, NO_BILLING);
      for (let attempt = 1; ; attempt++) {
        try {
          return await startOnce(fields.activity, fields.note ?? null, fields.tags ?? [], billing);
        } catch (error) {
          if (attempt >= START_ATTEMPTS || !isUniqueViolation(error)) throw error;
        }
      }
    },

    async stopTimer(): Promise<TimeEntry> {
      const stopped = await entries.timerTransaction(workspaceId, (repository) => {
        const at = now();
        return repository.stopRunning(workspaceId, at.getTime(), at.toISOString());
      });
      if (stopped === undefined) {
        throw new AppError('not-found', 'No timer is running. Start one with: bigrock timer start <activity>');
      }
      return toEntry(stopped);
    },

    /** A manual entry: an activity from a start to an end. */
    async add(input: unknown): Promise<TimeEntry> {
      const fields = parseInput(createEntrySchema, input);
      const startMs = await instant(fields.start, 'start');
      const endMs = await instant(fields.end, 'end');
      assertOrder(startMs, endMs);
      const billing = billingAfter(fields, NO_BILLING);
      const at = now().toISOString();
      const row = {
        id: newId(),
        workspace_id: workspaceId,
        activity: fields.activity,
        start_ms: startMs,
        end_ms: endMs,
        tags: (fields.tags ?? []).join(','),
        note: fields.note ?? null,
        source: 'manual',
        source_id: null,
        source_hash: null,
        created_at: at,
        updated_at: at,
        ...billingColumns(billing),
      };
      await entries.insert(row);
      return toEntry(row);
    },

    async get(id: string): Promise<TimeEntry> {
      return toEntry(await findRow(id));
    },

    /**
     * Entries that overlap the days from `from` to `to`, in start order; the last seven days by
     * default. The filter keeps those of a client, a project, billable or not.
     */
    async list(range: DayRange = {}, filter: EntryFilter = {}): Promise<TimeEntry[]> {
      return (await listRows(range, parseInput(entryFilterSchema, filter))).map(toEntry);
    },

    /** Changes some fields of an entry; a running timer keeps running unless given an end. */
    async update(id: string, input: unknown): Promise<TimeEntry> {
      const fields = parseInput(updateEntrySchema, input);
      const row = await findRow(id);
      const startMs = fields.start === undefined ? Number(row.start_ms) : await instant(fields.start, 'start');
      const endMs = fields.end === undefined ? row.end_ms : await instant(fields.end, 'end');
      if (endMs !== null)
        assertOrder(startMs, Number(endMs), fields.end === undefined && fields.start !== undefined ? 'start' : 'end');
      const billing = billingAfter(fields, billingOf(row));
      const changed = {
        ...keepImportedContent(row),
        activity: fields.activity ?? row.activity,
        start_ms: startMs,
        end_ms: endMs === null ? null : Number(endMs),
        tags: fields.tags === undefined ? row.tags : fields.tags.join(','),
        note: fields.note === undefined ? row.note : fields.note,
        ...billingColumns(billing),
        updated_at: now().toISOString(),
      };
      await entries.update(workspaceId, id, changed);
      return toEntry({ ...row, ...changed });
    },

    /** Deletes an entry; resolves to the deleted item's id, to undo it with. */
    async remove(id: string): Promise<string> {
      const deletedItemId = await entries.delete(workspaceId, id, now());
      if (deletedItemId === null) {
        throw new AppError('not-found', `No time entry has the id "${id}".`, { field: 'id' });
      }
      return deletedItemId;
    },

    /** Cuts an entry in two at an instant; the second part is a new entry with the same activity, tags and note. */
    async split(id: string, input: unknown): Promise<[TimeEntry, TimeEntry]> {
      const { at } = parseInput(splitEntrySchema, input);
      const atMs = await instant(at, 'at');
      const row = await findRow(id);
      const entry = toEntry(row);
      splitSpan(entry, atMs, await zone());
      const updatedAt = now().toISOString();
      const first = { ...keepImportedContent(row), end_ms: atMs, updated_at: updatedAt };
      const second = {
        ...row,
        id: newId(),
        start_ms: atMs,
        // Provenance stays with the first part: a re-import then changes that one, never duplicates it.
        source_id: null,
        source_hash: null,
        created_at: updatedAt,
        updated_at: updatedAt,
      };
      await entries.transaction(async (repository) => {
        await repository.update(workspaceId, id, first);
        await repository.insert(second);
      });
      return [toEntry({ ...row, ...first }), toEntry(second)];
    },

    /** Time by day, week or month in the workspace zone, for the days from `from` to `to`. */
    async summary(range: DayRange & { unit?: BucketUnit }, filter: EntryFilter = {}): Promise<TimeBucket[]> {
      const { from, to, zone: timeZone } = await resolveRange(range);
      const options = { zone: timeZone, unit: range.unit ?? 'day', from, to };
      // Every entry that overlaps the whole weeks or months, not only the days asked: a bucket is whole.
      const checked = parseInput(entryFilterSchema, filter);
      const list = (await entries.listInRange(workspaceId, { ...bucketSpan(options), filter: checked })).map(toEntry);
      return bucketEntries(list, { ...options, nowMs: now().getTime() });
    },

    /** The review inbox for the days asked: gaps, overlaps and very long entries. */
    async review(range: DayRange = {}): Promise<ReviewItem[]> {
      const timeZone = await zone();
      return findReviewItems((await listRows(range)).map(toEntry), { zone: timeZone, nowMs: now().getTime() });
    },
  };
}

export type TimeEntryService = ReturnType<typeof createTimeEntryService>;
