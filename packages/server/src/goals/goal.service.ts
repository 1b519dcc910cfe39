import {
  activityLoad,
  AppError,
  assertCalendarDate,
  bucketEntries,
  bucketSpan,
  checkGoal,
  computePace,
  createGoalSchema,
  dateInZone,
  describeGoalSource,
  editDataPointSchema,
  fedDayTotals,
  feedStart,
  hasPace,
  hoursByDay,
  isFedGoal,
  MANUAL_SOURCE,
  logProgressSchema,
  meetsTarget,
  paceSeries,
  paceSeriesDates,
  paceTotalsOf,
  rateOf as rateOfCurrency,
  recentRateStart,
  SERIES_POINTS,
  targetBound,
  totalsOn,
  updateGoalSchema,
  type BucketEntry,
  type CalendarDate,
  type DataPoint,
  type DayTotals,
  type Goal,
  type GoalCheck,
  type GoalDetail,
  type GoalFeed,
  type GoalSource,
  type GoalSourceChoices,
  type GoalStanding,
} from '@bigrock/core';

import type { ActivityRepository } from '../activities/activity.repository.js';
import type { Clock } from '../clock.js';
import type { MoneySettingsRepository } from '../money/money-settings.repository.js';
import { newId } from '../db/new-id.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { GoalRepository } from './goal.repository.js';
import type { GoalSourceRepository, SourceDay } from './goal-source.repository.js';

export interface GoalServiceDeps {
  goals: GoalRepository;
  /** The activities linked to a goal make its check's "achievable" and "activity-based". */
  activities: ActivityRepository;
  /** The rows of activities, time entries and outcomes that feed goals. */
  sources: GoalSourceRepository;
  workspaces: WorkspaceRepository;
  /** A revenue goal counts in the workspace currency, other currencies converted at their rates. */
  moneySettings: Pick<MoneySettingsRepository, 'get'>;
  clock: Clock;
  workspaceId: string;
}

const noDataPoint = (id: string) =>
  new AppError('not-found', `No data point has the id "${id}"; see the ids with bigrock goal point list <goal-id>.`, {
    field: 'id',
  });

