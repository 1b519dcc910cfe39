import { describe, expect, it } from 'vitest';

import { planSchema } from './plan.js';

const valid = {
  hoursPerWeek: 10,
  workdaysPerWeek: 5,
  goal: { target: 12, unit: 'recruits', start: '2026-01-05', deadline: '2026-03-30' },
  stages: [
    { activity: 'calls', minutesPerUnit: 6 },
    { activity: 'appointments', minutesPerUnit: 45, conversionFromPrevious: 0.1 },
  ],
};

const firstIssue = (input: unknown) => planSchema.safeParse(input).error?.issues[0];

describe('the plan file schema', () => {
  it('accepts the seeds-shaped plan', () => {
    expect(planSchema.parse(valid)).toEqual(valid);
  });

  it('names the stage that lacks its conversion', () => {
    const issue = firstIssue({ ...valid, stages: [valid.stages[0], { activity: 'appointments', minutesPerUnit: 45 }] });
    expect(issue?.path).toEqual(['stages', 1, 'conversionFromPrevious']);
    expect(issue?.message).toContain('"calls"');
  });

  it('refuses a conversion above 1, a deadline before the start, a duplicate stage and an unknown field', () => {
    expect(
      firstIssue({ ...valid, stages: [valid.stages[0], { ...valid.stages[1], conversionFromPrevious: 10 }] })?.path,
    ).toEqual(['stages', 1, 'conversionFromPrevious']);
    expect(firstIssue({ ...valid, goal: { ...valid.goal, deadline: '2025-12-01' } })?.path).toEqual([
      'goal',
      'deadline',
    ]);
    expect(
      firstIssue({ ...valid, stages: [valid.stages[0], { ...valid.stages[1], activity: 'Calls' }] })?.path,
    ).toEqual(['stages', 1, 'activity']);
    expect(firstIssue({ ...valid, hoursPerweek: 3 })?.message).toContain('hoursPerweek');
  });

  it('names a missing field', () => {
    const { hoursPerWeek: _hours, ...rest } = valid;
    expect(firstIssue(rest)?.path).toEqual(['hoursPerWeek']);
  });
});
