import { activityNameKey } from '../activities/activity-name.js';
import type { ActivityClass } from '../activities/activity.js';
import { formatMoney } from '../format/format-money.js';
import { sumMoney, type Money, type MoneySum } from '../money/convert.js';
import { BUYBACK_DIVISOR } from '../money/hourly-value.js';
import type { MoneySettings } from '../money/money-settings.js';
import { addDays, daysBetween, type CalendarDate } from '../time/calendar-date.js';
import {
  attributeOutcome,
  attributionDescriptions,
  incomeKeysOf,
  minorDigits,
  type AttributedOutcome,
  type AttributionModel,
  type ChannelMapping,
  type DayActivitySeconds,
} from './attribution.js';
import { startOfWeek } from '../reports/report-range.js';

/** The lag a lagged report uses unless told: two months, the February breakfast to the April client. */
export const DEFAULT_LAG_WEEKS = 8;

export interface AuditInput {
  from: CalendarDate;
  to: CalendarDate;
  attribution: AttributionModel;
  lagWeeks: number;
  /**
   * Tracked seconds by day and activity, days in the workspace's zone. The window's days, and for
   * `lagged` also the `lagWeeks` weeks before and after it (`auditFetchSpan` says which).
   */
  tracked: readonly DayActivitySeconds[];
  /** Outcomes of every kind, dated in `auditFetchSpan(...).outcomes`. */
  outcomes: readonly AttributedOutcome[];
  /** The activities defined, with their class; tracked names without one are unclassed. */
  activities: readonly { name: string; activityClass: ActivityClass }[];
  channels: readonly ChannelMapping[];
  settings: MoneySettings;
  /** Revenue ÷ hours over the settings' trailing window (`computeHourlyValue`); null when no hour was tracked. */
  hourlyValue: number | null;
}

export interface AuditActivityRow {
  activity: string;
  activityClass: ActivityClass | null;
  seconds: number;
  hours: number;
  /** Revenue credited to this activity's hours in the window. */
  revenue: MoneySum;
  /** Clients credited the same way. */
  clients: number;
  /** revenue ÷ hours, in the workspace currency; null without hours. */
  effectiveRate: number | null;
  /** hours × the value of an hour − revenue; null when no value of an hour is known. */
  cost: number | null;
  /** Classed income-producing and earning less an hour than the buyback rate. */
  belowBuyback: boolean;
}

export interface AuditWaster {
  activity: string;
  activityClass: ActivityClass | null;
  hours: number;
  cost: number;
  effectiveRate: number | null;
  /** An income-producing activity that earns less than the buyback rate: named in `message`. */
  calledOut: boolean;
  message: string;
}

export const classKeys = ['income', 'supporting', 'waste', 'unclassed'] as const;
export type ClassKey = (typeof classKeys)[number];

export interface ClassWeek {
  /** The first day of the week (the workspace's week start), maybe before the window. */
  week: CalendarDate;
  seconds: Record<ClassKey, number>;
  totalSeconds: number;
}

export interface ChannelRow {
  channel: string;
  activities: string[];
  /** Hours of the mapped activities in the window. */
  seconds: number;
  hours: number;
  /** Those hours at the value of an hour; null when none is known. */
  cost: number | null;
  clients: number;
  leads: number;
  /** Revenue whose outcome names this channel, dated in the window. */
  revenue: MoneySum;
  /** (revenue − cost) ÷ cost; null without a cost. */
  roi: number | null;
}

export interface AuditReport {
  from: CalendarDate;
  to: CalendarDate;
  attribution: AttributionModel;
  attributionDescription: string;
  /** Only for `lagged`. */
  lagWeeks: number | null;
  currency: string;
  hourlyValue: number | null;
  buybackRate: number | null;
  targetHourlyRate: number | null;
  /** What an hour is valued at for costs: the hourly value, else the target rate. */
  valueOfHour: { rate: number; basis: 'hourly-value' | 'target-rate' } | null;
  /** Most time first; totals are the sums of these rows. */
  activities: AuditActivityRow[];
  totalSeconds: number;
  /** Revenue dated in the window. */
  revenue: MoneySum;
  /** Credited to activities' hours in the window. */
  attributed: MoneySum;
  unattributed: MoneySum;
  /** Lagged only: credit that landed on hours outside the window. */
  creditedOutside: MoneySum;
  wasters: AuditWaster[];
  classWeeks: ClassWeek[];
  channels: ChannelRow[];
  warnings: string[];
}

/** The days a report needs: tracked time, and outcomes (lagged reports reach past their window). */
export function auditFetchSpan(
  from: CalendarDate,
  to: CalendarDate,
  attribution: AttributionModel,
  lagWeeks: number,
): { tracked: { from: CalendarDate; to: CalendarDate }; outcomes: { from: CalendarDate; to: CalendarDate } } {
  if (attribution !== 'lagged') return { tracked: { from, to }, outcomes: { from, to } };
  const lagDays = 7 * lagWeeks;
  return {
    tracked: { from: addDays(from, -lagDays), to: addDays(to, lagDays) },
    outcomes: { from, to: addDays(to, lagDays) },
  };
}

