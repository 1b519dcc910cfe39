import { WEEKS_PER_MONTH } from '../activities/activity.js';
import { formatMoney } from '../format/format-money.js';
import { formatNumber, type Locale } from '../format/format-number.js';
import { BUYBACK_DIVISOR } from '../money/hourly-value.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { Energy, TriageAction, TriageOverride, TriageTask } from './triage-task.js';

/** An automation is worth it when what it frees has paid its one-off cost back within this many months. */
export const AUTOMATION_PAYBACK_MONTHS = 12;

/** Where the value of an hour comes from: the hourly value measured, else the target rate, else nothing yet. */
export const valueSources = ['hourly-value', 'target-rate', 'none'] as const;
export type ValueSource = (typeof valueSources)[number];

/** The hourly value triage weighs hours with, and where it comes from. */
export interface TriageValueBasis {
  source: ValueSource;
  /** Per hour in `currency`; null when there is neither an hourly value nor a target rate. */
  hourlyValue: number | null;
  /** hourlyValue ÷ 4. */
  buybackRate: number | null;
  currency: string;
}

/**
 * The hourly value measured (revenue ÷ hours) when there is one above 0; else the target rate;
 * else none, and the plan weighs no money.
 *
 * @example triageValueBasis({ hourlyValue: null, targetHourlyRate: 80, currency: 'EUR' }) // { source: 'target-rate', hourlyValue: 80, buybackRate: 20, currency: 'EUR' }
 */
export function triageValueBasis({
  hourlyValue,
  targetHourlyRate,
  currency,
}: {
  hourlyValue: number | null;
  targetHourlyRate: number | null;
  currency: string;
}): TriageValueBasis {
  const [source, value]: [ValueSource, number | null] =
    hourlyValue !== null && hourlyValue > 0
      ? ['hourly-value', hourlyValue]
      : targetHourlyRate !== null && targetHourlyRate > 0
        ? ['target-rate', targetHourlyRate]
        : ['none', null];
  return { source, hourlyValue: value, buybackRate: value === null ? null : value / BUYBACK_DIVISOR, currency };
}

/** The DRIP matrix: money (does the task earn) against energy (does it give or take). */
export const dripQuadrants = ['delegate', 'replace', 'invest', 'produce'] as const;
export type DripQuadrant = (typeof dripQuadrants)[number];

/**
 * The quadrant of DRIP a task falls in: earning and energizing is produce, earning and draining is
 * replace, not earning and energizing is invest, not earning and draining is delegate.
 *
 * @example dripQuadrant({ producesIncome: false, energy: 'draining' }) // 'delegate'
 */
export function dripQuadrant({ producesIncome, energy }: { producesIncome: boolean; energy: Energy }): DripQuadrant {
  if (producesIncome) return energy === 'energizing' ? 'produce' : 'replace';
  return energy === 'energizing' ? 'invest' : 'delegate';
}

/** What triage reads of a task: its fields, with the hours a week it takes (measured or estimated). */
export interface TriageInput {
  hoursPerWeek: number;
  energy: Energy;
  producesIncome: boolean;
  needed: boolean;
  onlyMe: boolean;
  outsourceRate: number | null;
  automationOnce: number | null;
  automationMonthly: number | null;
  reviewHoursPerWeek: number;
  override: TriageOverride | null;
}

/** Delegating, a month: the cash, the review time at the hourly value, and whether it pays. */
export interface DelegationFigures {
  /** outsourceRate × hours a month. */
  cashPerMonth: number;
  /** Review hours a month × the hourly value. */
  reviewValuePerMonth: number;
  /** Cash plus review: the full cost of outsourcing. */
  fullCostPerMonth: number;
  /** What the task's hours are worth a month at the hourly value. */
  hoursValuePerMonth: number;
  /** The full cost is less than the hours' worth. */
  pays: boolean;
  /** The rate is at or under the buyback rate: work to buy back first. */
  underBuyback: boolean;
  /** Over a first year: 12 × (hours' worth − full cost). */
  firstYearNet: number;
}

/** Automating: when the one-off cost is paid back, and what a first year leaves. */
export interface AutomationFigures {
  /** Hours a month × the hourly value − the monthly cost. */
  gainPerMonth: number;
  /** One-off ÷ gain a month; null when it never pays back (no gain). */
  paybackMonths: number | null;
  /** Pays back within AUTOMATION_PAYBACK_MONTHS. */
  pays: boolean;
  /** 12 × gain a month − one-off. */
  firstYearNet: number;
}

