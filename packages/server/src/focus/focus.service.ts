import {
  abandonFocusSchema,
  addDays,
  AppError,
  assertCalendarDate,
  dateInZone,
  dateRangeInZone,
  daysBetween,
  DEFAULT_FOCUS_MINUTES,
  focusedSeconds,
  focusStats,
  focusStatuses,
  focusTargets,
  interruptionKinds,
  interruptFocusSchema,
  isAppError,
  NO_BILLING,
  startFocusSchema,
  type BigRock,
  type BlockKind,
  type FocusSession,
  type FocusStats,
  type FocusStatus,
  type InterruptionKind,
  type TimeEntry,
} from '@bigrock/core';
import type { Kysely } from 'kysely';

import type { ActivityRepository } from '../activities/activity.repository.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { newId } from '../db/new-id.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { PlannerService } from '../planner/planner.service.js';
import { resolveActivityName } from '../tracking/activity-names.js';
import { billingColumns } from '../tracking/imported-content.js';
import {
  toTimeEntry,
  type TimeEntryQueries,
  type TimeEntryRepository,
  type TimeEntryRow,
} from '../tracking/time-entry.repository.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import { FOCUS_SOURCE, type FocusRepository, type FocusSessionRow } from './focus.repository.js';

export interface FocusServiceDeps {
  focus: FocusRepository;
  entries: TimeEntryRepository;
  planner: Pick<PlannerService, 'rock' | 'rockStart' | 'block'>;
  activities: Pick<ActivityRepository, 'find'>;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}

/** A session started, and the timer its start stopped (single-tasking), if one ran. */
export interface FocusStart {
  session: FocusSession;
  stopped: TimeEntry | null;
}

/** The open session, if any, the planned length a new one takes by default, and today's big rock. */
export interface FocusCurrent {
  session: FocusSession | null;
  defaultMinutes: number;
  /** Today's big rock, to focus on; null when none is set. */
  rock: BigRock | null;
}

/** Statistics over 28 days when no range is given. */
const DEFAULT_STATS_DAYS = 28;
/** The longest range of the statistics: ten years of days. */
const MAX_STATS_DAYS = 3660;
/** The activity a session's time is tracked as when neither the user, the rock nor the block names one. */
export const FOCUS_ACTIVITY = 'Focus';

const kindLabels: Record<BlockKind, string> = {
  'batch-window': 'Batch window',
  'deep-work': 'Deep work',
  admin: 'Admin',
  meetings: 'Meetings',
  break: 'Break',
};

const START_HINT = 'start one with: bigrock focus start <activity> (or --rock for the big rock)';

/** The number after the dot of a session's entry (`<id>.3` → 3). */
const segmentNumber = (sourceId: string | null) => Number(sourceId?.slice(sourceId.lastIndexOf('.') + 1) ?? 0) || 0;

const statusOf = (value: string): FocusStatus => focusStatuses.find((status) => status === value) ?? 'done';
const kindOf = (value: string): InterruptionKind => interruptionKinds.find((kind) => kind === value) ?? 'external';

const iso = (instantMs: number) => new Date(instantMs).toISOString();

/**
 * Focus sessions: a planned length of single-tasking on the big rock, a block or an activity. The
 * session's time is tracked as time entries with source `focus`, one per stretch between pauses:
 * a pause stops the running one and a resume starts the next, so the time tracked is the time
 * focused. Starting or resuming stops any other timer; another timer started meanwhile stops the
 * session's entry, and the session then reads as paused.
 */
