import { addDays, isoWeekday, weekdays, type ActivityDetail, type CalendarDate } from '@bigrock/core';
import { describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock } from '../test-support/test-bigrock.js';

const weekdayOf = (date: CalendarDate) => weekdays[isoWeekday(date) - 1];

/** A week of days to load the demo on: it starts four weeks before, on each day of the week in turn. */
const todays = Array.from({ length: 7 }, (_, index) => addDays('2026-11-16', index));

describe.each(dialects)('the demo on %s', (dialect) => {
  it.each(todays)(
    'logs its activities on their working days only, so that streaks and pace read true, when today is %s',
    async (today) => {
      const test = await openTestBigrock(dialect, { clock: fixedClock(`${today}T12:00:00Z`) });
      try {
        const { demo, activities, goals } = test.bigrock;
        await demo.load();
        const detail = async (name: string): Promise<ActivityDetail> => activities.get(name);
        const [calls, appointments, recruits] = await Promise.all(
          ['calls', 'appointments', 'recruits'].map((name) => detail(name)),
        );
        for (const { activity, logs } of [calls, appointments, recruits].filter((item) => item !== undefined)) {
          for (const log of logs)
            expect(activity.workdays, `${activity.name} on ${log.date}`).toContain(weekdayOf(log.date));
        }
        if (calls?.pace == null || appointments?.pace == null)
          throw new Error('The demo paces its calls and appointments.');

        // Four weeks hold twenty working days, each with at least the ten calls asked.
        const workdays = Array.from({ length: 28 }, (_, index) => addDays(today, index - 28)).filter((day) =>
          calls.activity.workdays.includes(weekdayOf(day) ?? 'mon'),
        );
        expect(workdays).toHaveLength(20);
        expect(calls.logs.map(({ date }) => date).sort()).toEqual(workdays);
        expect(calls.pace).toMatchObject({
          expected: 200,
          actual: 250,
          status: 'ahead',
          streak: { unit: 'day', current: 20, longest: 20 },
        });
        // Five appointments a week, one a working day: on the line, and every week met.
        expect(appointments.pace).toMatchObject({ expected: 20, actual: 20, status: 'on-track' });
        expect(appointments.pace.streak.current).toBe(appointments.pace.streak.longest);
        expect(appointments.pace.streak.current).toBeGreaterThanOrEqual(4);
        expect(recruits?.pace).toMatchObject({ actual: 3, status: 'behind' });

        const statuses = new Set((await goals.list()).map(({ pace }) => pace?.status));
        expect(statuses).toEqual(new Set(['ahead', 'on-track', 'behind']));
      } finally {
        await test.cleanup();
      }
    },
  );
});
