import { describe, expect, it } from 'vitest';

import { solvePlan } from './funnel-solver.js';
import { funnelTemplatePlan, funnelTemplates } from './funnel-templates.js';
import { planSchema } from './plan.js';

describe('funnel templates', () => {
  it('offers network marketing, freelancer, content creator and coach', () => {
    expect(funnelTemplates().map(({ key }) => key)).toEqual([
      'network-marketing',
      'freelancer',
      'content-creator',
      'coach',
    ]);
  });

  it.each(funnelTemplates().map(({ key }) => key))(
    'makes %s a valid plan over twelve weeks that fits its hours',
    (key) => {
      const plan = funnelTemplatePlan(key, '2026-01-05');
      expect(planSchema.parse(plan)).toEqual(plan);
      expect(plan.goal.deadline).toBe('2026-03-30');
      expect(solvePlan(plan, { runs: 200 }).feasible).toBe(true);
    },
  );

  it("holds the seeds' numbers in the network-marketing template", () => {
    expect(solvePlan(funnelTemplatePlan('network-marketing', '2026-01-05'), { runs: 200 })).toMatchObject({
      hoursPerWeek: 9.75,
      stages: [{ perDay: 10 }, { perWeek: 5 }, { perWeek: 1 }],
    });
  });
});
