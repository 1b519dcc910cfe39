import {
  activityLoad,
  AppError,
  assertCalendarDate,
  checkGoal,
  computePace,
  createGoalSchema,
  dateInZone,
  editDataPointSchema,
  hasPace,
  logProgressSchema,
  meetsTarget,
  paceSeries,
  paceSeriesDates,
  recentRateStart,
  SERIES_POINTS,
  targetBound,
  totalsOn,
  updateGoalSchema,
  type CalendarDate,
  type DataPoint,
  type DayTotals,
  type Goal,
  type GoalCheck,
  type GoalDetail,
  type GoalStanding,
} from '@bigrock/core';

import type { ActivityRepository } from '../activities/activity.repository.js';
import type { Clock } from '../clock.js';
import { newId } from '../db/new-id.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { GoalRepository } from './goal.repository.js';

export interface GoalServiceDeps {
  goals: GoalRepository;
  /** The activities linked to a goal make its check's "achievable" and "activity-based". */
  activities: ActivityRepository;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}

const noDataPoint = (id: string) =>
  new AppError('not-found', `No data point has the id "${id}"; see the ids with bigrock goal point list <goal-id>.`, {
    field: 'id',
  });

export function createGoalService({ goals, activities, workspaces, clock, workspaceId }: GoalServiceDeps) {
  async function today(): Promise<CalendarDate> {
    const workspace = await workspaces.find(workspaceId);
    return dateInZone(clock.now(), workspace?.timeZone ?? 'UTC');
  }

  /** Today, and the day pace is measured on: today unless the caller names another. */
  async function datesOf(options: { asOf?: string }): Promise<{ todayDate: CalendarDate; asOf: CalendarDate }> {
    const todayDate = await today();
    return { todayDate, asOf: options.asOf === undefined ? todayDate : assertCalendarDate(options.asOf, 'asOf') };
  }

  async function findGoal(id: string): Promise<Goal> {
    const goal = await goals.find(workspaceId, id);
    if (goal === undefined) {
      throw new AppError('not-found', `No goal has the id "${id}"; list the goals to find its id.`, { field: 'id' });
    }
    return goal;
  }

  async function assertParent(goal: Goal): Promise<void> {
    let parentId = goal.parentId;
    while (parentId !== null) {
      if (parentId === goal.id) {
        throw new AppError('invalid-input', 'A goal cannot be its own parent, directly or through another goal.', {
          field: 'parentId',
        });
      }
      const parent = await goals.find(workspaceId, parentId);
      if (parent === undefined) {
        throw new AppError('invalid-input', `parentId: no goal has the id "${parentId}".`, { field: 'parentId' });
      }
      parentId = parent.parentId;
    }
  }

  function assertDates(goal: Goal): void {
    if (goal.startDate !== null && goal.deadline !== null && goal.deadline <= goal.startDate) {
      throw new AppError('invalid-input', `deadline: set it after the start date (${goal.startDate}).`, {
        field: 'deadline',
      });
    }
  }

  /**
   * Each goal with its pace, check and a chart of at most about `chartPoints` points, from its day
   * totals: the last on or before each of the chart's dates up to asOf, asOf, the start of the
   * recent rate, and its last day, read in one query for all the goals however many points they
   * hold.
   */
  async function standings(
    list: Goal[],
    asOf: CalendarDate,
    todayDate: CalendarDate,
    chartPoints: number,
  ): Promise<GoalStanding[]> {
    const ids = list.map((goal) => goal.id);
    const wanted = list.map((goal) => {
      const { startDate, deadline } = goal;
      if (!hasPace(goal) || startDate === null || deadline === null) return { goalId: goal.id, on: [] };
      const rateStart = recentRateStart(goal, asOf);
      const chartDates = paceSeriesDates(goal, asOf, chartPoints).filter((date) => date <= asOf);
      return { goalId: goal.id, on: [startDate, asOf, ...(rateStart === null ? [] : [rateStart]), ...chartDates] };
    });
    const [days, linked] = await Promise.all([goals.dayTotals(wanted), activities.listForGoals(workspaceId, ids)]);
    // The first day each goal met its target, looked for only when it had by asOf.
    const reached = list.flatMap((goal) => {
      const bound = targetBound(goal);
      const atAsOf = totalsOn(days.get(goal.id) ?? [], asOf);
      if (bound === null || !meetsTarget(goal, atAsOf) || meetsTarget(goal, null)) return [];
      return [{ goalId: goal.id, until: asOf, bound, accept: (totals: DayTotals) => meetsTarget(goal, totals) }];
    });
    const firstMet =
      reached.length === 0 ? new Map<string, CalendarDate | null>() : await goals.firstDaysWithin(reached);
    return list.map((goal) => {
      const goalDays = days.get(goal.id) ?? [];
      const rateStart = recentRateStart(goal, asOf);
      const totals = {
        asOf: totalsOn(goalDays, asOf),
        recentRateStart: rateStart === null ? null : totalsOn(goalDays, rateStart),
        firstMet: firstMet.get(goal.id) ?? null,
      };
      const lastDay = goalDays.at(-1);
      const goalActivities = linked.get(goal.id) ?? [];
      const check = checkGoal(goal, {
        today: todayDate,
        dataPointCount: lastDay?.count ?? 0,
        lastDataPointDate: lastDay?.date ?? null,
        // The hours the linked activities' target rates take, against the goal's hours a week.
        activities: goalActivities.length === 0 ? null : activityLoad(goalActivities),
      });
      const series = paceSeries(goal, goalDays, asOf, chartPoints);
      return { goal, pace: computePace(goal, totals, asOf), check, series };
    });
  }

  async function get(id: string, options: { asOf?: string } = {}): Promise<GoalDetail> {
    const [{ asOf, todayDate }, goal] = await Promise.all([datesOf(options), findGoal(id)]);
    const [[standing], dataPoints] = await Promise.all([
      standings([goal], asOf, todayDate, SERIES_POINTS.full),
      goals.listDataPoints(workspaceId, [goal.id]),
    ]);
    if (standing === undefined) throw new Error('A goal found has no standing.');
    return { ...standing, dataPoints };
  }

  return {
    today,
    get,

    async list(options: { archived?: boolean; asOf?: string } = {}): Promise<GoalStanding[]> {
      const { asOf, todayDate } = await datesOf(options);
      const list = await goals.list(workspaceId, { archived: options.archived ?? false });
      return standings(list, asOf, todayDate, SERIES_POINTS.card);
    },

    async check(id: string): Promise<GoalCheck> {
      return (await get(id)).check;
    },

    async create(input: unknown): Promise<Goal> {
      const fields = parseInput(createGoalSchema, input);
      const now = clock.now().toISOString();
      const goal: Goal = {
        id: newId(),
        workspaceId,
        title: fields.title,
        level: fields.level ?? null,
        unit: fields.unit ?? null,
        aggregate: fields.aggregate ?? 'sum',
        direction: fields.direction ?? 'up',
        baseline: fields.baseline ?? 0,
        target: fields.target ?? null,
        startDate: fields.startDate === undefined ? await today() : fields.startDate,
        deadline: fields.deadline ?? null,
        why: fields.why ?? null,
        parentId: fields.parentId ?? null,
        systems: fields.systems ?? null,
        owner: fields.owner ?? null,
        partner: fields.partner ?? null,
        trackingSource: fields.trackingSource ?? 'manual',
        hoursPerWeek: fields.hoursPerWeek ?? null,
        daysOff: fields.daysOff ?? [],
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      assertDates(goal);
      await assertParent(goal);
      await goals.insert(goal);
      return goal;
    },

    async update(id: string, input: unknown): Promise<Goal> {
      const fields = parseInput(updateGoalSchema, input);
      const current = await findGoal(id);
      const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      const goal: Goal = { ...current, ...defined, updatedAt: clock.now().toISOString() };
      assertDates(goal);
      await assertParent(goal);
      await goals.update(goal);
      return goal;
    },

    async archive(id: string): Promise<Goal> {
      const goal = await findGoal(id);
      const now = clock.now().toISOString();
      const archived = { ...goal, archivedAt: goal.archivedAt ?? now, updatedAt: now };
      await goals.update(archived);
      return archived;
    },

    async unarchive(id: string): Promise<Goal> {
      const goal = await findGoal(id);
      const restored = { ...goal, archivedAt: null, updatedAt: clock.now().toISOString() };
      await goals.update(restored);
      return restored;
    },

    async logProgress(goalId: string, input: unknown): Promise<DataPoint> {
      const fields = parseInput(logProgressSchema, input);
      const goal = await findGoal(goalId);
      const point: DataPoint = {
        id: newId(),
        goalId: goal.id,
        date: fields.date ?? (await today()),
        value: fields.value,
        note: fields.note ?? null,
        createdAt: clock.now().toISOString(),
      };
      await goals.insertDataPoint(workspaceId, point);
      return point;
    },

    /** Changes a logged data point: its date, value or note, checked as when it was logged. */
    async editDataPoint(id: string, input: unknown): Promise<DataPoint> {
      const fields = parseInput(editDataPointSchema, input);
      const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      const point = await goals.updateDataPoint(workspaceId, id, changes);
      if (point === undefined) throw noDataPoint(id);
      return point;
    },

    /** Deletes a data point; resolves to the deleted item's id, to undo it with. */
    async deleteDataPoint(id: string): Promise<string> {
      const deletedItemId = await goals.deleteDataPoint(workspaceId, id, clock.now());
      if (deletedItemId === null) throw noDataPoint(id);
      return deletedItemId;
    },
  };
}

export type GoalService = ReturnType<typeof createGoalService>;
