import { describe, expect, it } from 'vitest';

import { funnelGoalDrift } from './funnel.js';

const goal = { target: 10_000, unit: 'USD', startDate: '2026-03-01', deadline: '2026-09-01' };

describe('a funnel against its goal', () => {
  it('follows the goal when its own fields are empty or the same', () => {
    expect(funnelGoalDrift({ target: null, unit: null, startDate: null, deadline: null }, goal)).toBeNull();
    expect(funnelGoalDrift({ ...goal }, goal)).toBeNull();
  });

  it('says what each aims at when the funnel keeps a target or deadline of its own', () => {
    expect(funnelGoalDrift({ target: 12_000, unit: null, startDate: null, deadline: '2026-06-01' }, goal)).toEqual({
      funnel: { target: 12_000, unit: 'USD', startDate: '2026-03-01', deadline: '2026-06-01' },
      goal,
    });
    expect(
      funnelGoalDrift({ target: null, unit: 'recruits', startDate: null, deadline: null }, goal)?.funnel.unit,
    ).toBe('recruits');
  });
});
