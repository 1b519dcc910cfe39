import { FOLLOW_GOAL_FIELDS, funnelGoalDrift, funnelTemplatePlan } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

describe.each(dialects)('a funnel made for a goal on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-01-05T12:00:00Z') });
  });
  afterAll(() => test.cleanup());

  it('follows the goal’s target and deadline, keeps its own when set on purpose, and follows again', async () => {
    const { goals, funnels } = test.bigrock;
    const goal = await goals.create({
      title: 'Recruit 6 distributors',
      unit: 'recruits',
      target: 6,
      startDate: '2026-01-05',
      deadline: '2026-05-04',
    });
    // From a template, as the funnel editor sends it once a goal is chosen: its stages, no target or dates.
    const template = funnelTemplatePlan('network-marketing', '2026-01-05');
    const funnel = await funnels.create({
      name: 'Warm market',
      goalId: goal.id,
      hoursPerWeek: template.hoursPerWeek,
      stages: template.stages.map(({ activity, minutesPerUnit, conversionFromPrevious }) => ({
        activity,
        minutesPerUnit,
        ...(conversionFromPrevious !== null && { conversion: conversionFromPrevious }),
      })),
    });
    expect((await funnels.solve(funnel.id)).plan.goal).toMatchObject({ target: 6, deadline: '2026-05-04' });
    expect(funnelGoalDrift(funnel, goal)).toBeNull();

    // The goal moves: the funnel moves with it.
    const moved = await goals.update(goal.id, { target: 8, deadline: '2026-06-01' });
    expect((await funnels.solve(funnel.id)).plan.goal).toMatchObject({ target: 8, deadline: '2026-06-01' });

    // Set on purpose, the funnel keeps its own, and the difference is there to say.
    const own = await funnels.update(funnel.id, { target: 12, deadline: '2026-03-30' });
    expect((await funnels.solve(funnel.id)).plan.goal).toMatchObject({ target: 12, deadline: '2026-03-30' });
    expect(funnelGoalDrift(own, moved)).toEqual({
      funnel: { target: 12, unit: 'recruits', startDate: '2026-01-05', deadline: '2026-03-30' },
      goal: { target: 8, unit: 'recruits', startDate: '2026-01-05', deadline: '2026-06-01' },
    });

    const following = await funnels.update(funnel.id, FOLLOW_GOAL_FIELDS);
    expect(funnelGoalDrift(following, moved)).toBeNull();
    expect((await funnels.solve(funnel.id)).plan.goal).toMatchObject({ target: 8, deadline: '2026-06-01' });
  });
});
