import { describe, expect, it } from 'vitest';

import { WEEKS_PER_MONTH } from '../activities/activity.js';
import { dripQuadrant, triageTask, triageTotals, triageValueBasis, type TriageInput } from './triage-plan.js';
import { createTriageTaskSchema, triageOverrideSchema, updateTriageTaskSchema } from './triage-task.js';

const usd100 = triageValueBasis({ hourlyValue: 100, targetHourlyRate: 80, currency: 'USD' });

const task = (fields: Partial<TriageInput>): TriageInput => ({
  hoursPerWeek: 1,
  energy: 'draining',
  producesIncome: false,
  needed: true,
  onlyMe: false,
  outsourceRate: null,
  automationOnce: null,
  automationMonthly: null,
  reviewHoursPerWeek: 0,
  override: null,
  ...fields,
});

describe('the value an hour is weighed at', () => {
  it('is the hourly value when there is one, else the target rate, else none, and says which', () => {
    expect(usd100).toEqual({ source: 'hourly-value', hourlyValue: 100, buybackRate: 25, currency: 'USD' });
    // No revenue yet: an hourly value of 0 is no hourly value.
    expect(triageValueBasis({ hourlyValue: 0, targetHourlyRate: 80, currency: 'EUR' })).toEqual({
      source: 'target-rate',
      hourlyValue: 80,
      buybackRate: 20,
      currency: 'EUR',
    });
    expect(triageValueBasis({ hourlyValue: null, targetHourlyRate: null, currency: 'EUR' })).toMatchObject({
      source: 'none',
      hourlyValue: null,
      buybackRate: null,
    });
  });
});

describe('the DRIP matrix', () => {
  it('sorts by money and energy', () => {
    expect(dripQuadrant({ producesIncome: true, energy: 'energizing' })).toBe('produce');
    expect(dripQuadrant({ producesIncome: true, energy: 'draining' })).toBe('replace');
    expect(dripQuadrant({ producesIncome: false, energy: 'energizing' })).toBe('invest');
    expect(dripQuadrant({ producesIncome: false, energy: 'draining' })).toBe('delegate');
  });
});

