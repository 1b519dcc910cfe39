import { DEFAULT_WORKING_HOURS } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

const utc = (ms: number) => new Date(ms).toISOString();

// Wednesday 25 March 2026, 11:30 in Paris; the clocks go forward on Sunday 29 March.
describe.each(dialects)('the planner on %s', (dialect) => {
  let test: TestBigrock;
  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-03-25T10:30:00Z'), timeZone: 'Europe/Paris' });
  });
  afterAll(() => test.cleanup());

  it("makes a week from seed 000's template, with its activities, on the workspace's clocks across the change", async () => {
    const { planner, activities } = test.bigrock;
    expect((await planner.templates()).map(({ name, stored }) => [name, stored])).toEqual([
      ['social-selling', false],
      ['freelancer', false],
      ['coach', false],
    ]);
    const week = await planner.applyTemplate('Social-Selling', { week: '2026-W13' });
    expect(week).toMatchObject({ week: '2026-W13', made: true, template: 'social-selling', timeZone: 'Europe/Paris' });
    const monday = week.blocks[0];
    expect(monday).toMatchObject({
      date: '2026-03-23',
      start: '09:00',
      end: '11:00',
      activity: 'posts and invitations',
    });
    expect(utc(monday?.startMs ?? 0)).toBe('2026-03-23T08:00:00.000Z');
    expect(week.blocks.filter((block) => block.activity === 'Facebook').map((block) => block.weekday)).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ]);
    expect((await activities.list()).map(({ activity }) => activity.name).sort()).toEqual([
      'Facebook',
      'conversations',
      'posts and invitations',
      'team training',
    ]);
    // The next week is not made: it follows the template, 09:00 in Paris now being 07:00 UTC.
    const next = await planner.week({ week: '2026-W14' });
    expect(next.made).toBe(false);
    expect(next.blocks[0]?.id).toMatch(/^t\./);
    expect(utc(next.blocks[0]?.startMs ?? 0)).toBe('2026-03-30T07:00:00.000Z');
    expect((await planner.templates())[0]).toMatchObject({ name: 'social-selling', stored: true, active: true });
  });

  it('lets a week change without touching the template or the other weeks', async () => {
    const { planner } = test.bigrock;
    const next = await planner.week({ week: '2026-W14' });
    const posts = next.blocks[0];
    const moved = await planner.editBlock(posts?.id ?? '', { weekday: 'tue', start: '10:00', end: '11:30' });
    expect(moved).toMatchObject({ date: '2026-03-31', weekday: 'tue', start: '10:00', end: '11:30' });
    expect(moved.id).not.toMatch(/^t\./);
    expect((await planner.week({ week: '2026-W14' })).made).toBe(true);
    const template = await planner.template('social-selling');
    expect(template.rows[0]).toMatchObject({ weekday: 'mon', start: '09:00', end: '11:00' });
    expect((await planner.week({ week: '2026-W15' })).blocks[0]).toMatchObject({ weekday: 'mon', start: '09:00' });
    expect((await planner.week({ week: '2026-W13' })).blocks[0]).toMatchObject({ weekday: 'mon', start: '09:00' });

    const thisWeek = await planner.week({ week: '2026-W13' });
    const facebookFriday = thisWeek.blocks.find((block) => block.activity === 'Facebook' && block.weekday === 'fri');
    const skipped = await planner.skipBlock(facebookFriday?.id ?? '');
    expect(skipped.skipped).toBe(true);
    const after = await planner.week({ week: '2026-W13' });
    expect(after.capacity.plannedHours).toBe(thisWeek.capacity.plannedHours - 1);
    await planner.removeBlock(facebookFriday?.id ?? '');
    expect((await planner.week({ week: '2026-W13' })).blocks).toHaveLength(thisWeek.blocks.length - 1);
    await expect(planner.editBlock(facebookFriday?.id ?? '', { note: 'x' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(planner.editBlock(moved.id, { start: '12:00' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'end',
      message: 'end: must be after the start (12:00).',
    });
  });

  it('adds a block to one week, or a repeating one to the template', async () => {
    const { planner, activities } = test.bigrock;
    await activities.create({ name: 'calls', rate: 10, ratePeriod: 'day', minutesPerUnit: 6, startDate: '2026-03-02' });
    const once = await planner.addBlock({
      kind: 'deep-work',
      weekday: 'sat',
      start: '09:00',
      end: '10:00',
      week: '2026-W13',
    });
    expect(once.block).toMatchObject({ date: '2026-03-28', templateBlockId: null });
    expect((await planner.week({ week: '2026-W15' })).blocks.some((block) => block.weekday === 'sat')).toBe(false);

    const repeating = await planner.addBlock({
      activity: 'Calls',
      weekday: 'sun',
      start: '16:00',
      end: '17:00',
      every: 2,
      week: '2026-W13',
      until: '2026-05-31',
    });
    expect(repeating.block).toMatchObject({ date: '2026-03-29', activity: 'calls' });
    // W13 was made: it has the block; W14 is made and skips a week anyway; W15 follows the template.
    const sundays = async (week: string) =>
      (await planner.week({ week })).blocks.filter((block) => block.activity === 'calls').map((block) => block.date);
    expect(await sundays('2026-W13')).toEqual(['2026-03-29']);
    expect(await sundays('2026-W14')).toEqual([]);
    expect(await sundays('2026-W15')).toEqual(['2026-04-12']);
    expect(await sundays('2026-W16')).toEqual([]);
    expect(await sundays('2026-W23')).toEqual([]);
    await expect(
      planner.addBlock({ activity: 'nobody', weekday: 'mon', start: '09:00', end: '10:00' }),
    ).rejects.toMatchObject({ field: 'activity' });
  });

  it("measures each block against the time tracked in it, and the week's capacity against its funnel", async () => {
    const { planner, entries, funnels } = test.bigrock;
    await entries.add({ activity: 'Facebook', start: '2026-03-23 13:00', end: '2026-03-23 13:45' });
    await entries.add({ activity: 'YouTube', start: '2026-03-23 13:45', end: '2026-03-23 14:30' });
    await funnels.create({
      name: 'Warm market',
      target: 12,
      unit: 'recruits',
      startDate: '2026-03-23',
      deadline: '2026-06-15',
      hoursPerWeek: 10,
      stages: [
        { activity: 'calls', minutesPerUnit: 6 },
        { activity: 'appointments', minutesPerUnit: 45, conversion: 0.1 },
        { activity: 'recruits', minutesPerUnit: 60, conversion: 0.2 },
      ],
    });
    const week = await planner.week({ week: '2026-W13', hoursAvailable: 30 });
    const facebook = week.blocks.find((block) => block.activity === 'Facebook' && block.weekday === 'mon');
    const actual = week.actual.blocks.find((block) => block.blockId === facebook?.id);
    expect(actual).toMatchObject({
      plannedSeconds: 3600,
      keptSeconds: 2700,
      adherence: 0.75,
      byActivity: [
        { activity: 'Facebook', seconds: 2700 },
        { activity: 'YouTube', seconds: 900 },
      ],
    });
    expect(week.actual.days.map(({ date }) => date)).toHaveLength(7);
    expect(week.capacity.funnels[0]?.message).toBe(
      'The funnel "Warm market" needs 9.75 h a week of calls, appointments and recruits; the plan keeps 1 h for them.',
    );
    expect(week.capacity).toMatchObject({ fits: false, hoursAvailable: 30 });
    expect(week.capacity.problems[0]).toContain('something must go');
    expect(week.capacity.cut.length).toBeGreaterThan(0);
    await expect(planner.week({ week: '2026-W13', hoursAvailable: 200 })).rejects.toMatchObject({
      field: 'hoursAvailable',
    });
  });

  it('keeps one big rock a day, and the next cannot be finished while an earlier one is open', async () => {
    const { planner, goals } = test.bigrock;
    const goal = await goals.create({ title: 'Recruit 12', target: 12, unit: 'recruits' });
    await planner.setRock({ title: 'Call list', date: '2026-03-24', goalId: goal.id, estimateMinutes: 120 });
    const today = await planner.setRock({ title: 'Presentation', activity: 'calls' });
    expect(today).toMatchObject({ date: '2026-03-25', status: 'open', activityId: expect.any(String) });
    await expect(planner.rockDone()).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Finish "Call list"'),
    });
    expect(await planner.rockStart()).toMatchObject({ allowed: false, blockedBy: { title: 'Call list' } });
    await expect(planner.rockCarry({ date: '2026-03-24', reason: 'The list was not ready' })).rejects.toMatchObject({
      code: 'conflict',
      field: 'to',
    });
    const { carried, next } = await planner.rockCarry({
      date: '2026-03-24',
      to: '2026-03-26',
      reason: 'The list was not ready',
    });
    expect(carried).toMatchObject({
      status: 'carried',
      carriedTo: '2026-03-26',
      carryReason: 'The list was not ready',
    });
    expect(next).toMatchObject({ date: '2026-03-26', status: 'open', title: 'Call list', goalId: goal.id });
    expect(await planner.rockDone()).toMatchObject({ status: 'done', doneAt: '2026-03-25T10:30:00.000Z' });
    await expect(planner.setRock({ title: 'Other' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(planner.setRock({ title: 'x', goalId: 'nope' })).rejects.toMatchObject({ field: 'goalId' });

    const day = await planner.day();
    expect(day).toMatchObject({
      date: '2026-03-25',
      week: '2026-W13',
      rock: { title: 'Presentation', status: 'done' },
    });
    expect(day.blocks.every((block) => block.date === '2026-03-25')).toBe(true);
    expect(day.blocks.some((block) => block.activity === 'Facebook')).toBe(true);
    expect(day.activitiesBehind.map(({ name }) => name)).toContain('calls');
    expect(day.yesterday).toMatchObject({ date: '2026-03-24', rock: { status: 'carried' } });
    expect(day.yesterday.actual.days[0]?.adherence).toBe(0);
  });
  it("counts the workspace's working hours that week as the hours available, unless hours are given", async () => {
    const { planner, workspace } = test.bigrock;
    expect((await planner.week({ week: '2026-W15' })).capacity.hoursAvailable).toBe(40);
    await workspace.update({
      workingHours: { mon: { start: '09:00', end: '13:00' }, tue: { start: '09:00', end: '17:00' } },
    });
    expect((await planner.week({ week: '2026-W15' })).capacity.hoursAvailable).toBe(12);
    expect((await planner.week({ week: '2026-W15', hoursAvailable: 30 })).capacity.hoursAvailable).toBe(30);
    // The money settings' hours a week, when set, stand for the working hours; hours given still win.
    await test.bigrock.money.update({ hoursPerWeek: 25 });
    expect((await planner.week({ week: '2026-W15' })).capacity.hoursAvailable).toBe(25);
    expect((await planner.week({ week: '2026-W15', hoursAvailable: 30 })).capacity.hoursAvailable).toBe(30);
    await test.bigrock.money.update({ hoursPerWeek: null });
    expect((await planner.week({ week: '2026-W15' })).capacity.hoursAvailable).toBe(12);
    await workspace.update({ workingHours: DEFAULT_WORKING_HOURS });
  });
});
