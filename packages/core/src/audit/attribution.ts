import { activityNameKey } from '../activities/activity-name.js';
import type { ActivityClass } from '../activities/activity.js';
import { addDays, type CalendarDate } from '../time/calendar-date.js';
import type { Outcome } from '../tracking/time-entry.js';

/**
 * How revenue is credited to the activities that earned it; a report names the model it used.
 * - `direct`: the outcome names the activity; revenue that names none stays unattributed.
 * - `channel`: an outcome's channel maps to activities (the user sets the mapping) and is split
 *   over them by their hours in the window (evenly when none were tracked); an outcome whose
 *   channel is not mapped falls back to the activity it names.
 * - `pro-rata`: an outcome that names an activity goes to it; the rest is split over the
 *   income-producing activities by their hours in the window.
 * - `lagged`: each outcome is credited to the hours spent in the N weeks before its date (the
 *   breakfast in February that brought the client in April): on its activity if it names one, else
 *   on its channel's activities, else on the income-producing ones; a report counts the credit
 *   that lands on hours inside its window.
 */
export const attributionModels = ['direct', 'channel', 'pro-rata', 'lagged'] as const;
export type AttributionModel = (typeof attributionModels)[number];

export const attributionDescriptions: Record<AttributionModel, string> = {
  direct: 'Direct: revenue goes to the activity its outcome names; the rest is unattributed.',
  channel:
    'By channel: revenue goes to the activities its channel maps to, split by their hours; an unmapped channel falls back to the activity named.',
  'pro-rata':
    'Pro rata: revenue that names an activity goes to it; the rest is split over the income-producing activities by their hours in the window.',
  lagged:
    'Lagged: revenue is credited to the hours spent in the weeks before it, on its activity, its channel’s activities or the income-producing ones.',
};

/** Seconds tracked on an activity on one day of the workspace's calendar. */
export interface DayActivitySeconds {
  date: CalendarDate;
  activity: string;
  seconds: number;
}

/** A channel (referral, LinkedIn, networking event) and the activities that feed it. */
export interface ChannelMapping {
  channel: string;
  activities: string[];
}

export type AttributedOutcome = Pick<Outcome, 'id' | 'kind' | 'amount' | 'currency' | 'date' | 'activity' | 'channel'>;

/** What one outcome credits, in minor units (cents; hundredths of a client), so splits add up exactly. */
export interface Credit {
  /** The activity's key (`activityNameKey`), or null: unattributed. */
  activity: string | null;
  /** The day the credit lands on: the outcome's date, or a day of the hours it was spread over. */
  date: CalendarDate;
  units: number;
}

const decimalsCache = new Map<string, number>();

/** Digits after the point of a currency's minor unit (2 for EUR, 0 for JPY); 2 for counts. */
export function minorDigits(currency: string | null): number {
  if (currency === null) return 2;
  let digits = decimalsCache.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    decimalsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Splits a whole number of units by weights, largest remainders first, so the parts add up to
 * exactly the whole. Equal weights when every weight is 0.
 *
 * @example splitUnits(100, [1, 1, 1]) // [34, 33, 33]
 */
export function splitUnits(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? weights.map((w) => w / sum) : weights.map(() => 1 / weights.length);
  const sign = total < 0 ? -1 : 1;
  const whole = Math.abs(total);
  const exact = shares.map((share) => share * whole);
  const parts = exact.map(Math.floor);
  let left = whole - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left--;
  }
  return parts.map((part) => part * sign);
}

export interface AttributionContext {
  model: AttributionModel;
  lagWeeks: number;
  /** The report's window. */
  from: CalendarDate;
  to: CalendarDate;
  /** Tracked seconds by day and activity: the window, and for `lagged` the N weeks either side of it. */
  tracked: readonly DayActivitySeconds[];
  /** Activity keys classed income-producing. */
  incomeKeys: ReadonlySet<string>;
  /** Channel (as typed, compared by `activityNameKey`) → activity keys. */
  channels: readonly ChannelMapping[];
}