export function createFocusService({
  focus,
  entries,
  planner,
  activities,
  workspaces,
  clock,
  workspaceId,
}: FocusServiceDeps) {
  async function zone(): Promise<string> {
    return (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
  }

  async function defaultMinutes(repository: FocusRepository = focus): Promise<number> {
    const last = await repository.lastStarted(workspaceId);
    return last === undefined ? DEFAULT_FOCUS_MINUTES : Math.round(last.planned_seconds / 60);
  }

  /** The session as the API shows it, its status read from its entries (another timer may have stopped it). */
  async function view(row: FocusSessionRow, repository: FocusRepository, nowMs: number): Promise<FocusSession> {
    const [rows, interruptions] = await Promise.all([
      repository.entriesOf(workspaceId, row.id),
      repository.interruptionsOf(workspaceId, row.id),
    ]);
    const segments = rows.map((entry) => ({
      entryId: entry.id,
      start: iso(Number(entry.start_ms)),
      end: entry.end_ms === null ? null : iso(Number(entry.end_ms)),
    }));
    const stored = statusOf(row.status);
    const status: FocusStatus =
      stored === 'running' && !segments.some((segment) => segment.end === null) ? 'paused' : stored;
    const focused = focusedSeconds(segments, nowMs);
    return {
      id: row.id,
      target: focusTargets.find((target) => target === row.target) ?? 'activity',
      activity: row.activity,
      title: row.title,
      rockId: row.rock_id,
      blockId: row.block_id,
      date: row.date,
      plannedSeconds: row.planned_seconds,
      status,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      abandonReason: row.abandon_reason,
      focusedSeconds: focused,
      remainingSeconds: row.planned_seconds - focused,
      segments,
      interruptions: interruptions.map((item) => ({
        id: item.id,
        kind: kindOf(item.kind),
        note: item.note,
        at: item.at,
      })),
    };
  }

  /** What the session is on, its activity and its title, from the input. */
  async function targetOf(fields: ReturnType<typeof startFocusSchema.parse>) {
    if (fields.rock === true) {
      const rock = await planner.rock();
      if (rock === null)
        throw new AppError('not-found', 'rock: no big rock is set for today; set one with: bigrock rock set "…"', {
          field: 'rock',
        });
      if (rock.status !== 'open')
        throw new AppError(
          'conflict',
          `rock: today's big rock ("${rock.title}") is ${rock.status === 'done' ? 'done' : 'carried over'} already; focus on an activity instead.`,
          { field: 'rock' },
        );
      const start = await planner.rockStart(rock.date);
      if (!start.allowed) throw new AppError('conflict', `rock: ${start.message}`, { field: 'rock' });
      const activity =
        fields.activity ??
        (rock.activityId === null ? undefined : (await activities.find(workspaceId, rock.activityId))?.name) ??
        FOCUS_ACTIVITY;
      return {
        target: 'rock' as const,
        activity,
        title: rock.title,
        rockId: rock.id,
        blockId: null,
        date: rock.date,
      };
    }
    if (fields.blockId !== undefined) {
      let block;
      try {
        block = await planner.block(fields.blockId);
      } catch (error) {
        if (isAppError(error) && error.code === 'not-found')
          throw new AppError('not-found', `blockId: ${error.message}`, { field: 'blockId', cause: error });
        throw error;
      }
      if (block.skipped)
        throw new AppError('conflict', 'blockId: that block is skipped this week; focus on another one.', {
          field: 'blockId',
        });
      const kind = block.kind === null ? null : kindLabels[block.kind];
      const activity = fields.activity ?? block.activity ?? kind ?? FOCUS_ACTIVITY;
      return {
        target: 'block' as const,
        activity,
        title: block.note ?? block.activity ?? kind ?? activity,
        rockId: null,
        blockId: block.id,
        date: block.date,
      };
    }
    const activity = fields.activity ?? FOCUS_ACTIVITY;
    return { target: 'activity' as const, activity, title: activity, rockId: null, blockId: null, date: null };
  }

  /** The open session, or the refusal that names the problem. */
  async function openSession(repository: FocusRepository, action: string): Promise<FocusSessionRow> {
    const open = await repository.findOpen(workspaceId);
    if (open === undefined)
      throw new AppError(
        'conflict',
        `session: no focus session is running, so there is nothing to ${action}; ${START_HINT}.`,
        {
          field: 'session',
        },
      );
    return open;
  }

  /** Starts the next stretch of a session: the running timer, whatever it is, stops at that instant. */
  async function startSegment(
    repository: TimeEntryQueries,
    session: Pick<FocusSessionRow, 'id' | 'activity' | 'title'>,
    number: number,
    atMs: number,
  ): Promise<{ stopped: TimeEntryRow | undefined }> {
    const stopped = await repository.stopRunning(workspaceId, atMs, iso(atMs));
    const startMs = stopped?.end_ms == null ? atMs : Number(stopped.end_ms);
    await repository.insert({
      id: newId(),
      workspace_id: workspaceId,
      activity: session.activity,
      start_ms: startMs,
      end_ms: null,
      tags: '',
      note: session.title === session.activity ? null : session.title,
      source: FOCUS_SOURCE,
      source_id: `${session.id}.${number}`,
      source_hash: null,
      created_at: iso(atMs),
      updated_at: iso(atMs),
      ...billingColumns(NO_BILLING),
    });
    return { stopped };
  }

  /** Stops the session's running entry, if it is the timer that runs now. */
  async function stopSegment(repository: TimeEntryQueries, sessionId: string, atMs: number): Promise<void> {
    const running = await repository.findRunning(workspaceId);
    if (running?.source === FOCUS_SOURCE && running.source_id?.startsWith(`${sessionId}.`))
      await repository.stopRunning(workspaceId, atMs, iso(atMs));
  }

  /** Runs a change of the open session under the timer's lock, and answers with the session after it. */
  function change(
    action: string,
    work: (context: {
      repository: TimeEntryQueries;
      sessions: FocusRepository;
      session: FocusSession;
      row: FocusSessionRow;
      atMs: number;
    }) => Promise<void>,
  ): Promise<FocusSession> {
    return entries.timerTransaction(workspaceId, async (repository, trx: Kysely<Database>) => {
      const sessions = focus.on(trx);
      const row = await openSession(sessions, action);
      // The clock is read once the timer is ours, as a timer start does.
      const atMs = clock.now().getTime();
      const session = await view(row, sessions, atMs);
      await work({ repository, sessions, session, row, atMs });
      return view((await sessions.find(workspaceId, row.id)) ?? row, sessions, atMs);
    });
  }

  async function end(status: 'done' | 'abandoned', reason: string | null, action: string): Promise<FocusSession> {
    return change(action, async ({ repository, sessions, row, atMs }) => {
      await stopSegment(repository, row.id, atMs);
      await sessions.updateSession(workspaceId, row.id, {
        status,
        ended_at: iso(atMs),
        abandon_reason: reason,
        updated_at: iso(atMs),
      });
    });
  }

  return {
    zone,

    /** The open session (running or paused), or null; the planned length a new one takes by default; today's big rock. */
    async current(): Promise<FocusCurrent> {
      const row = await focus.findOpen(workspaceId);
      return {
        session: row === undefined ? null : await view(row, focus, clock.now().getTime()),
        defaultMinutes: await defaultMinutes(),
        rock: await planner.rock(),
      };
    },

    /**
     * Starts a session on today's big rock, a block or an activity, for the minutes given (the last
     * session's by default, 50 at first). Refused while another session is open.
     */
    async start(input: unknown): Promise<FocusStart> {
      const fields = parseInput(startFocusSchema, input);
      const target = await targetOf(fields);
      try {
        return await entries.timerTransaction(workspaceId, async (repository, trx) => {
          const sessions = focus.on(trx);
          const open = await sessions.findOpen(workspaceId);
          if (open !== undefined)
            throw new AppError(
              'conflict',
              `session: a focus session is open already ("${open.title}"); finish it (bigrock focus done) or abandon it (bigrock focus abandon --reason "…") first.`,
              { field: 'session' },
            );
          const minutes = fields.minutes ?? (await defaultMinutes(sessions));
          const atMs = clock.now().getTime();
          const activity = await resolveActivityName(repository, workspaceId, target.activity);
          const row: FocusSessionRow = {
            id: newId(),
            workspace_id: workspaceId,
            target: target.target,
            activity,
            title: target.title,
            rock_id: target.rockId,
            block_id: target.blockId,
            date: target.date,
            planned_seconds: minutes * 60,
            status: 'running',
            started_at: iso(atMs),
            ended_at: null,
            abandon_reason: null,
            created_at: iso(atMs),
            updated_at: iso(atMs),
          };
          await sessions.insertSession(row);
          const { stopped } = await startSegment(repository, row, 1, atMs);
          return {
            session: await view(row, sessions, atMs),
            stopped: stopped === undefined ? null : toTimeEntry(stopped, atMs),
          };
        });
      } catch (error) {
        // Two starts at once on PostgreSQL from two servers: the one-open-session index decides.
        if (isUniqueViolation(error))
          throw new AppError(
            'conflict',
            'session: a focus session was started meanwhile; see it with bigrock focus status.',
            {
              field: 'session',
              cause: error,
            },
          );
        throw error;
      }
    },

    /** Logs an interruption without stopping the session: refused when none runs, or it is paused. */
    async interrupt(input: unknown): Promise<FocusSession> {
      const fields = parseInput(interruptFocusSchema, input);
      return change('interrupt', async ({ sessions, session, atMs }) => {
        if (session.status !== 'running')
          throw new AppError(
            'conflict',
            'session: the focus session is paused, so nothing can interrupt it; resume it first (bigrock focus resume).',
            { field: 'session' },
          );
        await sessions.insertInterruption({
          id: newId(),
          workspace_id: workspaceId,
          session_id: session.id,
          kind: fields.kind,
          note: fields.note ?? null,
          at: iso(atMs),
          created_at: iso(atMs),
        });
      });
    },

    /** Pauses the session: its entry stops, and the time until the resume is not focus. */
    async pause(): Promise<FocusSession> {
      return change('pause', async ({ repository, sessions, session, row, atMs }) => {
        if (session.status !== 'running')
          throw new AppError(
            'conflict',
            'session: the focus session is paused already; resume it with bigrock focus resume.',
            {
              field: 'session',
            },
          );
        await stopSegment(repository, row.id, atMs);
        await sessions.updateSession(workspaceId, row.id, { status: 'paused', updated_at: iso(atMs) });
      });
    },

    /** Resumes a paused session: a new entry of the session starts, and any other timer stops. */
    async resume(): Promise<FocusSession> {
      return change('resume', async ({ repository, sessions, session, row, atMs }) => {
        if (session.status === 'running')
          throw new AppError('conflict', 'session: the focus session is running already.', { field: 'session' });
        const number =
          Math.max(
            0,
            ...(await sessions.entriesOf(workspaceId, row.id)).map((entry) => segmentNumber(entry.source_id)),
          ) + 1;
        await startSegment(repository, row, number, atMs);
        await sessions.updateSession(workspaceId, row.id, { status: 'running', updated_at: iso(atMs) });
      });
    },

    /** Finishes the session: its entry stops, and the session is done. */
    done(): Promise<FocusSession> {
      return end('done', null, 'finish');
    },

    /** Abandons the session, saying why; the time focused stays tracked. */
    async abandon(input: unknown): Promise<FocusSession> {
      const { reason } = parseInput(abandonFocusSchema, input);
      return end('abandoned', reason, 'abandon');
    },

    /** Focus statistics over the days from `from` to `to` in the workspace's zone (the last 28 days by default). */
    async stats(range: { from?: string; to?: string } = {}): Promise<FocusStats> {
      const timeZone = await zone();
      const now = clock.now();
      if (range.from !== undefined) assertCalendarDate(range.from, 'from');
      if (range.to !== undefined) assertCalendarDate(range.to, 'to');
      const to =
        range.to ??
        (range.from === undefined ? dateInZone(now, timeZone) : addDays(range.from, DEFAULT_STATS_DAYS - 1));
      const from = range.from ?? addDays(to, -(DEFAULT_STATS_DAYS - 1));
      if (to < from) throw new AppError('invalid-input', `to: choose a day on or after ${from}.`, { field: 'to' });
      if (daysBetween(from, to) >= MAX_STATS_DAYS)
        throw new AppError('invalid-input', `to: choose a range of at most ${MAX_STATS_DAYS} days (ten years).`, {
          field: 'to',
        });
      const { startMs, endMs } = dateRangeInZone(from, to, timeZone);
      const start = startMs ?? 0;
      const endAt = endMs ?? 0;
      const [segments, sessions, interruptions] = await Promise.all([
        focus.entriesInRange(workspaceId, start, endAt),
        focus.endedBetween(workspaceId, iso(start), iso(endAt)),
        focus.interruptionsBetween(workspaceId, iso(start), iso(endAt)),
      ]);
      return focusStats({
        from,
        to,
        zone: timeZone,
        nowMs: now.getTime(),
        segments: segments.map((row) => ({
          startMs: Number(row.start_ms),
          endMs: row.end_ms === null ? null : Number(row.end_ms),
        })),
        sessions: sessions.map((row) => ({
          status: statusOf(row.status),
          endedAtMs: row.ended_at === null ? null : Date.parse(row.ended_at),
        })),
        interruptions: interruptions.map((row) => ({ kind: kindOf(row.kind), atMs: Date.parse(row.at) })),
      });
    },
  };
}

export type FocusService = ReturnType<typeof createFocusService>;