/** The recommendation for one task, and what the action finally taken frees and costs a month. */
export interface TriageVerdict {
  quadrant: DripQuadrant;
  recommended: TriageAction;
  /** Why, in words the page and the CLI show. */
  reason: string;
  /** The override's action, else the recommended one: the figures below are this action's. */
  action: TriageAction;
  overridden: boolean;
  /** Hours a week × 52/12. */
  hoursPerMonth: number;
  hoursFreedPerMonth: number;
  /** Hours freed × the hourly value; null with no hourly value. */
  valueFreedPerMonth: number | null;
  /** Cash a month the action costs (the outsourcer, the subscription). */
  costPerMonth: number;
  /** Cash once (the automation's set-up). */
  oneOffCost: number;
  delegation: DelegationFigures | null;
  automation: AutomationFigures | null;
}

function delegationOf(task: TriageInput, value: number | null, buyback: number | null): DelegationFigures | null {
  if (task.onlyMe || task.outsourceRate === null || value === null || buyback === null) return null;
  const hoursPerMonth = task.hoursPerWeek * WEEKS_PER_MONTH;
  const cashPerMonth = task.outsourceRate * hoursPerMonth;
  const reviewValuePerMonth = task.reviewHoursPerWeek * WEEKS_PER_MONTH * value;
  const fullCostPerMonth = cashPerMonth + reviewValuePerMonth;
  const hoursValuePerMonth = hoursPerMonth * value;
  return {
    cashPerMonth,
    reviewValuePerMonth,
    fullCostPerMonth,
    hoursValuePerMonth,
    pays: task.hoursPerWeek > 0 && fullCostPerMonth < hoursValuePerMonth,
    underBuyback: task.outsourceRate <= buyback,
    firstYearNet: 12 * (hoursValuePerMonth - fullCostPerMonth),
  };
}

function automationOf(task: TriageInput, value: number | null): AutomationFigures | null {
  if ((task.automationOnce === null && task.automationMonthly === null) || value === null) return null;
  const once = task.automationOnce ?? 0;
  const gainPerMonth = task.hoursPerWeek * WEEKS_PER_MONTH * value - (task.automationMonthly ?? 0);
  const paybackMonths = gainPerMonth > 0 ? once / gainPerMonth : null;
  return {
    gainPerMonth,
    paybackMonths,
    pays: paybackMonths !== null && paybackMonths <= AUTOMATION_PAYBACK_MONTHS,
    firstYearNet: 12 * gainPerMonth - once,
  };
}

interface Words {
  money(amount: number): string;
  hours(hours: number): string;
  months(months: number): string;
}

function wordsFor(currency: string, locale: Locale | undefined): Words {
  return {
    money: (amount) => formatMoney(amount, currency, locale),
    hours: (hours) => `${formatNumber(hours, 1, locale)} h`,
    months: (months) => `${formatNumber(months, 1, locale)} ${months === 1 ? 'month' : 'months'}`,
  };
}

function recommend(
  task: TriageInput,
  basis: TriageValueBasis,
  delegation: DelegationFigures | null,
  automation: AutomationFigures | null,
  words: Words,
): { action: TriageAction; reason: string } {
  if (!task.producesIncome && !task.needed) {
    return { action: 'drop', reason: 'It neither earns nor supports anything you do: stop doing it.' };
  }
  if (task.producesIncome && task.onlyMe) {
    return { action: 'produce', reason: 'It earns, and only you can do it: keep it, and give it the hours freed.' };
  }
  if (task.producesIncome && task.energy === 'energizing') {
    return { action: 'produce', reason: 'It earns and it energizes you: your best hours, keep them.' };
  }
  if (task.energy === 'energizing') {
    return {
      action: 'batch',
      reason: 'Invest: it earns nothing but energizes you. Keep it, in one block a week rather than scattered.',
    };
  }
  const keep: TriageAction = task.producesIncome ? 'produce' : 'batch';
  const keepWords = task.producesIncome ? 'keep doing it for now' : 'keep it, in one block a week';
  if (basis.hourlyValue === null) {
    return {
      action: keep,
      reason: `It drains you, but there is no hourly value or target rate to weigh delegating or automating against: set a target rate; until then, ${keepWords}.`,
    };
  }
  const value = words.money(basis.hourlyValue);
  const delegationWords =
    delegation === null
      ? task.onlyMe
        ? 'only you can do it'
        : 'no outsourcing rate is given'
      : `delegating costs ${words.money(delegation.fullCostPerMonth)} a month with your review time, against ${words.money(delegation.hoursValuePerMonth)} for your hours at ${value} an hour`;
  if (
    automation?.pays &&
    (delegation === null || !delegation.pays || automation.firstYearNet >= delegation.firstYearNet)
  ) {
    const payback = automation.paybackMonths ?? 0;
    const against =
      delegation?.pays === true
        ? `, and over a first year it leaves ${words.money(automation.firstYearNet)} against delegating's ${words.money(delegation.firstYearNet)}`
        : '';
    return {
      action: 'automate',
      reason: `It drains you, and automating it pays back in ${words.months(payback)} (${words.money(automation.gainPerMonth)} a month freed after its monthly cost)${against}.`,
    };
  }
  if (delegation?.pays) {
    const buyback =
      delegation.underBuyback && basis.buybackRate !== null
        ? ` Its rate is within your buyback rate of ${words.money(basis.buybackRate)} an hour: buy this time back first.`
        : '';
    return {
      action: 'delegate',
      reason: `It drains you, and ${delegationWords}: it pays.${buyback}`,
    };
  }
  const automationWords =
    automation === null
      ? 'no automation cost is given'
      : automation.paybackMonths === null
        ? 'automating it never pays back'
        : `automating it pays back only in ${words.months(automation.paybackMonths)}`;
  return {
    action: keep,
    reason: `It drains you, but ${delegationWords}${delegation !== null ? ' (it does not pay)' : ''}, and ${automationWords}: ${keepWords}${task.producesIncome ? ', and replace yourself when someone can do it for less' : ''}.`,
  };
}

