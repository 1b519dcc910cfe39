import {
  activityBreakSchema,
  activityHoursPerWeek,
  activitySeries,
  AppError,
  assertCalendarDate,
  checkRate,
  computeActivityPace,
  createActivitySchema,
  dateInZone,
  DEFAULT_WORKDAYS,
  logActivitySchema,
  updateActivitySchema,
  type Activity,
  type ActivityBreak,
  type ActivityDetail,
  type ActivityLog,
  type ActivityStanding,
  type CalendarDate,
  type PacedLog,
} from '@bigrock/core';

import type { Clock } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { GoalRepository } from '../goals/goal.repository.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { ActivityRepository } from './activity.repository.js';

export interface ActivityServiceDeps {
  activities: ActivityRepository;
  goals: GoalRepository;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;

export function createActivityService({ activities, goals, workspaces, clock, workspaceId }: ActivityServiceDeps) {
  async function today(): Promise<CalendarDate> {
    const workspace = await workspaces.find(workspaceId);
    return dateInZone(clock.now(), workspace?.timeZone ?? 'UTC');
  }

  async function resolveAsOf(asOf: string | undefined): Promise<CalendarDate> {
    return asOf === undefined ? today() : assertCalendarDate(asOf, 'asOf');
  }

  /** An activity by id or by name (any case), the way the API and the CLI refer to it. */
  async function find(ref: string): Promise<Activity> {
    const activity = (await activities.find(workspaceId, ref)) ?? (await activities.findByName(workspaceId, ref));
    if (activity === undefined) {
      throw new AppError(
        'not-found',
        `No activity is named "${ref}" or has that id; list them with bigrock activity list, or add it.`,
        { field: 'activity' },
      );
    }
    return activity;
  }

  /**
   * A name must not stand for another activity: "Calls" where "calls" exists would be a second
   * "calls" (names are looked up whatever their case), unless the user keeps them apart.
   */
  async function assertNameFree(
    name: string,
    options: { except?: string; keepSeparate?: boolean } = {},
  ): Promise<void> {
    const existing = await activities.findByName(workspaceId, name);
    if (existing === undefined || existing.id === options.except) return;
    if (existing.name === name) {
      throw new AppError(
        'conflict',
        `An activity named "${existing.name}" already exists; pick another name or use that one.`,
        { field: 'name' },
      );
    }
    if (!options.keepSeparate) {
      throw new AppError(
        'conflict',
        `An activity named "${existing.name}" already exists, and names are the same whatever their case; use that one, pick another name, or keep "${name}" as a separate activity (keepSeparate, or --keep-separate on the command line).`,
        { field: 'name' },
      );
    }
  }

  async function assertGoals(goalIds: readonly string[]): Promise<void> {
    for (const goalId of goalIds) {
      if ((await goals.find(workspaceId, goalId)) === undefined)
        throw new AppError('invalid-input', `goalIds: no goal has the id "${goalId}"; list the goals to find it.`, {
          field: 'goalIds',
        });
    }
  }

  function assertRate(activity: Activity): void {
    checkRate(activity, {
      addIssue({ path, message }) {
        const field = path.join('.');
        throw new AppError('invalid-input', `${field}: ${message}.`, { field });
      },
    });
  }

  function standing(activity: Activity, logs: PacedLog[], breaks: ActivityBreak[], asOf: CalendarDate) {
    return {
      activity,
      hoursPerWeek: round(activityHoursPerWeek(activity)),
      pace: computeActivityPace(activity, logs, breaks, asOf),
    };
  }

  return {
    today,
    find,

    async list(options: { asOf?: string } = {}): Promise<ActivityStanding[]> {
      const asOf = await resolveAsOf(options.asOf);
      const list = await activities.list(workspaceId);
      const ids = list.map(({ id }) => id);
      // A day's total rather than every log: pace adds up a day's logs, and then walks the days.
      const [logged, breaks] = await Promise.all([
        activities.listLoggedDays(workspaceId, ids, { until: asOf }),
        activities.listBreaks(workspaceId, ids),
      ]);
      return list.map((activity) =>
        standing(
          activity,
          logged.filter((log) => log.activityId === activity.id),
          breaks.filter((pause) => pause.activityId === activity.id),
          asOf,
        ),
      );
    },

    async get(ref: string, options: { asOf?: string } = {}): Promise<ActivityDetail> {
      const [asOf, activity] = await Promise.all([resolveAsOf(options.asOf), find(ref)]);
      const [logs, breaks] = await Promise.all([
        activities.listLogs(workspaceId, [activity.id]),
        activities.listBreaks(workspaceId, [activity.id]),
      ]);
      const untilAsOf = logs.filter((log) => log.date <= asOf);
      return {
        ...standing(activity, untilAsOf, breaks, asOf),
        logs,
        breaks,
        series: activitySeries(activity, untilAsOf, breaks, asOf),
      };
    },

    async create(input: unknown): Promise<Activity> {
      const fields = parseInput(createActivitySchema, input);
      await assertNameFree(fields.name, { keepSeparate: fields.keepSeparate });
      const goalIds = [...new Set(fields.goalIds ?? [])];
      await assertGoals(goalIds);
      const now = clock.now().toISOString();
      const activity: Activity = {
        id: newId(),
        workspaceId,
        name: fields.name,
        unit: fields.unit ?? fields.name,
        rate: fields.rate ?? null,
        ratePeriod: fields.ratePeriod ?? null,
        minutesPerUnit: fields.minutesPerUnit ?? null,
        workdays: fields.workdays ?? [...DEFAULT_WORKDAYS],
        activityClass: fields.activityClass ?? 'income',
        goalIds,
        startDate: fields.startDate ?? (await today()),
        createdAt: now,
        updatedAt: now,
      };
      await activities.insert(activity);
      return activity;
    },

    async update(ref: string, input: unknown): Promise<Activity> {
      const fields = parseInput(updateActivitySchema, input);
      const current = await find(ref);
      const { keepSeparate, ...changes } = fields;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const activity: Activity = { ...current, ...defined, updatedAt: clock.now().toISOString() };
      if (fields.goalIds !== undefined) activity.goalIds = [...new Set(fields.goalIds)];
      assertRate(activity);
      if (activity.name !== current.name) await assertNameFree(activity.name, { except: current.id, keepSeparate });
      await assertGoals(activity.goalIds);
      await activities.update(activity);
      return activity;
    },

    async delete(ref: string): Promise<void> {
      const activity = await find(ref);
      const funnels = await activities.funnelsUsing(workspaceId, activity.id);
      if (funnels.length > 0) {
        throw new AppError(
          'conflict',
          `"${activity.name}" is a stage of the funnel ${funnels.map((name) => `"${name}"`).join(', ')}; take it out of the funnel first.`,
          { field: 'activity' },
        );
      }
      await activities.delete(workspaceId, activity.id);
    },

    async log(ref: string, input: unknown): Promise<ActivityLog> {
      const fields = parseInput(logActivitySchema, input);
      const activity = await find(ref);
      const log: ActivityLog = {
        id: newId(),
        activityId: activity.id,
        date: fields.date ?? (await today()),
        count: fields.count,
        note: fields.note ?? null,
        createdAt: clock.now().toISOString(),
      };
      await activities.insertLog(workspaceId, log);
      return log;
    },

    /** Deletes a logged count; resolves to the deleted item's id, to undo it with. */
    async deleteLog(id: string): Promise<string> {
      const deletedItemId = await activities.deleteLog(workspaceId, id, clock.now());
      if (deletedItemId === null)
        throw new AppError('not-found', `No activity log has the id "${id}".`, { field: 'id' });
      return deletedItemId;
    },

    async addBreak(ref: string, input: unknown): Promise<ActivityBreak> {
      const fields = parseInput(activityBreakSchema, input);
      const activity = await find(ref);
      const pause: ActivityBreak = {
        id: newId(),
        activityId: activity.id,
        start: fields.start,
        end: fields.end,
        note: fields.note ?? null,
        createdAt: clock.now().toISOString(),
      };
      await activities.insertBreak(workspaceId, pause);
      return pause;
    },

    async deleteBreak(id: string): Promise<void> {
      if (!(await activities.deleteBreak(workspaceId, id)))
        throw new AppError('not-found', `No break has the id "${id}".`, { field: 'id' });
    },
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;