describe('triage of one task', () => {
  it('delegates bookkeeping whose full cost, review time included, is under the hours’ worth', () => {
    // 3 h a week = 13 h a month. Cash 25 × 13 = 325; review 0.5 × 52/12 × 100 = 216.67; full 541.67 < 1,300.
    const verdict = triageTask(task({ hoursPerWeek: 3, outsourceRate: 25, reviewHoursPerWeek: 0.5 }), usd100, 'en');
    expect(verdict.quadrant).toBe('delegate');
    expect(verdict.recommended).toBe('delegate');
    expect(verdict.hoursPerMonth).toBeCloseTo(13, 10);
    expect(verdict.delegation?.cashPerMonth).toBeCloseTo(325, 10);
    expect(verdict.delegation?.reviewValuePerMonth).toBeCloseTo(216.6667, 3);
    expect(verdict.delegation?.fullCostPerMonth).toBeCloseTo(541.6667, 3);
    expect(verdict.delegation?.underBuyback).toBe(true);
    // Frees the hours less the review: 2.5 × 52/12 = 10.83 h, worth 1,083.33, for 325 a month.
    expect(verdict.hoursFreedPerMonth).toBeCloseTo(10.8333, 3);
    expect(verdict.valueFreedPerMonth).toBeCloseTo(1083.333, 2);
    expect(verdict.costPerMonth).toBeCloseTo(325, 10);
    expect(verdict.reason).toContain('$541.67 a month with your review time, against $1,300.00');
    expect(verdict.reason).toContain('buyback rate of $25.00');
  });

  it('keeps a task whose review time makes delegating cost more than it frees', () => {
    // 2 h a week: cash 90 × 8.67 = 780, review 1 × 4.33 × 100 = 433.33; 1,213.33 > 866.67.
    const verdict = triageTask(task({ hoursPerWeek: 2, outsourceRate: 90, reviewHoursPerWeek: 1 }), usd100, 'en');
    expect(verdict.delegation?.pays).toBe(false);
    expect(verdict.recommended).toBe('batch');
    expect(verdict.hoursFreedPerMonth).toBe(0);
    expect(verdict.reason).toContain('(it does not pay)');
  });

  it('automates invoicing when the automation pays back within a year and beats delegating', () => {
    // 2 h a week = 8.67 h a month, worth 866.67; less 20 a month = 846.67; 300 ÷ 846.67 = 0.354 months.
    const verdict = triageTask(
      task({
        hoursPerWeek: 2,
        outsourceRate: 30,
        reviewHoursPerWeek: 0.25,
        automationOnce: 300,
        automationMonthly: 20,
      }),
      usd100,
      'en',
    );
    expect(verdict.automation?.paybackMonths).toBeCloseTo(300 / (2 * WEEKS_PER_MONTH * 100 - 20), 10);
    expect(verdict.automation?.paybackMonths).toBeCloseTo(0.3543, 3);
    // First year: 12 × 846.67 − 300 = 9,860 against delegating's 12 × (866.67 − 368.33) = 5,980.
    expect(verdict.automation?.firstYearNet).toBeCloseTo(9860, 6);
    expect(verdict.delegation?.firstYearNet).toBeCloseTo(5980, 6);
    expect(verdict.recommended).toBe('automate');
    expect(verdict.hoursFreedPerMonth).toBeCloseTo(8.6667, 3);
    expect(verdict.costPerMonth).toBe(20);
    expect(verdict.oneOffCost).toBe(300);
    expect(verdict.reason).toContain('pays back in 0.4 months');
  });

  it('does not automate when the payback is longer than 12 months', () => {
    // 1 h a week: 433.33 a month; 10,000 ÷ 433.33 = 23.1 months.
    const verdict = triageTask(task({ automationOnce: 10_000 }), usd100, 'en');
    expect(verdict.automation?.paybackMonths).toBeCloseTo(23.077, 3);
    expect(verdict.automation?.pays).toBe(false);
    expect(verdict.recommended).toBe('batch');
    // A subscription that costs more than the hours are worth never pays back.
    expect(triageTask(task({ automationMonthly: 500 }), usd100).automation?.paybackMonths).toBeNull();
  });

  it("keeps seed 004's weekly networking event (3 h with the drive) as produce when only you can go", () => {
    const verdict = triageTask(task({ hoursPerWeek: 3, producesIncome: true, onlyMe: true }), usd100, 'en');
    expect(verdict.quadrant).toBe('replace');
    expect(verdict.recommended).toBe('produce');
    expect(verdict.hoursPerMonth).toBeCloseTo(13, 10);
    expect(verdict.valueFreedPerMonth).toBe(0);
  });

  it('drops what neither earns nor supports anything, freeing all its hours for nothing', () => {
    const verdict = triageTask(task({ hoursPerWeek: 2, needed: false, outsourceRate: 5 }), usd100, 'en');
    expect(verdict.recommended).toBe('drop');
    expect(verdict.hoursFreedPerMonth).toBeCloseTo(8.6667, 3);
    expect(verdict.costPerMonth).toBe(0);
  });

  it('batches an energizing task that earns nothing, and never hands off what only you can do', () => {
    expect(triageTask(task({ energy: 'energizing', outsourceRate: 1 }), usd100).recommended).toBe('batch');
    const onlyMe = triageTask(task({ onlyMe: true, outsourceRate: 1 }), usd100);
    expect(onlyMe.delegation).toBeNull();
    expect(onlyMe.recommended).toBe('batch');
    expect(onlyMe.reason).toContain('only you can do it');
  });

  it('weighs nothing without an hourly value or a target rate, and says to set one', () => {
    const none = triageValueBasis({ hourlyValue: null, targetHourlyRate: null, currency: 'USD' });
    const verdict = triageTask(task({ outsourceRate: 10 }), none);
    expect(verdict.recommended).toBe('batch');
    expect(verdict.valueFreedPerMonth).toBeNull();
    expect(verdict.reason).toContain('set a target rate');
  });

  it("follows the user's override, with the override's figures", () => {
    const verdict = triageTask(
      task({ hoursPerWeek: 3, outsourceRate: 25, override: { action: 'batch', reason: 'I like it' } }),
      usd100,
    );
    expect(verdict.recommended).toBe('delegate');
    expect(verdict.action).toBe('batch');
    expect(verdict.overridden).toBe(true);
    expect(verdict.hoursFreedPerMonth).toBe(0);
  });
});