function figuresOf(
  action: TriageAction,
  task: TriageInput,
): { hoursFreedPerMonth: number; costPerMonth: number; oneOffCost: number } {
  const hoursPerMonth = task.hoursPerWeek * WEEKS_PER_MONTH;
  switch (action) {
    case 'drop':
      return { hoursFreedPerMonth: hoursPerMonth, costPerMonth: 0, oneOffCost: 0 };
    case 'automate':
      return {
        hoursFreedPerMonth: hoursPerMonth,
        costPerMonth: task.automationMonthly ?? 0,
        oneOffCost: task.automationOnce ?? 0,
      };
    case 'delegate':
      return {
        hoursFreedPerMonth: Math.max(0, task.hoursPerWeek - task.reviewHoursPerWeek) * WEEKS_PER_MONTH,
        costPerMonth: (task.outsourceRate ?? 0) * hoursPerMonth,
        oneOffCost: 0,
      };
    case 'batch':
    case 'produce':
      return { hoursFreedPerMonth: 0, costPerMonth: 0, oneOffCost: 0 };
  }
}

/**
 * What to do with one recurring task, and what doing it frees and costs a month. The rules, first
 * that applies (TRIAGE_RULES says them in words):
 * 1. drop: it earns nothing and supports nothing (the user says so).
 * 2. produce: it earns, and only the user can do it, or it energizes them.
 * 3. batch (invest): it earns nothing and energizes the user.
 * 4. draining (delegate or replace): automate when the automation pays back within 12 months and
 *    leaves more over a first year than delegating; else delegate when the full cost (cash plus
 *    review hours at the hourly value) is under the hours' worth; else batch (or produce, if it earns).
 *
 * @example
 * triageTask({ hoursPerWeek: 3, energy: 'draining', producesIncome: false, needed: true, onlyMe: false,
 *   outsourceRate: 25, automationOnce: null, automationMonthly: null, reviewHoursPerWeek: 0.5, override: null },
 *   triageValueBasis({ hourlyValue: 100, targetHourlyRate: null, currency: 'USD' })).recommended // 'delegate'
 */
export function triageTask(task: TriageInput, basis: TriageValueBasis, locale?: Locale): TriageVerdict {
  const delegation = delegationOf(task, basis.hourlyValue, basis.buybackRate);
  const automation = automationOf(task, basis.hourlyValue);
  const words = wordsFor(basis.currency, locale);
  const { action: recommended, reason } = recommend(task, basis, delegation, automation, words);
  const action = task.override?.action ?? recommended;
  const figures = figuresOf(action, task);
  return {
    quadrant: dripQuadrant(task),
    recommended,
    reason,
    action,
    overridden: task.override !== null,
    hoursPerMonth: task.hoursPerWeek * WEEKS_PER_MONTH,
    ...figures,
    valueFreedPerMonth: basis.hourlyValue === null ? null : figures.hoursFreedPerMonth * basis.hourlyValue,
    delegation,
    automation,
  };
}

