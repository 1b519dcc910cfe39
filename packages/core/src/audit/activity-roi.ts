import { activityNameKey } from '../activities/activity-name.js';
import type { ActivityClass } from '../activities/activity.js';
import { formatDuration } from '../format/format-duration.js';
import { formatMoney } from '../format/format-money.js';
import { formatCount } from '../format/format-quantity.js';
import type { MoneySum } from '../money/convert.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { AttributionModel } from './attribution.js';
import { buildAuditReport, type AuditInput } from './audit-report.js';

/** What one activity earned over a window, against what its hours are worth (seed 004's networking exercise). */
export interface ActivityRoi {
  activity: string;
  activityClass: ActivityClass | null;
  from: CalendarDate;
  to: CalendarDate;
  attribution: AttributionModel;
  currency: string;
  seconds: number;
  hours: number;
  /** Days with time on it: the events, sessions or meetings. */
  days: number;
  /** hours ÷ days; null without a day. */
  hoursPerDay: number | null;
  /** The rate the hours are set against: the target (billable) rate, else the hourly value. */
  rate: { amount: number; basis: 'target-rate' | 'hourly-value' } | null;
  /** hours × rate. */
  costOfHours: number | null;
  revenue: MoneySum;
  clients: number;
  /** revenue ÷ hours. */
  effectiveRate: number | null;
  /** revenue − costOfHours: what it earned beyond what the hours were worth. */
  net: number | null;
  /** Whether the clients and revenue paid for the hours. */
  paid: boolean | null;
  summary: string;
  warnings: string[];
}

/**
 * The return on one activity over a window: its hours, the days it took, what those hours are
 * worth at your hourly rate, and the clients and revenue credited to it (by the model named).
 *
 * @example
 * // One networking event a week, 3 hours with the drive, at $100 an hour, no client:
 * activityRoi(input, 'Networking') // { hours: 12, days: 4, costOfHours: 1200, clients: 0, net: -1200, paid: false, … }
 */
export function activityRoi(input: AuditInput, activity: string): ActivityRoi {
  const report = buildAuditReport(input);
  const key = activityNameKey(activity);
  const row = report.activities.find((item) => activityNameKey(item.activity) === key);
  const name = row?.activity ?? input.activities.find((item) => activityNameKey(item.name) === key)?.name ?? activity;
  const dayKeys = new Set(
    input.tracked
      .filter(
        (day) =>
          day.seconds > 0 && day.date >= input.from && day.date <= input.to && activityNameKey(day.activity) === key,
      )
      .map((day) => day.date),
  );
  const seconds = row?.seconds ?? 0;
  const hours = seconds / 3600;
  const days = dayKeys.size;
  const target = input.settings.targetHourlyRate;
  const rate =
    target !== null && target > 0
      ? { amount: target, basis: 'target-rate' as const }
      : report.hourlyValue !== null && report.hourlyValue > 0
        ? { amount: report.hourlyValue, basis: 'hourly-value' as const }
        : null;
  const revenue = row?.revenue ?? { currency: report.currency, total: 0, parts: [], unconverted: [], warning: null };
  const costOfHours = rate === null ? null : hours * rate.amount;
  const net = costOfHours === null ? null : revenue.total - costOfHours;
  const clients = row?.clients ?? 0;
  const money = (amount: number) => formatMoney(amount, report.currency);
  const spent =
    days === 0
      ? `${name} took no time from ${input.from} to ${input.to}`
      : `${name} took ${formatDuration(seconds)} over ${formatCount(days, 'day', 'days')} (${formatDuration(Math.round(seconds / days))} each)`;
  const worth = rate === null ? '' : `: ${money(costOfHours ?? 0)} of your time at ${money(rate.amount)} an hour`;
  const brought = `, and brought ${formatCount(clients, 'client', 'clients')} and ${money(revenue.total)}`;
  const verdict =
    net === null || seconds === 0
      ? '.'
      : net >= 0
        ? `: it paid, ${money(net)} beyond what the hours are worth.`
        : `: it cost ${money(-net)} more than it earned.`;
  const warnings = [...(revenue.warning === null ? [] : [revenue.warning])];
  if (rate === null) warnings.push('Set a target hourly rate in the settings to see what these hours are worth.');
  return {
    activity: name,
    activityClass: row?.activityClass ?? null,
    from: input.from,
    to: input.to,
    attribution: input.attribution,
    currency: report.currency,
    seconds,
    hours,
    days,
    hoursPerDay: days === 0 ? null : hours / days,
    rate,
    costOfHours,
    revenue,
    clients,
    effectiveRate: seconds > 0 ? revenue.total / hours : null,
    net,
    paid: net === null || seconds === 0 ? null : net >= 0,
    summary: `${spent}${worth}${brought}${verdict}`,
    warnings,
  };
}