type UnitsByCurrency = Map<string, number>;

function addUnits(map: UnitsByCurrency, currency: string, units: number) {
  map.set(currency, (map.get(currency) ?? 0) + units);
}

function toMoney(map: UnitsByCurrency | undefined): Money[] {
  return [...(map ?? [])].map(([currency, units]) => ({ currency, amount: units / 10 ** minorDigits(currency) }));
}

/**
 * The time audit of a window: hours per activity against the revenue credited to them (by the
 * attribution model named), the effective rate of each against the target rate, the disguised
 * time wasters ranked by cost (hours × the value of an hour − revenue), hours by class per week
 * and a comparison of channels. Amounts in a currency with no rate are kept apart, with a warning.
 *
 * @example
 * buildAuditReport({ from: '2027-03-01', to: '2027-03-31', attribution: 'direct', lagWeeks: 8,
 *   tracked: [{ date: '2027-03-03', activity: 'Networking', seconds: 3 * 3600 }], outcomes: [],
 *   activities: [{ name: 'Networking', activityClass: 'income' }], channels: [], settings, hourlyValue: 100 })
 *   .wasters[0].cost // 300
 */
export function buildAuditReport(input: AuditInput): AuditReport {
  const { from, to, settings } = input;
  const classOf = new Map<string, ActivityClass>();
  const display = new Map<string, string>();
  for (const activity of input.activities) {
    const key = activityNameKey(activity.name);
    classOf.set(key, activity.activityClass);
    display.set(key, activity.name);
  }
  const nameOf = (key: string, spelling: string) => {
    if (!display.has(key)) display.set(key, spelling);
    return key;
  };

  const secondsOf = new Map<string, number>();
  for (const day of input.tracked) {
    if (day.date < from || day.date > to || day.seconds <= 0) continue;
    const key = nameOf(activityNameKey(day.activity), day.activity);
    secondsOf.set(key, (secondsOf.get(key) ?? 0) + day.seconds);
  }

  const context = {
    model: input.attribution,
    lagWeeks: input.lagWeeks,
    from,
    to,
    tracked: input.tracked,
    incomeKeys: incomeKeysOf(input.activities),
    channels: input.channels,
  };
  const revenueIn: Money[] = [];
  const credited = new Map<string, UnitsByCurrency>();
  const clientUnits = new Map<string, number>();
  const unattributed: UnitsByCurrency = new Map();
  const outside: UnitsByCurrency = new Map();
  const ownCurrency = (outcome: AttributedOutcome) => outcome.currency ?? settings.currency;
  for (const outcome of input.outcomes) {
    if (outcome.kind === 'lead') continue;
    const inWindow = outcome.date >= from && outcome.date <= to;
    if (outcome.kind === 'revenue' && inWindow)
      revenueIn.push({ amount: outcome.amount, currency: ownCurrency(outcome) });
    if (!inWindow && input.attribution !== 'lagged') continue;
    for (const credit of attributeOutcome(outcome, context)) {
      const landsIn = credit.date >= from && credit.date <= to;
      if (outcome.kind === 'client') {
        if (landsIn && credit.activity !== null) {
          clientUnits.set(credit.activity, (clientUnits.get(credit.activity) ?? 0) + credit.units);
        }
        continue;
      }
      const currency = ownCurrency(outcome);
      if (credit.activity === null) {
        if (inWindow) addUnits(unattributed, currency, credit.units);
      } else if (landsIn) {
        const key = nameOf(credit.activity, outcome.activity ?? credit.activity);
        const map = credited.get(key) ?? new Map<string, number>();
        addUnits(map, currency, credit.units);
        credited.set(key, map);
      } else if (inWindow) {
        addUnits(outside, currency, credit.units);
      }
    }
  }

  const revenue = sumMoney(revenueIn, settings);
  const hourlyValue = input.hourlyValue;
  const buybackRate = hourlyValue === null ? null : hourlyValue / BUYBACK_DIVISOR;
  const valueOfHour =
    hourlyValue !== null && hourlyValue > 0
      ? { rate: hourlyValue, basis: 'hourly-value' as const }
      : settings.targetHourlyRate !== null
        ? { rate: settings.targetHourlyRate, basis: 'target-rate' as const }
        : null;

  const keys = new Set([...secondsOf.keys(), ...credited.keys(), ...clientUnits.keys()]);
  const activities: AuditActivityRow[] = [...keys]
    .map((key): AuditActivityRow => {
      const seconds = secondsOf.get(key) ?? 0;
      const hours = seconds / 3600;
      const earned = sumMoney(toMoney(credited.get(key)), settings);
      const effectiveRate = seconds > 0 ? earned.total / hours : null;
      const activityClass = classOf.get(key) ?? null;
      return {
        activity: display.get(key) ?? key,
        activityClass,
        seconds,
        hours,
        revenue: earned,
        clients: (clientUnits.get(key) ?? 0) / 100,
        effectiveRate,
        cost: valueOfHour === null ? null : hours * valueOfHour.rate - earned.total,
        belowBuyback:
          activityClass === 'income' && buybackRate !== null && effectiveRate !== null && effectiveRate < buybackRate,
      };
    })
    .sort((a, b) => b.seconds - a.seconds || a.activity.localeCompare(b.activity));

  const money = (amount: number) => formatMoney(amount, settings.currency);
  const wasters: AuditWaster[] = activities
    .filter((row): row is AuditActivityRow & { cost: number } => row.cost !== null && row.cost > 0 && row.seconds > 0)
    .sort((a, b) => b.cost - a.cost || a.activity.localeCompare(b.activity))
    .map((row) => ({
      activity: row.activity,
      activityClass: row.activityClass,
      hours: row.hours,
      cost: row.cost,
      effectiveRate: row.effectiveRate,
      calledOut: row.belowBuyback,
      message: row.belowBuyback
        ? `${row.activity} is classed income-producing but earned ${money(row.effectiveRate ?? 0)} an hour, less than your buyback rate of ${money(buybackRate ?? 0)}: a time waster disguised as a results-driven activity.`
        : `${row.activity} cost ${money(row.cost)} more than it earned.`,
    }));

  const warnings: string[] = [];
  const attributed = sumMoney(
    activities.flatMap((row) => row.revenue.parts.map(({ amount, currency }) => ({ amount, currency }))),
    settings,
  );
  for (const warning of [revenue.warning]) if (warning !== null) warnings.push(warning);
  if (valueOfHour === null) {
    warnings.push(
      'No hourly value yet and no target hourly rate: set a target rate in the settings to see what hours cost.',
    );
  } else if (valueOfHour.basis === 'target-rate') {
    warnings.push('No revenue tracked against hours yet: hours are valued at your target hourly rate.');
  }

  return {
    from,
    to,
    attribution: input.attribution,
    attributionDescription: attributionDescriptions[input.attribution],
    lagWeeks: input.attribution === 'lagged' ? input.lagWeeks : null,
    currency: settings.currency,
    hourlyValue,
    buybackRate,
    targetHourlyRate: settings.targetHourlyRate,
    valueOfHour,
    activities,
    totalSeconds: activities.reduce((sum, row) => sum + row.seconds, 0),
    revenue,
    attributed,
    unattributed: sumMoney(toMoney(unattributed), settings),
    creditedOutside: sumMoney(toMoney(outside), settings),
    wasters,
    classWeeks: classWeeksOf(input, classOf),
    channels: channelRows(input, secondsOf, valueOfHour?.rate ?? null),
    warnings,
  };
}

