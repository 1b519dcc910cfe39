import {
  AppError,
  DEFAULT_WORKDAYS,
  addDays,
  isoWeekday,
  weekdays,
  type Activity,
  type CalendarDate,
  type Weekday,
} from '@bigrock/core';

import type { ActivityService } from '../activities/activity.service.js';
import type { FunnelService } from '../funnels/funnel.service.js';
import type { GoalRepository } from '../goals/goal.repository.js';
import type { GoalService } from '../goals/goal.service.js';

export interface DemoServiceDeps {
  goals: GoalRepository;
  goalService: GoalService;
  activities: ActivityService;
  funnels: FunnelService;
  workspaceId: string;
}

/** Days into the plan that the demo stands at: four weeks of history, eight to go. */
const DAYS_IN = 28;

const isWorkday = (date: CalendarDate, workdays: readonly Weekday[]) =>
  workdays.includes(weekdays[isoWeekday(date) - 1] ?? 'mon');

/** The working days from `start` to the day before `end`: the days a lead activity is logged on. */
function workdaysBefore(start: CalendarDate, end: CalendarDate, workdays: readonly Weekday[]): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = start; day < end; day = addDays(day, 1)) if (isWorkday(day, workdays)) days.push(day);
  return days;
}

/** The working day on or before `date`, or the first one after it when the week starts with days off. */
function workdayNear(date: CalendarDate, start: CalendarDate, workdays: readonly Weekday[]): CalendarDate {
  for (let day = date; day >= start; day = addDays(day, -1)) if (isWorkday(day, workdays)) return day;
  let day = addDays(date, 1);
  while (!isWorkday(day, workdays)) day = addDays(day, 1);
  return day;
}

/**
 * The network-marketing plan of seed 002, four weeks in: the dream, the quarter's income goal, and
 * the recruits, appointments and calls that lead to it, with progress logged so the dashboard
 * shows a goal ahead, one on track and one behind.
 */
export function createDemoService({ goals, goalService, activities, funnels, workspaceId }: DemoServiceDeps) {
  async function logEvery(goalId: string, entries: Array<[date: CalendarDate, value: number]>) {
    for (const [date, value] of entries) await goalService.logProgress(goalId, { date, value });
  }

  return {
    async load(): Promise<{ goalIds: string[] }> {
      if ((await goals.countInWorkspace(workspaceId)) > 0) {
        throw new AppError(
          'conflict',
          'This workspace already has goals (archived ones count too), and the demo never mixes with real data. ' +
            'Start Bigrock on a fresh data directory (BIGROCK_DATA=/tmp/bigrock-demo) to see it.',
        );
      }
      const start = addDays(await goalService.today(), -DAYS_IN);
      const shared = { startDate: start, partner: 'Maria, my upline coach', owner: 'me', hoursPerWeek: 10 };

      const dream = await goalService.create({
        title: 'Earn $3000 a month by helping people live healthier lives',
        level: 'dream',
        unit: 'USD/month',
        aggregate: 'last',
        target: 3000,
        deadline: addDays(start, 365),
        why: 'Stay at home with my kids and build an income that lasts',
        systems: 'The company training system, weekly team calls',
        ...shared,
      });
      const income = await goalService.create({
        title: 'Reach business leader level with $1000 a month income',
        level: 'quarterly',
        parentId: dream.id,
        unit: 'USD/month',
        aggregate: 'last',
        target: 1000,
        deadline: addDays(start, 91),
        why: 'The first step to replacing my part-time job income',
        systems: 'Product samples, the presentation video, a follow-up email template',
        ...shared,
      });
      const recruits = await goalService.create({
        title: 'Recruit 12 distributors from my warm market',
        level: 'monthly',
        parentId: income.id,
        unit: 'recruits',
        aggregate: 'sum',
        target: 12,
        deadline: addDays(start, 84),
        why: 'A team of 12 gets me to business leader level',
        systems: 'Invitation script, three-way calls with Maria, new-distributor checklist',
        ...shared,
      });
      const appointments = await goalService.create({
        title: 'Hold 5 appointments a week with interested prospects',
        level: 'monthly',
        parentId: recruits.id,
        unit: 'appointments',
        aggregate: 'sum',
        target: 60,
        deadline: addDays(start, 84),
        why: 'One recruit comes from every five appointments',
        systems: 'Calendar booking link, presentation video',
        ...shared,
      });
      const calls = await goalService.create({
        title: 'Make 10 calls a day to people I know',
        level: 'monthly',
        parentId: appointments.id,
        unit: 'calls',
        aggregate: 'sum',
        target: 600,
        deadline: addDays(start, 84),
        why: 'Calls are the income-producing activity that fills my calendar',
        systems: 'Call list in a spreadsheet, calling block 9-10 am on weekdays',
        ...shared,
      });

      await logEvery(dream.id, [[addDays(start, 27), 260]]);
      await logEvery(income.id, [
        [addDays(start, 14), 120],
        [addDays(start, 27), 260],
      ]);

      // The same plan as lead activities and a funnel, so that the recruits goal's check measures its hours.
      const leads = [
        { name: 'calls', rate: 10, ratePeriod: 'day', minutesPerUnit: 6, goal: calls },
        { name: 'appointments', rate: 5, ratePeriod: 'week', minutesPerUnit: 45, goal: appointments },
        { name: 'recruits', rate: 1, ratePeriod: 'week', minutesPerUnit: 60, goal: recruits },
      ] as const;
      const made: Activity[] = [];
      for (const { goal, ...lead } of leads) {
        made.push(await activities.create({ ...lead, goalIds: [recruits.id, goal.id], startDate: start }));
      }
      // Counts are logged on each activity's working days only, whatever day of the week the demo
      // starts on: a call logged on a Sunday would count as ahead and leave a Friday empty,
      // breaking a streak that the story keeps. Four weeks hold 20 working days: 250 calls (11 to
      // 14 a day, above the 10 asked), 20 appointments (one a day, 5 a week), 3 recruits.
      const workdaysOf = (name: string) =>
        made.find((activity) => activity.name === name)?.workdays ?? DEFAULT_WORKDAYS;
      const daysOf = (name: string) => workdaysBefore(start, addDays(start, DAYS_IN), workdaysOf(name));
      const recruitOn = (offset: number) => workdayNear(addDays(start, offset), start, workdaysOf('recruits'));
      const logged: Array<[goalId: string, activity: string, entries: Array<[CalendarDate, number]>]> = [
        [calls.id, 'calls', daysOf('calls').map((day, index) => [day, 11 + (index % 4)])],
        [appointments.id, 'appointments', daysOf('appointments').map((day) => [day, 1])],
        [recruits.id, 'recruits', [6, 13, 24].map((offset) => [recruitOn(offset), 1])],
      ];
      for (const [goalId, activity, entries] of logged) {
        await logEvery(goalId, entries);
        for (const [date, count] of entries) await activities.log(activity, { date, count });
      }
      await funnels.create({
        name: 'Warm market',
        goalId: recruits.id,
        workdaysPerWeek: 5,
        stages: [
          { activity: 'calls' },
          { activity: 'appointments', conversion: 0.1 },
          { activity: 'recruits', conversion: 0.2 },
        ],
      });

      return { goalIds: [dream.id, income.id, recruits.id, appointments.id, calls.id] };
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