/**
 * The credits one outcome gives under a model. For `lagged`, credits land on the days of the
 * hours they pay for, which may lie outside the window; the caller keeps those inside it.
 *
 * @example
 * attributeOutcome({ id: 'o', kind: 'revenue', amount: 300, currency: 'USD', date: '2027-03-05', activity: null, channel: null },
 *   { model: 'pro-rata', lagWeeks: 8, from: '2027-03-01', to: '2027-03-31', tracked: [
 *     { date: '2027-03-01', activity: 'Calls', seconds: 7200 }, { date: '2027-03-02', activity: 'Writing', seconds: 3600 }],
 *     incomeKeys: new Set(['calls', 'writing']), channels: [] })
 * // [{ activity: 'calls', units: 20000, … }, { activity: 'writing', units: 10000, … }]
 */
export function attributeOutcome(outcome: AttributedOutcome, context: AttributionContext): Credit[] {
  const units = Math.round(outcome.amount * 10 ** minorDigits(outcome.kind === 'revenue' ? outcome.currency : null));
  const named = outcome.activity === null ? null : activityNameKey(outcome.activity);
  const mapped = mappedActivities(outcome.channel, context.channels);
  const whole = (activity: string | null): Credit[] => [{ activity, date: outcome.date, units }];

  switch (context.model) {
    case 'direct':
      return whole(named);
    case 'channel':
      if (mapped.length > 0) {
        const windowSeconds = secondsByActivity(context.tracked, context.from, context.to);
        return splitOver(
          mapped,
          mapped.map((key) => windowSeconds.get(key) ?? 0),
          units,
          outcome.date,
        );
      }
      return whole(named);
    case 'pro-rata': {
      if (named !== null) return whole(named);
      const windowSeconds = secondsByActivity(context.tracked, context.from, context.to);
      const income = [...windowSeconds].filter(([key, seconds]) => context.incomeKeys.has(key) && seconds > 0);
      if (income.length === 0) return whole(null);
      return splitOver(
        income.map(([key]) => key),
        income.map(([, seconds]) => seconds),
        units,
        outcome.date,
      );
    }
    case 'lagged': {
      const lookFrom = addDays(outcome.date, -7 * context.lagWeeks);
      const lookTo = addDays(outcome.date, -1);
      const eligible =
        named !== null
          ? (key: string) => key === named
          : mapped.length > 0
            ? (key: string) => mapped.includes(key)
            : (key: string) => context.incomeKeys.has(key);
      const pieces = context.tracked.filter(
        (day) =>
          day.seconds > 0 && day.date >= lookFrom && day.date <= lookTo && eligible(activityNameKey(day.activity)),
      );
      // Nothing tracked before it: the outcome's own activity gets it on its date, or no one does.
      if (pieces.length === 0) return whole(named);
      const parts = splitUnits(
        units,
        pieces.map((piece) => piece.seconds),
      );
      return pieces.map((piece, index) => ({
        activity: activityNameKey(piece.activity),
        date: piece.date,
        units: parts[index] ?? 0,
      }));
    }
  }
}

function mappedActivities(channel: string | null, channels: readonly ChannelMapping[]): string[] {
  if (channel === null) return [];
  const key = activityNameKey(channel);
  const mapping = channels.find((item) => activityNameKey(item.channel) === key);
  return [...new Set((mapping?.activities ?? []).map(activityNameKey))];
}

function secondsByActivity(tracked: readonly DayActivitySeconds[], from: CalendarDate, to: CalendarDate) {
  const totals = new Map<string, number>();
  for (const day of tracked) {
    if (day.date < from || day.date > to) continue;
    const key = activityNameKey(day.activity);
    totals.set(key, (totals.get(key) ?? 0) + day.seconds);
  }
  return totals;
}

function splitOver(keys: readonly string[], weights: readonly number[], units: number, date: CalendarDate): Credit[] {
  const parts = splitUnits(units, weights);
  return keys.map((activity, index) => ({ activity, date, units: parts[index] ?? 0 }));
}

/** The income-producing activities' keys, for `AttributionContext.incomeKeys`. */
export function incomeKeysOf(activities: readonly { name: string; activityClass: ActivityClass }[]): Set<string> {
  return new Set(activities.filter((a) => a.activityClass === 'income').map((a) => activityNameKey(a.name)));
}