/** The whole plan a month: the hours the actions free, their worth, and what they cost. */
export interface TriageTotals {
  hoursFreedPerMonth: number;
  hoursFreedPerWeek: number;
  /** Null with no hourly value. */
  valueFreedPerMonth: number | null;
  costPerMonth: number;
  oneOffCost: number;
  /** Worth − cost a month; null with no hourly value. */
  netPerMonth: number | null;
}

/**
 * The plan's totals: each the sum of its tasks' figures.
 *
 * @example triageTotals([verdict1, verdict2], basis).hoursFreedPerMonth // verdict1.hoursFreedPerMonth + verdict2.hoursFreedPerMonth
 */
export function triageTotals(verdicts: readonly TriageVerdict[], basis: TriageValueBasis): TriageTotals {
  let hoursFreedPerMonth = 0;
  let costPerMonth = 0;
  let oneOffCost = 0;
  for (const verdict of verdicts) {
    hoursFreedPerMonth += verdict.hoursFreedPerMonth;
    costPerMonth += verdict.costPerMonth;
    oneOffCost += verdict.oneOffCost;
  }
  const valueFreedPerMonth = basis.hourlyValue === null ? null : hoursFreedPerMonth * basis.hourlyValue;
  return {
    hoursFreedPerMonth,
    hoursFreedPerWeek: hoursFreedPerMonth / WEEKS_PER_MONTH,
    valueFreedPerMonth,
    costPerMonth,
    oneOffCost,
    netPerMonth: valueFreedPerMonth === null ? null : valueFreedPerMonth - costPerMonth,
  };
}

/** The rules in words, in the order they are tried, for the page, the CLI and the API. */
export const TRIAGE_RULES: ReadonlyArray<{ action: TriageAction | 'value' | 'drip'; text: string }> = [
  {
    action: 'value',
    text: 'Hours are weighed at your hourly value: revenue ÷ hours tracked over the settings’ window. With no revenue or no hours yet, your target hourly rate stands in; the plan says which. Your buyback rate is a quarter of it: work someone does for less should be bought. A month is 52 ÷ 12 weeks.',
  },
  {
    action: 'drip',
    text: 'The DRIP matrix sorts each task by money (does it earn?) and energy (does it give or take?): Produce earns and energizes; Replace earns but drains; Invest earns nothing but energizes; Delegate earns nothing and drains.',
  },
  {
    action: 'drop',
    text: 'Drop: it neither earns nor supports anything you do (you mark it "not needed"). It frees all its hours, for nothing.',
  },
  {
    action: 'produce',
    text: 'Produce: it earns, and only you can do it or it energizes you. Keep it; it frees nothing.',
  },
  {
    action: 'automate',
    text: `Automate (a draining task): when the automation pays back within ${AUTOMATION_PAYBACK_MONTHS} months (one-off cost ÷ (hours freed a month × hourly value − monthly cost)) and over a first year leaves at least what delegating would. It frees all the task’s hours, for its monthly cost and its one-off cost.`,
  },
  {
    action: 'delegate',
    text: 'Delegate (a draining task someone else can do): when the full cost of outsourcing, the rate × the hours plus your review hours at your hourly value, is less than your hourly value × the hours. It frees the hours less the review time, for the rate × the hours.',
  },
  {
    action: 'batch',
    text: 'Batch: a task that supports your work and is kept (it energizes you, or nothing pays to hand it off). Do it in one block a week rather than scattered; it frees no hours counted here. A draining task that earns and cannot be handed off yet is kept as Produce.',
  },
];

/** Where a task's hours a week come from: tracked time, the estimate, or neither yet. */
export type HoursSource = 'measured' | 'estimated' | 'none';

/** One task of the plan: the task, its hours a week and where they come from, and its verdict. */
export interface TriagePlanTask {
  task: TriageTask;
  /** Tracked hours a week over the window; null when no activity is linked. */
  measuredHoursPerWeek: number | null;
  hoursPerWeek: number;
  hoursSource: HoursSource;
  verdict: TriageVerdict;
}

/** The plan as GET /triage/plan and `bigrock triage plan --json` give it. */
export interface TriagePlan {
  /** The hourly value the plan weighs hours at, and whether it was measured or is the target rate. */
  basis: TriageValueBasis;
  /** The days tracked hours are averaged over. */
  measuredFrom: CalendarDate;
  measuredTo: CalendarDate;
  measuredWeeks: number;
  tasks: TriagePlanTask[];
  totals: TriageTotals;
  rules: typeof TRIAGE_RULES;
}
