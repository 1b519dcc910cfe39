import { formatHourOfDay } from '../format/format-date.js';
import { formatDuration } from '../format/format-duration.js';
import { formatMoney } from '../format/format-money.js';
import { formatPercent, type Locale } from '../format/format-number.js';
import { formatQuantity } from '../format/format-quantity.js';
import type { WeeklyReview } from './review.js';

/** At most this many sentences: a review that asks for everything asks for nothing. */
export const NEXT_WEEK_SENTENCES = 5;

/** A learned conversion this far below its guess (relative) is worth a sentence. */
const CONVERSION_DROP = 0.2;

type Draft = { priority: number; text: string };

/**
 * "What to change next week", drafted from a review's numbers: each sentence cites the figure it
 * comes from. The rules, most pressing first: the activity furthest behind its target, the
 * biggest waster to cut, time classed waste, the goal furthest behind, the hourly value under the
 * target rate, a conversion well below its guess, the triage's first suggestion, and the best hour
 * of income-producing work to keep.
 *
 * @example
 * draftNextWeek(review, 'en')[0] // 'Calls is furthest behind its target: 2 hr of 5 hr (3 hr short). Block 3 hr for it next week.'
 */
export function draftNextWeek(review: Omit<WeeklyReview, 'nextWeek'>, locale?: Locale): string[] {
  const duration = (seconds: number) => formatDuration(seconds, { locale });
  const money = (amount: number) => formatMoney(amount, review.currency, locale);
  const drafts: Draft[] = [];

  if (review.hours.totalSeconds === 0) {
    return [
      `No time was tracked from ${review.from} to ${review.to}: track the week's work, or import it, to get a review worth reading.`,
    ];
  }

  const behind = review.hours.byActivity
    .filter((row) => row.differenceSeconds !== null && row.differenceSeconds < 0)
    .sort((a, b) => (a.differenceSeconds ?? 0) - (b.differenceSeconds ?? 0))[0];
  if (behind?.targetSeconds != null && behind.differenceSeconds != null) {
    const short = -behind.differenceSeconds;
    drafts.push({
      priority: 1,
      text: `${behind.activity} is furthest behind its target: ${duration(behind.seconds)} of ${duration(behind.targetSeconds)} (${duration(short)} short). Block ${duration(short)} for it next week.`,
    });
  }

  const waster = review.wasters[0];
  if (waster !== undefined && waster.cost > 0) {
    drafts.push({
      priority: 2,
      text: `Cut, delegate or batch ${waster.activity}: ${duration(waster.seconds)} worth ${money((waster.seconds / 3600) * waster.hourlyValue)} at your hourly value brought ${money(waster.revenue)}, a cost of ${money(waster.cost)}.`,
    });
  }

  const waste = review.hours.byClass.find((row) => row.activityClass === 'waste');
  if (waste !== undefined && waste.seconds > 0) {
    drafts.push({
      priority: 3,
      text: `${duration(waste.seconds)} (${formatPercent(waste.seconds / review.hours.totalSeconds, locale)} of the week) went to activities classed waste: drop them first.`,
    });
  }

  const goal = review.goals
    .filter((item) => item.status === 'behind' && item.delta !== null)
    .sort((a, b) => (a.bufferDays ?? 0) - (b.bufferDays ?? 0))[0];
  if (goal?.delta != null && goal.actual !== null && goal.expected !== null) {
    drafts.push({
      priority: 4,
      text: `The goal "${goal.title}" is behind: ${formatQuantity(goal.actual, goal.unit, 2, locale)} where the line expects ${formatQuantity(goal.expected, goal.unit, 2, locale)} (${formatQuantity(-goal.delta, goal.unit, 2, locale)} short). Put its activities first.`,
    });
  }

  const { hourlyValue, targetHourlyRate } = review.money;
  if (hourlyValue !== null && targetHourlyRate !== null && targetHourlyRate > 0 && hourlyValue < targetHourlyRate) {
    drafts.push({
      priority: 5,
      text: `Your hours earned ${money(hourlyValue)} an hour this week against a target of ${money(targetHourlyRate)}: move time from supporting work to income-producing work.`,
    });
  }

  const conversion = review.funnels
    .flatMap((funnel) => funnel.conversions.map((item) => ({ funnel: funnel.name, ...item })))
    .filter((item) => item.learned !== null && item.guess > 0 && item.learned < item.guess * (1 - CONVERSION_DROP))
    .sort((a, b) => (a.learned ?? 0) / a.guess - (b.learned ?? 0) / b.guess)[0];
  if (conversion?.learned != null) {
    drafts.push({
      priority: 6,
      text: `In "${conversion.funnel}", ${conversion.from} turn into ${conversion.to} at ${formatPercent(conversion.learned, locale)}, not the ${formatPercent(conversion.guess, locale)} guessed (${formatQuantity(conversion.trials, conversion.from, 0, locale)} so far): work on that step, or plan more ${conversion.from}.`,
    });
  }

  const suggestion = review.suggestions[0];
  if (suggestion !== undefined) {
    drafts.push({
      priority: 7,
      text: `Triage: ${suggestion.action} "${suggestion.task}", which frees ${duration(suggestion.hoursFreedPerMonth * 3600)} and ${money(suggestion.moneyFreedPerMonth)} a month.`,
    });
  }

  if (review.bestHour !== null) {
    const { hour, seconds } = review.bestHour;
    drafts.push({
      priority: 8,
      text: `Your best hour of focus was ${formatHourOfDay(hour, locale)}–${formatHourOfDay((hour + 1) % 24, locale)}, with ${duration(seconds)} of income-producing work over the week: keep it for that work.`,
    });
  }

  if (drafts.length === 0)
    return ['Nothing to change from the numbers: no target is behind, no waster stands out and no goal is behind.'];
  return drafts
    .sort((a, b) => a.priority - b.priority)
    .slice(0, NEXT_WEEK_SENTENCES)
    .map((draft) => draft.text);
}