function classWeeksOf(input: AuditInput, classOf: ReadonlyMap<string, ActivityClass>): ClassWeek[] {
  const weeks: ClassWeek[] = [];
  const first = startOfWeek(input.from, input.settings.weekStart);
  for (let week = first; week <= input.to; week = addDays(week, 7)) {
    weeks.push({ week, seconds: { income: 0, supporting: 0, waste: 0, unclassed: 0 }, totalSeconds: 0 });
  }
  for (const day of input.tracked) {
    if (day.date < input.from || day.date > input.to || day.seconds <= 0) continue;
    const index = Math.floor(daysBetween(first, day.date) / 7);
    const week = weeks[index];
    if (week === undefined) continue;
    const key: ClassKey = classOf.get(activityNameKey(day.activity)) ?? 'unclassed';
    week.seconds[key] += day.seconds;
    week.totalSeconds += day.seconds;
  }
  return weeks;
}

function channelRows(input: AuditInput, secondsOf: ReadonlyMap<string, number>, rate: number | null): ChannelRow[] {
  const rows = new Map<
    string,
    { channel: string; activities: string[]; revenue: Money[]; clients: number; leads: number }
  >();
  const rowOf = (channel: string) => {
    const key = activityNameKey(channel);
    let row = rows.get(key);
    if (row === undefined) {
      row = { channel, activities: [], revenue: [], clients: 0, leads: 0 };
      rows.set(key, row);
    }
    return row;
  };
  for (const mapping of input.channels) rowOf(mapping.channel).activities = [...mapping.activities];
  for (const outcome of input.outcomes) {
    if (outcome.channel === null || outcome.date < input.from || outcome.date > input.to) continue;
    const row = rowOf(outcome.channel);
    if (outcome.kind === 'revenue') {
      row.revenue.push({ amount: outcome.amount, currency: outcome.currency ?? input.settings.currency });
    } else if (outcome.kind === 'client') row.clients += outcome.amount;
    else row.leads += outcome.amount;
  }
  return [...rows.values()]
    .map((row): ChannelRow => {
      const keys = new Set(row.activities.map(activityNameKey));
      const seconds = [...keys].reduce((sum, key) => sum + (secondsOf.get(key) ?? 0), 0);
      const hours = seconds / 3600;
      const cost = rate === null ? null : hours * rate;
      const revenue = sumMoney(row.revenue, input.settings);
      return {
        channel: row.channel,
        activities: row.activities,
        seconds,
        hours,
        cost,
        clients: row.clients,
        leads: row.leads,
        revenue,
        roi: cost === null || cost === 0 ? null : (revenue.total - cost) / cost,
      };
    })
    .sort((a, b) => b.seconds - a.seconds || a.channel.localeCompare(b.channel));
}
