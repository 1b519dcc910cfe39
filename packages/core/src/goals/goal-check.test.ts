import { describe, expect, it } from 'vitest';

import { checkGoal, goalDimensions, type CheckedGoal, type GoalCheckContext } from './goal-check.js';

const vague: CheckedGoal = {
  title: 'Get rich',
  level: null,
  unit: null,
  target: null,
  startDate: '2026-01-01',
  deadline: null,
  why: null,
  parentId: null,
  systems: null,
  owner: null,
  partner: null,
  hoursPerWeek: null,
};

const smarter: CheckedGoal = {
  title: 'Recruit 12 distributors from my warm market',
  level: 'quarterly',
  unit: 'recruits',
  target: 12,
  startDate: '2026-01-01',
  deadline: '2026-03-26',
  why: 'A team of 12 gets me to business leader level',
  parentId: 'dream',
  systems: 'Invitation script and three-way calls',
  owner: 'me',
  partner: 'Maria',
  hoursPerWeek: 10,
};

const context: GoalCheckContext = {
  today: '2026-01-10',
  dataPointCount: 1,
  lastDataPointDate: '2026-01-09',
  activities: { count: 3, hoursPerWeek: 9.75 },
};

const statusOf = (goal: CheckedGoal, ctx: GoalCheckContext = context) =>
  Object.fromEntries(checkGoal(goal, ctx).dimensions.map(({ key, status }) => [key, status]));

describe('checkGoal', () => {
  it('scores the ten dimensions in the order of SMARTER', () => {
    expect(checkGoal(vague, context).dimensions.map(({ key }) => key)).toEqual([...goalDimensions]);
  });

  it('passes a goal that answers every dimension, with a full score', () => {
    const check = checkGoal(smarter, context);
    expect(check.score).toBe(100);
    expect(check.dimensions.every(({ fix }) => fix === null)).toBe(true);
  });

  it('fails a vague goal where it says nothing, each with a fix to act on', () => {
    const check = checkGoal(vague, { ...context, dataPointCount: 0, lastDataPointDate: null, activities: null });
    expect(statusOf(vague, { ...context, activities: null })).toMatchObject({
      specific: 'fail',
      measurable: 'fail',
      'time-bound': 'fail',
      meaningful: 'fail',
      'track-able': 'fail',
      achievable: 'warn',
      'activity-based': 'warn',
    });
    expect(check.dimensions.find(({ key }) => key === 'measurable')?.fix).toBe(
      'Add a target number and a unit, e.g. target 12, unit "recruits".',
    );
    expect(check.dimensions.filter(({ status }) => status !== 'pass').every(({ fix }) => (fix ?? '').length > 20)).toBe(
      true,
    );
    expect(check.score).toBe(25);
  });

  it('warns on measurable when the target has no unit', () => {
    expect(statusOf({ ...smarter, unit: null }).measurable).toBe('warn');
  });

  it('computes achievable from the activity hours against the hours available', () => {
    expect(statusOf(smarter, { ...context, activities: { count: 3, hoursPerWeek: 12 } }).achievable).toBe('fail');
    expect(statusOf({ ...smarter, hoursPerWeek: null }).achievable).toBe('warn');
    expect(statusOf(smarter, { ...context, activities: null }).achievable).toBe('warn');
  });

  it('warns on a deadline less than a week away or more than three years away', () => {
    expect(statusOf({ ...smarter, deadline: '2026-01-04' })['time-bound']).toBe('warn');
    expect(statusOf({ ...smarter, deadline: '2030-01-04' })['time-bound']).toBe('warn');
    expect(statusOf({ ...smarter, level: 'dream', deadline: '2030-01-04' })['time-bound']).toBe('pass');
    expect(statusOf({ ...smarter, deadline: '2025-12-01' })['time-bound']).toBe('fail');
  });

  it('counts a dream as relevant on its own, and any other goal once it has a parent', () => {
    expect(statusOf({ ...smarter, parentId: null }).relevant).toBe('warn');
    expect(statusOf({ ...smarter, parentId: null, level: 'dream' }).relevant).toBe('pass');
  });

  it('warns on track-able when nothing has been logged for over two weeks', () => {
    expect(statusOf(smarter, { ...context, today: '2026-02-01', lastDataPointDate: '2026-01-09' })['track-able']).toBe(
      'warn',
    );
    expect(
      statusOf(smarter, { ...context, today: '2026-02-01', dataPointCount: 0, lastDataPointDate: null })['track-able'],
    ).toBe('warn');
  });

  it('asks for a partner to make it responsible', () => {
    expect(statusOf({ ...smarter, partner: ' ' }).responsible).toBe('warn');
  });
});