export function createGoalService({
  goals,
  activities,
  sources,
  workspaces,
  moneySettings,
  clock,
  workspaceId,
}: GoalServiceDeps) {
  async function zone(): Promise<string> {
    return (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
  }

  async function today(): Promise<CalendarDate> {
    return dateInZone(clock.now(), await zone());
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
   * Each goal with its pace, check and chart, from its day totals: those of the chart's span up
   * to asOf (one row a day at most), of asOf, of the start of the recent rate and of its last day,
   * read in one query for all the goals however many points they hold.
   */
  /**
   * The day totals of the goals fed by a source, from their first day on: one query per kind of
   * source for all of them, each day's total added up by the database (hours by Tracking's own
   * `bucketEntries`, so a goal shows the hours Tracking shows for the same days).
   */
  async function fedDays(list: Goal[], asOf: CalendarDate, todayDate: CalendarDate): Promise<Map<string, DayTotals[]>> {
    const byKind = <K extends GoalSource['kind']>(kind: K) =>
      list.flatMap((goal) =>
        goal.source.kind === kind ? [{ goal, source: goal.source as Extract<GoalSource, { kind: K }> }] : [],
      );
    const activityGoals = byKind('activity');
    const outcomeGoals = byKind('outcome');
    const hoursGoals = byKind('hours');
    const timeZone = hoursGoals.length === 0 ? 'UTC' : await zone();
    const until = asOf > todayDate ? asOf : todayDate;
    const spans = new Map(
      hoursGoals.flatMap(({ goal }) => {
        const from = feedStart(goal);
        return from > until
          ? []
          : [[goal.id, { from, span: bucketSpan({ zone: timeZone, unit: 'day', from, to: until }) }]];
      }),
    );
    const money = outcomeGoals.length === 0 ? null : await moneySettings.get(workspaceId);
    // Counts (clients, leads) and revenue stored without a currency count as they are.
    const rateOf = (currency: string | null) =>
      currency === null || money === null ? 1 : rateOfCurrency(currency, money);
    const [logged, earned, tracked] = await Promise.all([
      activityGoals.length === 0
        ? new Map<string, SourceDay[]>()
        : sources.activityDays(
            workspaceId,
            activityGoals.map(({ goal, source }) => ({
              goalId: goal.id,
              activityId: source.activityId,
              from: feedStart(goal),
            })),
          ),
      outcomeGoals.length === 0
        ? new Map<string, SourceDay[]>()
        : sources.outcomeDays(
            workspaceId,
            outcomeGoals.map(({ goal, source }) => ({
              goalId: goal.id,
              outcome: source.outcome,
              channel: source.channel,
              activity: source.activity,
              from: feedStart(goal),
            })),
            rateOf,
          ),
      spans.size === 0
        ? new Map<string, BucketEntry[]>()
        : sources.entries(
            workspaceId,
            hoursGoals.flatMap(({ goal, source }) => {
              const span = spans.get(goal.id)?.span;
              return span === undefined
                ? []
                : [
                    {
                      goalId: goal.id,
                      activity: source.activity,
                      tag: source.tag,
                      startMs: span.startMs,
                      endMs: span.endMs,
                    },
                  ];
            }),
          ),
    ]);
    const days = new Map<string, DayTotals[]>();
    for (const [goalId, each] of [...logged, ...earned]) days.set(goalId, fedDayTotals(each));
    const nowMs = clock.now().getTime();
    for (const [goalId, entries] of tracked) {
      const from = spans.get(goalId)?.from;
      if (from === undefined) continue;
      const buckets = bucketEntries(entries, { zone: timeZone, unit: 'day', from, to: until, nowMs });
      days.set(goalId, fedDayTotals(hoursByDay(buckets)));
    }
    return days;
  }

  /** What feeds each fed goal, in words, with its activity's name. */
  async function feeds(list: Goal[]): Promise<Map<string, GoalFeed>> {
    const ids = list.flatMap(({ source }) => (source.kind === 'activity' ? [source.activityId] : []));
    const names = await sources.activityNames(workspaceId, ids);
    return new Map(
      list.flatMap((goal) => {
        if (!isFedGoal(goal.source)) return [];
        const activityName = goal.source.kind === 'activity' ? (names.get(goal.source.activityId) ?? null) : null;
        return [[goal.id, { description: describeGoalSource(goal.source, { activityName }), activityName }]];
      }),
    );
  }

  /**
   * Each goal with its pace, check and chart, from its day totals. A manual goal's are those of
   * the chart's span up to asOf (one row a day at most), of asOf, of the start of the recent rate
   * and of its last day, read in one query for all the goals however many points they hold; a
   * fed goal's are its source's days (`fedDays`).
   */
  async function standings(
    list: Goal[],
    asOf: CalendarDate,
    todayDate: CalendarDate,
    chartPoints: number,
  ): Promise<GoalStanding[]> {
    const manual = list.filter((goal) => !isFedGoal(goal.source));
    const fed = list.filter((goal) => isFedGoal(goal.source));
    const [manualDays, sourceDays, fedBy, linked] = await Promise.all([
      manualDayTotals(manual, asOf, chartPoints),
      fed.length === 0 ? new Map<string, DayTotals[]>() : fedDays(fed, asOf, todayDate),
      feeds(fed),
      activities.listForGoals(
        workspaceId,
        list.map((goal) => goal.id),
      ),
    ]);
    return list.map((goal) => {
      const fedTotals = sourceDays.get(goal.id);
      const goalDays = fedTotals ?? manualDays.days.get(goal.id) ?? [];
      const rateStart = recentRateStart(goal, asOf);
      const totals =
        fedTotals !== undefined || fedBy.has(goal.id)
          ? paceTotalsOf(goal, goalDays, asOf)
          : {
              asOf: totalsOn(goalDays, asOf),
              recentRateStart: rateStart === null ? null : totalsOn(goalDays, rateStart),
              firstMet: manualDays.firstMet.get(goal.id) ?? null,
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
      return {
        goal,
        pace: computePace(goal, totals, asOf),
        check,
        series: paceSeries(goal, goalDays, asOf, chartPoints),
        fedBy: fedBy.get(goal.id) ?? null,
      };
    });
  }

  /** The day totals of goals fed by their own data points (goal_days), and the first day each met its target. */
  async function manualDayTotals(
    list: Goal[],
    asOf: CalendarDate,
    chartPoints: number,
  ): Promise<{ days: Map<string, DayTotals[]>; firstMet: Map<string, CalendarDate | null> }> {
    if (list.length === 0) return { days: new Map(), firstMet: new Map() };
    const wanted = list.map((goal) => {
      const { startDate, deadline } = goal;
      if (!hasPace(goal) || startDate === null || deadline === null) return { goalId: goal.id, on: [] };
      const rateStart = recentRateStart(goal, asOf);
      const chartDates = paceSeriesDates(goal, asOf, chartPoints).filter((date) => date <= asOf);
      return { goalId: goal.id, on: [startDate, asOf, ...(rateStart === null ? [] : [rateStart]), ...chartDates] };
    });
    const days = await goals.dayTotals(wanted);
    // The first day each goal met its target, looked for only when it had by asOf.
    const reached = list.flatMap((goal) => {
      const bound = targetBound(goal);
      const atAsOf = totalsOn(days.get(goal.id) ?? [], asOf);
      if (bound === null || !meetsTarget(goal, atAsOf) || meetsTarget(goal, null)) return [];
      return [{ goalId: goal.id, until: asOf, bound, accept: (totals: DayTotals) => meetsTarget(goal, totals) }];
    });
    const firstMet =
      reached.length === 0 ? new Map<string, CalendarDate | null>() : await goals.firstDaysWithin(reached);
    return { days, firstMet };
  }

  /**
   * The source as the goal keeps it: an activity by its id (found by id, or by name ignoring
   * case), names of entries' activities and outcomes' channels spelled as the data spells them.
   */
  async function resolveSource(source: GoalSource): Promise<GoalSource> {
    const refuse = (message: string): never => {
      throw new AppError('invalid-input', `source: ${message}`, { field: 'source' });
    };
    switch (source.kind) {
      case 'manual':
        return source;
      case 'activity': {
        const activity =
          (await activities.find(workspaceId, source.activityId)) ??
          (await activities.findByName(workspaceId, source.activityId));
        if (activity === undefined) {
          return refuse(`no activity has the id or name "${source.activityId}"; list the activities to find it.`);
        }
        return { kind: 'activity', activityId: activity.id };
      }
      case 'hours': {
        if (source.activity === null) return source;
        const [named, entryNames] = await Promise.all([
          activities.findByName(workspaceId, source.activity),
          sources.entryActivitiesNamed(workspaceId, source.activity),
        ]);
        const spelled = [named?.name, ...entryNames].filter((name): name is string => name !== undefined);
        const activity = spelled.find((name) => name === source.activity) ?? entryNames[0] ?? named?.name;
        if (activity === undefined) {
          return refuse(
            `no activity or time entry is named "${source.activity}"; name one you track time on, or a tag (hours:#tag).`,
          );
        }
        return { ...source, activity };
      }
      case 'outcome': {
        if (source.channel === null) return source;
        const channels = await sources.channelsNamed(workspaceId, source.channel);
        const channel = channels.find((name) => name === source.channel) ?? channels[0] ?? source.channel;
        return { ...source, channel };
      }
    }
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

    /** What a goal can be fed from: the activities, the names and tags of time entries, the channels of outcomes. */
    async sourceChoices(): Promise<GoalSourceChoices> {
      const [list, choices] = await Promise.all([activities.list(workspaceId), sources.choices(workspaceId)]);
      const names = new Set([...choices.entryActivities, ...list.map(({ name }) => name)]);
      return {
        activities: list.map(({ id, name }) => ({ id, name })),
        entryActivities: [...names].sort((a, b) => a.localeCompare(b)),
        tags: choices.tags,
        channels: choices.channels,
      };
    },

    async check(id: string): Promise<GoalCheck> {
      return (await get(id)).check;
    },

    async create(input: unknown): Promise<Goal> {
      const fields = parseInput(createGoalSchema, input);
      const source = fields.source === undefined ? MANUAL_SOURCE : await resolveSource(fields.source);
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
        source,
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
      // The old label "manual" changes nothing: a goal is manual unless a source says otherwise.
      const { trackingSource: _label, source, ...rest } = fields;
      const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      const goal: Goal = {
        ...current,
        ...defined,
        source: source === undefined ? current.source : await resolveSource(source),
        updatedAt: clock.now().toISOString(),
      };
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
      if (isFedGoal(goal.source)) {
        const [feed] = (await feeds([goal])).values();
        throw new AppError(
          'conflict',
          `This goal is fed by ${feed?.description ?? 'a source'} (source ${goal.source.kind}): ${whereToLog(goal.source)}, or make its source manual to log data points on it.`,
          { field: 'source' },
        );
      }
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

/** Where the data of a fed goal is logged, in words. */
function whereToLog(source: GoalSource): string {
  switch (source.kind) {
    case 'manual':
      return 'log a data point on the goal';
    case 'activity':
      return 'log counts on the activity instead (bigrock activity log, or its page under Activities)';
    case 'hours':
      return 'track time instead (a timer or an entry, under Tracking)';
    case 'outcome':
      return 'record an outcome instead (bigrock outcome add, or Outcomes under Tracking)';
  }
}

export type GoalService = ReturnType<typeof createGoalService>;
