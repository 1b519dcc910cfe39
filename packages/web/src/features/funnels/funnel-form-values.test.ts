import { describe, expect, it } from 'vitest';

import { formToPlan, funnelFormProblems, newFunnelForm, templateToForm, withGoal } from './funnel-form-values';

describe('the funnel form', () => {
  it('says in words what a blank funnel lacks, for the preview and field by field', () => {
    const blank = newFunnelForm('2026-03-02');
    expect(formToPlan(blank, undefined)).toEqual({
      missing:
        'To see the plan, fill in: Target, Deadline, Hours per week, Stage 1 activity, Stage 2 activity, and Stage 2 conversion.',
    });
    expect(funnelFormProblems(blank)).toEqual({
      name: 'Name the funnel, e.g. “Warm market”.',
      'stages.0.activity': 'Name the first activity, e.g. calls.',
      'stages.1.activity': 'Name the activity of this stage, e.g. appointments.',
      'stages.1.conversion': 'Give your guess of the share of the stage before that gets this far, in %, e.g. 10.',
    });
  });

  it('checks a conversion in percent, as typed, and words the schema’s other refusals', () => {
    const form = {
      ...newFunnelForm('2026-03-02'),
      name: 'Warm market',
      target: '12',
      deadline: '2026-06-01',
      hoursPerWeek: '10',
      stages: [
        { activity: 'calls', minutesPerUnit: '6', conversionPercent: '' },
        { activity: 'recruits', minutesPerUnit: '60', conversionPercent: '150' },
      ],
    };
    expect(funnelFormProblems(form)['stages.1.conversion']).toContain('at most 100');
    expect(formToPlan(form, undefined)).toEqual({
      missing: 'To see the plan, fix Stage 2 conversion: give a percentage above 0 and at most 100.',
    });
    const [calls, recruits] = form.stages;
    if (calls === undefined || recruits === undefined) throw new Error('The form has two stages.');
    const tooManyHours = { ...form, hoursPerWeek: '200', stages: [calls, { ...recruits, conversionPercent: '10' }] };
    expect(formToPlan(tooManyHours, undefined)).toEqual({
      missing: 'To see the plan, fix Hours per week: it must be 0, or a number from 0.1 to 168 (the hours in a week).',
    });
    expect('plan' in formToPlan({ ...tooManyHours, hoursPerWeek: '10' }, undefined)).toBe(true);
  });
});

describe('a funnel made for a goal', () => {
  const goal = { id: 'G1', unit: 'recruits' };

  it('takes the stages and rates of a template, and the target and dates of its goal', () => {
    const form = templateToForm('network-marketing', 'Warm market', '2026-03-02', goal);
    const alone = templateToForm('network-marketing', 'Warm market', '2026-03-02');
    expect(form).toMatchObject({ goalId: 'G1', target: '', unit: '', startDate: '', deadline: '' });
    expect(form.stages).toEqual(alone.stages);
    expect(form.hoursPerWeek).toBe(alone.hoursPerWeek);
    expect(alone).toMatchObject({ target: '12', unit: 'recruits', startDate: '2026-03-02' });
  });

  it('keeps a template’s value per unit only for a goal counted in its unit', () => {
    expect(templateToForm('freelancer', 'Clients', '2026-03-02', { id: 'G2', unit: 'usd' }).valuePerUnit).toBe('3000');
    expect(templateToForm('freelancer', 'Clients', '2026-03-02', goal).valuePerUnit).toBe('');
  });

  it('follows a goal chosen after a template, but keeps what the user typed on purpose', () => {
    const filled = templateToForm('network-marketing', 'Warm market', '2026-03-02');
    const typed = { ...filled, deadline: '2026-05-01' };
    expect(withGoal(typed, goal, filled)).toMatchObject({
      goalId: 'G1',
      target: '',
      unit: '',
      startDate: '',
      deadline: '2026-05-01',
    });
    expect(withGoal(typed, undefined, filled)).toEqual({ ...typed, goalId: '' });
  });
});
