import {
  AppError,
  addDays,
  assertCalendarDate,
  bucketEntries,
  bucketSpan,
  continueTimerSchema,
  createEntrySchema,
  dateInZone,
  dateRangeInZone,
  DEFAULT_WORKING_HOURS,
  editTimerSchema,
  entryFilterSchema,
  findReviewItems,
  AWAY_ACTIVITY,
  localDateTime,
  NO_BILLING,
  resolveIdleSchema,
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
import { activityNameSuggestions, resolveActivityName } from './activity-names.js';
import { billingColumns, billingOf, keepImportedContent } from './imported-content.js';
import {
  toTimeEntry,
  type TimeEntryQueries,
  type TimeEntryRepository,
  type TimeEntryRow,
} from './time-entry.repository.js';

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

/** What became of a timer's idle time: the timer stopped when it began, and what was started after. */
export interface IdleResolution {
  /** Null when the timer was idle from its start: nothing of its run is left, so it is gone. */
  stopped: TimeEntry | null;
  /** split: the idle time, as an entry of its own. */
  away: TimeEntry | null;
  /** discard and split: the same activity again, from when the user came back. */
  started: TimeEntry | null;
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

  /** `2026-03-02 09:45`: an instant on the workspace's clocks, as the user types one. */
  const wallClock = (instantMs: number, timeZone: string) => localDateTime(instantMs, timeZone).slice(0, 16);

  /** A start the user gave must have passed: a timer counts time spent, not time to come. */
  function assertPassed(startMs: number, nowMs: number, timeZone: string): void {
    if (startMs <= nowMs) return;
    throw new AppError(
      'invalid-input',
      `start: ${wallClock(startMs, timeZone)} is in the future (it is ${wallClock(nowMs, timeZone)} now); give a time that has passed, such as ${wallClock(nowMs - 10 * 60_000, timeZone).slice(11)}.`,
      { field: 'start' },
    );
  }

  /**
   * A timer that starts at `startMs` and runs until now must not run over a stopped entry: the
   * refusal names the entry and the earliest start that would do. Entries that started at or
   * after `beforeMs` (the running timer's own start, when it is moved) are not looked at.
   */
  async function assertNoEntryAfter(
    repository: TimeEntryQueries,
    startMs: number,
    beforeMs: number,
    timeZone: string,
    except?: string,
  ): Promise<void> {
    const overlapping = (await repository.listInRange(workspaceId, { startMs, endMs: beforeMs })).filter(
      (row) => row.end_ms !== null && row.id !== except && Number(row.end_ms) > startMs,
    );
    const last = overlapping.reduce<TimeEntryRow | undefined>(
      (latest, row) => (latest === undefined || Number(row.end_ms) > Number(latest.end_ms) ? row : latest),
      undefined,
    );
    if (last === undefined) return;
    const end = wallClock(Number(last.end_ms), timeZone);
    throw new AppError(
      'invalid-input',
      `start: ${last.activity} was tracked until ${end}; start at ${end} or later, or change that entry first.`,
      { field: 'start' },
    );
  }

  interface StartRequest {
    activity: string;
    keepSeparate: boolean;
    note: string | null;
    tags: string[];
    /** A start given by the user ("I started 10 minutes ago"), or null for now. */
    start: string | null;
    billing: EntryBilling;
  }

  async function startOnce(request: StartRequest): Promise<TimerStart> {
    const timeZone = await zone();
    return entries.timerTransaction(workspaceId, async (repository) => {
      // The clock is read once the timer is ours: a start that waited for another one then never
      // begins before it.
      const at = now();
      let stopAtMs = at.getTime();
      if (request.start !== null) {
        const read = readInstantInput(request.start, timeZone, at);
        if ('problem' in read) throw new AppError('invalid-input', `start: ${read.problem}.`, { field: 'start' });
        stopAtMs = read.instantMs;
        assertPassed(stopAtMs, at.getTime(), timeZone);
        const running = await repository.findRunning(workspaceId);
        if (running !== undefined && Number(running.start_ms) > stopAtMs) {
          const since = wallClock(Number(running.start_ms), timeZone);
          throw new AppError(
            'invalid-input',
            `start: ${running.activity} has been running since ${since}; start at ${since} or later, or change its start first (bigrock timer edit --start).`,
            { field: 'start' },
          );
        }
        if (running === undefined) await assertNoEntryAfter(repository, stopAtMs, at.getTime() + 1, timeZone);
      }
      const stopped = await repository.stopRunning(workspaceId, stopAtMs, at.toISOString());
      // One instant ends the previous timer and begins this one, even when the previous one began
      // later by another clock (another server on the same PostgreSQL).
      const startMs = stopped?.end_ms == null ? stopAtMs : Number(stopped.end_ms);
      const activity = await resolveActivityName(repository, workspaceId, request.activity, request.keepSeparate);
      const row = {
        id: newId(),
        workspace_id: workspaceId,
        activity,
        start_ms: startMs,
        end_ms: null,
        tags: request.tags.join(','),
        note: request.note,
        source: 'timer',
        source_id: null,
        source_hash: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
        ...billingColumns(request.billing),
      };
      await repository.insert(row);
      return { started: toEntry(row), stopped: stopped === undefined ? null : toEntry(stopped) };
    });
  }

  async function start(request: StartRequest): Promise<TimerStart> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await startOnce(request);
      } catch (error) {
        if (attempt >= START_ATTEMPTS || !isUniqueViolation(error)) throw error;
      }
    }
  }

  return {
    zone,

    /** The running timer, or null. */
    async timer(): Promise<TimeEntry | null> {
      const row = await entries.findRunning(workspaceId);
      return row === undefined ? null : toEntry(row);
    },

    /**
     * Starts a timer; the one running, if any, stops at the same instant: one thing at a time.
     * Given a start ("I started at 09:50"), the running one stops then; a start to come, before the
     * running timer's, or inside a stopped entry is refused.
     */
    async startTimer(input: unknown): Promise<TimerStart> {
      const fields = parseInput(startTimerSchema, input);
      return start({
        activity: fields.activity,
        keepSeparate: fields.keepSeparate ?? false,
        note: fields.note ?? null,
        tags: fields.tags ?? [],
        start: fields.start ?? null,
        billing: billingAfter(fields, NO_BILLING),
      });
    },

    /**
     * Starts again what an entry was, by the rules of a start: its activity, tags and note. The
     * entry is the one named, or else the last one stopped.
     */
    async continueTimer(input: unknown = {}): Promise<TimerStart> {
      const fields = parseInput(continueTimerSchema, input);
      const row = fields.entryId === undefined ? await entries.lastStopped(workspaceId) : await findRow(fields.entryId);
      if (row === undefined) {
        throw new AppError(
          'not-found',
          'There is no entry to continue yet. Start a timer with: bigrock timer start <activity>',
        );
      }
      return start({
        activity: row.activity,
        keepSeparate: false,
        note: row.note,
        tags: row.tags === '' ? [] : row.tags.split(','),
        start: fields.start ?? null,
        // The same work again: for the same client and project, billed the same way.
        billing: billingOf(row),
      });
    },

    /**
     * Moves the running timer's start ("I started 10 minutes ago"): not to a time to come, and not
     * into an entry stopped before it.
     */
    async editTimer(input: unknown): Promise<TimeEntry> {
      const fields = parseInput(editTimerSchema, input);
      const timeZone = await zone();
      return entries.timerTransaction(workspaceId, async (repository) => {
        const running = await repository.findRunning(workspaceId);
        if (running === undefined) {
          throw new AppError('not-found', 'No timer is running. Start one with: bigrock timer start <activity>');
        }
        const at = now();
        const read = readInstantInput(fields.start, timeZone, at);
        if ('problem' in read) throw new AppError('invalid-input', `start: ${read.problem}.`, { field: 'start' });
        assertPassed(read.instantMs, at.getTime(), timeZone);
        // Later than it was, the timer covers less: no entry it did not meet before can be in the way.
        if (read.instantMs < Number(running.start_ms))
          await assertNoEntryAfter(repository, read.instantMs, Number(running.start_ms), timeZone, running.id);
        const changed = { ...keepImportedContent(running), start_ms: read.instantMs, updated_at: at.toISOString() };
        await repository.update(workspaceId, running.id, changed);
        return toEntry({ ...running, ...changed });
      });
    },

    /** The activity names to offer as one is typed: the latest entries' first, then the activities, then the rest. */
    activityNames(): Promise<string[]> {
      return activityNameSuggestions(entries, workspaceId);
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

    /**
     * Takes idle time out of the running timer, all in one transaction: the timer stops when the
     * idle time began (`from`, or its own start if later: then it is removed, having no time of
     * its own left); `discard` and `split` start the same activity, tags and note again
     * when the user came back (`to`, at most now), and `split` makes the time between an entry of
     * its own. Refused, changing nothing, when another timer runs now or none does.
     */
    async resolveIdle(input: unknown): Promise<IdleResolution> {
      const fields = parseInput(resolveIdleSchema, input);
      const fromMs = await instant(fields.from, 'from');
      const toAsked = await instant(fields.to, 'to');
      const timeZone = await zone();
      return entries.timerTransaction(workspaceId, async (repository) => {
        const at = now();
        const running = await repository.findRunning(workspaceId);
        if (running?.id !== fields.entryId) {
          throw new AppError(
            'conflict',
            running === undefined
              ? 'entryId: that timer is no longer running (it was stopped meanwhile); nothing was changed.'
              : `entryId: another timer runs now (${running.activity}); nothing was changed: look at it on the tracking page.`,
            { field: 'entryId' },
          );
        }
        const startMs = Number(running.start_ms);
        // The browser's clock may run a little ahead of ours: coming back "later than now" is now.
        const toMs = Math.min(toAsked, at.getTime());
        const clock = (instantMs: number) => `${localDateTime(instantMs, timeZone).slice(0, 16)} ${timeZone} time`;
        // Idle time that began before the timer is idle time from its start.
        const idleStartMs = Math.max(fromMs, startMs);
        if (toMs <= idleStartMs) {
          throw new AppError(
            'invalid-input',
            `to: choose an instant after from (${clock(idleStartMs)}) and not after now (${clock(at.getTime())}).`,
            { field: 'to' },
          );
        }
        const updatedAt = at.toISOString();
        const stopped = { ...keepImportedContent(running), end_ms: idleStartMs, updated_at: updatedAt };
        // A timer idle from its very start keeps nothing of its run: it goes, rather than last no time.
        if (idleStartMs === startMs) await repository.delete(workspaceId, running.id, at);
        else await repository.update(workspaceId, running.id, stopped);
        const fresh = {
          workspace_id: workspaceId,
          source_id: null,
          source_hash: null,
          created_at: updatedAt,
          updated_at: updatedAt,
        };
        const away =
          fields.action === 'split'
            ? {
                ...fresh,
                id: newId(),
                activity: fields.activity ?? AWAY_ACTIVITY,
                start_ms: idleStartMs,
                end_ms: toMs,
                tags: '',
                note: null,
                source: 'manual',
                ...billingColumns(NO_BILLING),
              }
            : null;
        if (away !== null) await repository.insert(away);
        const started =
          fields.action === 'stop'
            ? null
            : {
                ...fresh,
                id: newId(),
                activity: running.activity,
                start_ms: toMs,
                end_ms: null,
                tags: running.tags,
                note: running.note,
                source: 'timer',
                // The same work again: for the same client and project, billed the same way.
                ...billingColumns(billingOf(running)),
              };
        if (started !== null) await repository.insert(started);
        return {
          stopped: idleStartMs === startMs ? null : toEntry({ ...running, ...stopped }),
          away: away === null ? null : toEntry(away),
          started: started === null ? null : toEntry(started),
        };
      });
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
        activity: await resolveActivityName(entries, workspaceId, fields.activity, fields.keepSeparate),
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
        activity:
          fields.activity === undefined || fields.activity === row.activity
            ? row.activity
            : await resolveActivityName(entries, workspaceId, fields.activity, fields.keepSeparate),
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

    /** The review inbox for the days asked: gaps in working hours, overlaps and very long entries. */
    async review(range: DayRange = {}): Promise<ReviewItem[]> {
      const workspace = await workspaces.find(workspaceId);
      return findReviewItems((await listRows(range)).map(toEntry), {
        zone: workspace?.timeZone ?? 'UTC',
        workingHours: workspace?.workingHours ?? DEFAULT_WORKING_HOURS,
        nowMs: now().getTime(),
      });
    },
  };
}

export type TimeEntryService = ReturnType<typeof createTimeEntryService>;
