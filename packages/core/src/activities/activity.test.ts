import { describe, expect, it } from 'vitest';

import { createActivitySchema, updateActivitySchema } from './activity-input.js';
import { activityHoursPerWeek, activityLoad, DEFAULT_WORKDAYS, weeklyUnits } from './activity.js';

const workdays = [...DEFAULT_WORKDAYS];
const calls = { rate: 10, ratePeriod: 'day', workdays, minutesPerUnit: 6 } as const;
const appointments = { rate: 5, ratePeriod: 'week', workdays, minutesPerUnit: 45 } as const;
const recruits = { rate: 1, ratePeriod: 'week', workdays, minutesPerUnit: 60 } as const;

describe('weekly units and hours of an activity', () => {
  it('turns each kind of rate into units a week', () => {
    expect(weeklyUnits(calls)).toBe(50);
    expect(weeklyUnits({ ...calls, workdays: ['mon', 'wed', 'fri'] })).toBe(30);
    expect(weeklyUnits(appointments)).toBe(5);
    expect(weeklyUnits({ rate: 13, ratePeriod: 'month', workdays })).toBeCloseTo(3);
    expect(weeklyUnits({ rate: 3, ratePeriod: 'times-a-week', workdays })).toBe(3);
    expect(weeklyUnits({ rate: null, ratePeriod: null, workdays })).toBe(0);
  });

  it('costs rate × minutes per unit ÷ 60 hours a week, and nothing without minutes', () => {
    expect(activityHoursPerWeek(calls)).toBe(5);
    expect(activityHoursPerWeek(appointments)).toBe(3.75);
    expect(activityHoursPerWeek({ ...calls, minutesPerUnit: null })).toBe(0);
  });

  it("adds up the seeds' calls, appointments and recruits to 9.75 hours a week", () => {
    expect(activityLoad([calls, appointments, recruits])).toEqual({ count: 3, hoursPerWeek: 9.75 });
  });

  it('leaves out of the load an activity that has no target rate yet', () => {
    expect(activityLoad([calls, { ...recruits, rate: null, ratePeriod: null }])).toEqual({ count: 1, hoursPerWeek: 5 });
  });
});

describe('activity input', () => {
  it('needs a rate and its period together', () => {
    const result = createActivitySchema.safeParse({ name: 'calls', rate: 10 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['ratePeriod']);
    expect(createActivitySchema.safeParse({ name: 'calls', rate: 10, ratePeriod: 'day' }).success).toBe(true);
  });

  it('refuses more than seven times a week, a comma in a name and an empty name', () => {
    expect(
      createActivitySchema.safeParse({ name: 'gym', rate: 8, ratePeriod: 'times-a-week' }).error?.issues[0]?.path,
    ).toEqual(['rate']);
    expect(createActivitySchema.safeParse({ name: 'calls, emails' }).success).toBe(false);
    expect(createActivitySchema.safeParse({ name: '  ' }).success).toBe(false);
  });

  it('lets an update change one field alone', () => {
    expect(updateActivitySchema.parse({ minutesPerUnit: 5 })).toEqual({ minutesPerUnit: 5 });
  });
});
