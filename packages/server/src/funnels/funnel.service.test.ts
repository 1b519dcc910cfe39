import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

const seedsStages = [
  { activity: 'calls', minutesPerUnit: 6 },
  { activity: 'appointments', minutesPerUnit: 45, conversion: 0.1 },
  { activity: 'recruits', minutesPerUnit: 60, conversion: 0.2 },
];

describe.each(dialects)('funnels on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-01-05T12:00:00Z') });
  });
  afterAll(() => test.cleanup());

  it("stores the seeds' funnel, making its activities, and solves it to 10 calls a day and 9.75 h", async () => {
    const { funnels, activities } = test.bigrock;
    const funnel = await funnels.create({
      name: 'Warm market',
      target: 12,
      unit: 'recruits',
      startDate: '2026-01-05',
      deadline: '2026-03-30',
      hoursPerWeek: 10,
      workdaysPerWeek: 5,
      stages: seedsStages,
    });
    expect(
      funnel.stages.map(({ activity, minutesPerUnit, conversionGuess }) => [activity, minutesPerUnit, conversionGuess]),
    ).toEqual([
      ['calls', 6, null],
      ['appointments', 45, 0.1],
      ['recruits', 60, 0.2],
    ]);
    expect((await activities.get('appointments')).activity).toMatchObject({
      minutesPerUnit: 45,
      activityClass: 'income',
    });
    expect(await funnels.find('warm market')).toEqual(funnel);

    const solution = await funnels.solve('Warm market');
    expect(solution).toMatchObject({
      feasible: true,
      hoursPerWeek: 9.75,
      hoursAvailable: 10,
      stages: [
        { activity: 'calls', perWeek: 50, perDay: 10 },
        { activity: 'appointments', perWeek: 5, perDay: 1 },
        { activity: 'recruits', perWeek: 1, perDay: 0.2 },
      ],
      tradeoffs: [],
      conversions: [
        { from: 'calls', to: 'appointments', guess: 0.1, learned: null },
        { from: 'appointments', to: 'recruits', guess: 0.2, learned: null },
      ],
      asOf: '2026-01-05',
    });
    expect(solution.probability).toBeGreaterThan(0);
  });

  it('is not feasible at 8 h, and lists the trade-offs', async () => {
    const { funnels } = test.bigrock;
    await funnels.update('Warm market', { hoursPerWeek: 8 });
    const solution = await funnels.solve('Warm market');
    expect(solution.feasible).toBe(false);
    expect(solution.tradeoffs.map(({ kind }) => kind)).toEqual([
      'later-deadline',
      'better-conversion',
      'better-conversion',
      'more-hours',
      'lower-target',
    ]);
    await funnels.update('Warm market', { hoursPerWeek: 10 });
  });

  it('after 100 calls, 6 appointments and 1 recruit, asks for more calls than before and says why', async () => {
    const { funnels, activities } = test.bigrock;
    const before = await funnels.solve('Warm market', { asOf: '2026-01-05' });
    for (let day = 5; day <= 16; day += 1) {
      if (day === 10 || day === 11) continue;
      await activities.log('calls', { count: 10, date: `2026-01-${String(day).padStart(2, '0')}` });
    }
    await activities.log('appointments', { count: 6, date: '2026-01-14' });
    await activities.log('recruits', { count: 1, date: '2026-01-16' });

    const after = await funnels.solve('Warm market', { asOf: '2026-01-19' });
    expect(after.conversions[0]).toMatchObject({ trials: 100, successes: 6, learned: 0.0636 });
    expect(after.stages[0]?.perDay).toBeGreaterThan(before.stages[0]?.perDay ?? Infinity);
    expect(after.stages[0]?.perDay).toBeCloseTo(18.44, 2);
    expect(after.notes[0]).toBe(
      '100 calls gave 6 appointments: the plan uses 6.4% (90% range 3.1% to 10.6%) instead of your guess of 10%.',
    );
    expect(after.notes).toContain(
      'With what you logged, the plan asks for 18.4 calls a day; your guesses alone asked for 11.',
    );
    expect(after.outcome).toMatchObject({ achieved: 1, remaining: 11 });
  });

  it('takes the target, dates and hours from its goal, and applies its rates to the activities', async () => {
    const { funnels, goals } = test.bigrock;
    const goal = await goals.create({
      title: 'Sign 4 consulting projects',
      target: 4,
      unit: 'projects',
      startDate: '2026-01-05',
      deadline: '2026-03-02',
      hoursPerWeek: 5,
    });
    await funnels.create({
      name: 'Consulting',
      goalId: goal.id,
      stages: [
        { activity: 'pitches', minutesPerUnit: 15 },
        { activity: 'projects', minutesPerUnit: 0, conversion: 0.25 },
      ],
    });
    const solution = await funnels.solve('Consulting');
    // 4 projects in 8 weeks: 0.5 a week, 2 pitches a week, 30 minutes.
    expect(solution.stages.map(({ perWeek }) => perWeek)).toEqual([2, 0.5]);
    expect(solution.hoursPerWeek).toBe(0.5);
    expect(solution.plan.goal).toMatchObject({ target: 4, unit: 'projects', deadline: '2026-03-02' });

    const checkOf = async () => (await goals.check(goal.id)).dimensions.find(({ key }) => key === 'achievable')?.status;
    expect(await checkOf()).toBe('warn');
    const { activities } = await funnels.apply('Consulting');
    expect(activities.map(({ name, rate, ratePeriod, goalIds }) => ({ name, rate, ratePeriod, goalIds }))).toEqual([
      { name: 'pitches', rate: 0.4, ratePeriod: 'day', goalIds: [goal.id] },
      { name: 'projects', rate: 0.5, ratePeriod: 'week', goalIds: [goal.id] },
    ]);
    expect(await checkOf()).toBe('pass');
  });

  it('says which field is missing or wrong', async () => {
    const { funnels } = test.bigrock;
    await funnels.create({ name: 'Vague', stages: [{ activity: 'posts' }] });
    await expect(funnels.solve('Vague')).rejects.toMatchObject({ code: 'invalid-input', field: 'target' });
    await expect(
      funnels.create({ name: 'No rate', stages: [{ activity: 'calls' }, { activity: 'appointments' }] }),
    ).rejects.toMatchObject({ field: 'stages.1.conversion' });
    await expect(funnels.create({ name: 'warm MARKET', stages: [{ activity: 'calls' }] })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      funnels.create({ name: 'Lost', goalId: 'nope', stages: [{ activity: 'calls' }] }),
    ).rejects.toMatchObject({
      field: 'goalId',
    });
    await expect(funnels.solve('Warm market', { asOf: '2026-04-01' })).rejects.toMatchObject({ field: 'deadline' });
    await expect(funnels.solve('nothing')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('deletes a funnel and leaves its activities', async () => {
    const { funnels, activities } = test.bigrock;
    await funnels.delete('Vague');
    await expect(funnels.find('Vague')).rejects.toMatchObject({ code: 'not-found' });
    expect((await activities.get('posts')).activity.name).toBe('posts');
  });
});

describe.each(dialects)('the demo on %s', (dialect) => {
  let test: TestBigrock;
  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z') });
  });
  afterAll(() => test.cleanup());

  it("carries the seeds' activities and funnel, which make the recruits goal achievable and activity-based", async () => {
    const { demo, goals, funnels, activities } = test.bigrock;
    await demo.load();
    expect((await activities.list()).map(({ activity, hoursPerWeek }) => [activity.name, hoursPerWeek])).toEqual([
      ['appointments', 3.75],
      ['calls', 5],
      ['recruits', 1],
    ]);
    const recruits = (await goals.list()).find(({ goal }) => goal.unit === 'recruits');
    const statusOf = (key: string) => recruits?.check.dimensions.find((dimension) => dimension.key === key)?.status;
    expect(statusOf('achievable')).toBe('pass');
    expect(statusOf('activity-based')).toBe('pass');

    const solution = await funnels.solve('Warm market');
    expect(solution.plan.goal).toMatchObject({ target: 12, unit: 'recruits' });
    expect(solution.conversions.map(({ trials, successes }) => [trials, successes])).toEqual([
      [250, 20],
      [20, 3],
    ]);
    expect(solution.outcome.achieved).toBe(3);
  });
});