describe('the plan', () => {
  it('adds up the hours freed, their worth and their cost, exactly the rows', () => {
    const verdicts = [
      triageTask(task({ hoursPerWeek: 3, outsourceRate: 25, reviewHoursPerWeek: 0.5 }), usd100),
      triageTask(task({ hoursPerWeek: 2, automationOnce: 300, automationMonthly: 20 }), usd100),
      triageTask(task({ hoursPerWeek: 2, needed: false }), usd100),
    ];
    const totals = triageTotals(verdicts, usd100);
    // 10.83 + 8.67 + 8.67 = 28.17 h a month (6.5 h a week), worth 2,816.67, for 345 a month and 300 once.
    expect(totals.hoursFreedPerMonth).toBeCloseTo(28.1667, 3);
    expect(totals.hoursFreedPerWeek).toBeCloseTo(6.5, 10);
    expect(totals.valueFreedPerMonth).toBeCloseTo(2816.667, 2);
    expect(totals.costPerMonth).toBeCloseTo(345, 10);
    expect(totals.oneOffCost).toBe(300);
    expect(totals.netPerMonth).toBeCloseTo(2471.667, 2);
  });
});

describe('the input', () => {
  it('needs a name, a known energy, and an estimate or an activity', () => {
    expect(createTriageTaskSchema.safeParse({ name: 'Email', energy: 'draining', hoursPerWeek: 3 }).success).toBe(true);
    expect(createTriageTaskSchema.safeParse({ name: 'Email', energy: 'draining', activity: 'email' }).success).toBe(
      true,
    );
    const noHours = createTriageTaskSchema.safeParse({ name: 'Email', energy: 'draining' });
    expect(noHours.error?.issues[0]?.path).toEqual(['hoursPerWeek']);
    const energy = createTriageTaskSchema.safeParse({ name: 'Email', energy: 'boring', hoursPerWeek: 1 });
    expect(energy.error?.issues[0]?.path).toEqual(['energy']);
  });

  it('refuses negative costs, impossible hours, NUL and unknown keys, naming the field', () => {
    const refused = (input: Record<string, unknown>) => updateTriageTaskSchema.safeParse(input).error?.issues[0];
    expect(refused({ outsourceRate: -1 })?.path).toEqual(['outsourceRate']);
    expect(refused({ automationOnce: 1e12 })?.path).toEqual(['automationOnce']);
    expect(refused({ hoursPerWeek: 169 })?.path).toEqual(['hoursPerWeek']);
    expect(refused({ reviewHoursPerWeek: -0.5 })?.path).toEqual(['reviewHoursPerWeek']);
    expect(refused({ name: 'a\u0000b' })?.path).toEqual(['name']);
    expect(refused({ name: 'x'.repeat(121) })?.path).toEqual(['name']);
    expect(refused({ colour: 'red' })?.code).toBe('unrecognized_keys');
    expect(triageOverrideSchema.safeParse({ action: 'keep', reason: 'x' }).error?.issues[0]?.path).toEqual(['action']);
    expect(triageOverrideSchema.safeParse({ action: 'batch', reason: ' ' }).error?.issues[0]?.path).toEqual(['reason']);
  });
});
