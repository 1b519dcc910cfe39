import { AppError, addDays, type CalendarDate } from '@bigrock/core';

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

/**
 * The network-marketing plan of seed 002, four weeks in: the dream, the quarter's income goal, and
 * the recruits, appointments and calls that lead to it, with progress logged so the dashboard
 * shows a goal ahead, one on track and one behind.
 */
export function createDemoService({ goals, goalService, activities, funnels, workspaceId }: DemoServiceDeps) {
  async function logEvery(goalId: string, start: CalendarDate, entries: Array<[day: number, value: number]>) {
    for (const [day, value] of entries) await goalService.logProgress(goalId, { date: addDays(start, day), value });
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

      await logEvery(dream.id, start, [[27, 260]]);
      await logEvery(income.id, start, [
        [14, 120],
        [27, 260],
      ]);
      const recruitEntries: Array<[number, number]> = [
        [6, 1],
        [13, 1],
        [24, 1],
      ];
      const appointmentEntries: Array<[number, number]> = [
        [4, 5],
        [11, 4],
        [18, 6],
        [25, 5],
      ];
      const weekdays = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25];
      const callEntries = weekdays.map((day, index): [number, number] => [day, 11 + (index % 4)]);
      await logEvery(recruits.id, start, recruitEntries);
      await logEvery(appointments.id, start, appointmentEntries);
      await logEvery(calls.id, start, callEntries);

      // The same plan as lead activities and a funnel, so that the recruits goal's check measures its hours.
      const leads = [
        { name: 'calls', rate: 10, ratePeriod: 'day', minutesPerUnit: 6, goal: calls, entries: callEntries },
        {
          name: 'appointments',
          rate: 5,
          ratePeriod: 'week',
          minutesPerUnit: 45,
          goal: appointments,
          entries: appointmentEntries,
        },
        { name: 'recruits', rate: 1, ratePeriod: 'week', minutesPerUnit: 60, goal: recruits, entries: recruitEntries },
      ] as const;
      for (const { goal, entries, ...lead } of leads) {
        await activities.create({ ...lead, goalIds: [recruits.id, goal.id], startDate: start });
        for (const [day, count] of entries) await activities.log(lead.name, { date: addDays(start, day), count });
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
