import { activityNameKey } from '../activities/activity-name.js';
import type { ActivityClass } from '../activities/activity.js';
import { weekdays, type Weekday } from '../goals/goal.js';
import { sumMoney, type Money } from '../money/convert.js';
import type { MoneySettings } from '../money/money-settings.js';
import { addDays, type CalendarDate } from '../time/calendar-date.js';
import type { DayCell, HourCell } from './rollup-cells.js';
import { startOfWeek, type ReportDimension, type ReportRangeName } from './report-range.js';

/** An activity's class, or `unclassified` when its entries name an activity the activities table has no row for. */
export type ReportClass = ActivityClass | 'unclassified';

export interface HoursReportRow {
  /** The activity, class, tag, source, week's first day, or `mon-09` for a heatmap cell; '' for entries without a tag. */
  key: string;
  seconds: number;
  /** Attributed directly (outcomes of kind revenue naming the activity), in the workspace currency; null where revenue does not apply. */
  revenue: number | null;
  /** Revenue in currencies with no exchange rate: never summed into `revenue`. */
  revenueApart: Money[];
  /** Revenue ÷ hours, in the workspace currency; null without hours or revenue. */
  effectiveRate: number | null;
  /** By activity: its class. */
  class?: ReportClass;
  /** By heatmap: the weekday and the local hour. */
  weekday?: Weekday;
  hour?: number;
}

export interface HoursReport {
  from: CalendarDate;
  to: CalendarDate;
  by: ReportDimension;
  range: ReportRangeName | null;
  timeZone: string;
  weekStart: Weekday;
  currency: string;
  rows: HoursReportRow[];
  /** The sum of the rows' seconds, exactly. */
  totalSeconds: number;
  /** The time tracked in the range; by tag it is less than `totalSeconds` when entries carry several tags. */
  trackedSeconds: number;
  /** The seconds of a running timer counted in, up to now. */
  runningSeconds: number;
  /** The sum of the rows' revenue, and what is apart; null where revenue does not apply. */
  revenue: { total: number; apart: Money[]; warning: string | null } | null;
  notes: string[];
}

/** Day cells summed over the dimensions a report does not need: any of their fields may be left out. */
export type ReportCell = Partial<Omit<DayCell, 'seconds'>> & { seconds: number };

export interface HoursReportInput {
  from: CalendarDate;
  to: CalendarDate;
  by: ReportDimension;
  range: ReportRangeName | null;
  timeZone: string;
  settings: Pick<MoneySettings, 'currency' | 'exchangeRates' | 'weekStart'>;
  /** By activity, class, tag, source or week: the rollup's cells in the range (and a running timer's). */
  cells: readonly ReportCell[];
  /** By heatmap: cells of weekday × hour. */
  hourCells?: ReadonlyArray<Pick<HourCell, 'weekday' | 'hour' | 'seconds'>>;
  /** The activities table: names and classes. */
  activities: ReadonlyArray<{ name: string; activityClass: ActivityClass }>;
  /** Revenue outcomes in the range that name an activity. */
  revenue: ReadonlyArray<Money & { activity: string }>;
  runningSeconds: number;
}

const byKeyThenSeconds = (a: HoursReportRow, b: HoursReportRow) =>
  b.seconds - a.seconds || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const rateOf = (revenue: number | null, seconds: number) =>
  revenue === null || seconds <= 0 || revenue === 0 ? null : revenue / (seconds / 3600);

/**
 * Hours by activity, class, tag, source, week or weekday × hour, from the rollup's cells, with the
 * revenue attributed directly where it applies. The total is the sum of the rows' whole seconds:
 * nothing is rounded here. By tag, an entry with two tags counts under each (`trackedSeconds`
 * keeps the time once).
 *
 * @example hoursReport({ by: 'activity', cells: [{ activity: 'Calls', seconds: 3600 }], … }).rows[0] // { key: 'Calls', seconds: 3600, … }
 */
export function hoursReport(input: HoursReportInput): HoursReport {
  const { by, settings } = input;
  const notes: string[] = [];
  const tracked = input.cells.reduce((sum, cell) => sum + cell.seconds, 0);
  let rows: HoursReportRow[];
  const plain = (key: string, seconds: number): HoursReportRow => ({
    key,
    seconds,
    revenue: null,
    revenueApart: [],
    effectiveRate: null,
  });
  const sumBy = (keyOf: (cell: ReportCell) => string[]) => {
    const seconds = new Map<string, number>();
    for (const cell of input.cells) {
      for (const key of keyOf(cell)) seconds.set(key, (seconds.get(key) ?? 0) + cell.seconds);
    }
    return seconds;
  };

  if (by === 'activity' || by === 'class') {
    const classes = new Map(input.activities.map((activity) => [activityNameKey(activity.name), activity]));
    // Spellings that differ only in case are one activity: named as the activities table names it,
    // else as the spelling with the most time.
    const groups = new Map<string, { seconds: number; spellings: Map<string, number>; money: Money[] }>();
    const groupOf = (name: string) => {
      const key = activityNameKey(name);
      let group = groups.get(key);
      if (group === undefined) {
        group = { seconds: 0, spellings: new Map(), money: [] };
        groups.set(key, group);
      }
      return group;
    };
    for (const cell of input.cells) {
      const name = cell.activity ?? '';
      const group = groupOf(name);
      group.seconds += cell.seconds;
      group.spellings.set(name, (group.spellings.get(name) ?? 0) + cell.seconds);
    }
    for (const { activity, amount, currency } of input.revenue) {
      const group = groupOf(activity);
      group.money.push({ amount, currency });
      if (!group.spellings.has(activity)) group.spellings.set(activity, 0);
    }
    const activityRows = [...groups].map(([nameKey, group]): HoursReportRow => {
      const known = classes.get(nameKey);
      const spelling = [...group.spellings].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0];
      const money = sumMoney(group.money, settings);
      return {
        key: known?.name ?? spelling ?? '',
        seconds: group.seconds,
        revenue: money.total,
        revenueApart: money.unconverted,
        effectiveRate: rateOf(money.total, group.seconds),
        class: known?.activityClass ?? 'unclassified',
      };
    });
    if (activityRows.some((row) => row.class === 'unclassified' && row.seconds > 0)) {
      notes.push(
        'Entries naming an activity that has no row in the activities table count as unclassified: add the activity to give it a class.',
      );
    }
    if (by === 'activity') rows = activityRows;
    else {
      const perClass = new Map<ReportClass, { seconds: number; money: Money[] }>();
      for (const row of activityRows) {
        const group = perClass.get(row.class ?? 'unclassified') ?? { seconds: 0, money: [] };
        group.seconds += row.seconds;
        for (const money of input.revenue.filter((item) => activityNameKey(item.activity) === activityNameKey(row.key)))
          group.money.push({ amount: money.amount, currency: money.currency });
        perClass.set(row.class ?? 'unclassified', group);
      }
      rows = [...perClass].map(([key, group]) => {
        const money = sumMoney(group.money, settings);
        return {
          key,
          seconds: group.seconds,
          revenue: money.total,
          revenueApart: money.unconverted,
          effectiveRate: rateOf(money.total, group.seconds),
        };
      });
    }
    rows.sort(byKeyThenSeconds);
  } else if (by === 'tag') {
    rows = [...sumBy((cell) => (cell.tags ? [...new Set(cell.tags.split(','))] : ['']))]
      .map(([key, seconds]) => plain(key, seconds))
      .sort(byKeyThenSeconds);
    if (rows.some((row) => row.key === '')) notes.push('The row with an empty key holds the entries without a tag.');
  } else if (by === 'source') {
    rows = [...sumBy((cell) => [cell.source ?? ''])]
      .map(([key, seconds]) => plain(key, seconds))
      .sort(byKeyThenSeconds);
  } else if (by === 'week') {
    const weeks = sumBy((cell) => [startOfWeek(cell.day ?? input.from, settings.weekStart)]);
    rows = [];
    for (let week = startOfWeek(input.from, settings.weekStart); week <= input.to; week = addDays(week, 7)) {
      rows.push(plain(week, weeks.get(week) ?? 0));
    }
  } else {
    const cells = new Map<string, number>();
    for (const cell of input.hourCells ?? []) {
      const key = `${cell.weekday}:${cell.hour}`;
      cells.set(key, (cells.get(key) ?? 0) + cell.seconds);
    }
    const first = weekdays.indexOf(settings.weekStart);
    rows = [];
    for (let day = 0; day < 7; day++) {
      const index = (first + day) % 7;
      const weekday = weekdays[index] ?? 'mon';
      for (let hour = 0; hour < 24; hour++) {
        rows.push({
          ...plain(`${weekday}-${String(hour).padStart(2, '0')}`, cells.get(`${index + 1}:${hour}`) ?? 0),
          weekday,
          hour,
        });
      }
    }
  }

  const totalSeconds = rows.reduce((sum, row) => sum + row.seconds, 0);
  const withRevenue = by === 'activity' || by === 'class';
  let revenue: HoursReport['revenue'] = null;
  if (withRevenue) {
    const apart = sumMoney(
      rows.flatMap((row) => row.revenueApart),
      { currency: settings.currency, exchangeRates: {} },
    );
    revenue = {
      total: rows.reduce((sum, row) => sum + (row.revenue ?? 0), 0),
      apart: apart.parts
        .filter((part) => part.currency !== settings.currency)
        .map(({ currency, amount }) => ({ currency, amount })),
      warning:
        apart.unconverted.length === 0
          ? null
          : `Revenue in ${apart.unconverted.map((money) => money.currency).join(', ')} has no exchange rate to ${settings.currency} and is shown apart: enter a rate in the settings.`,
    };
  }
  return {
    from: input.from,
    to: input.to,
    by,
    range: input.range,
    timeZone: input.timeZone,
    weekStart: settings.weekStart,
    currency: settings.currency,
    rows,
    totalSeconds,
    trackedSeconds: by === 'heatmap' ? totalSeconds : by === 'tag' ? tracked : totalSeconds,
    runningSeconds: input.runningSeconds,
    revenue,
    notes,
  };
}

/** The columns of a report's CSV: the row fields, in order. */
export const hoursReportCsvColumns = [
  'key',
  'seconds',
  'hours',
  'revenue',
  'currency',
  'revenue_apart',
  'effective_rate',
  'class',
] as const;

/** A report's rows as CSV cells (not yet quoted), the total last. */
export function hoursReportCsvRows(report: HoursReport): Array<Array<string | number | null>> {
  const line = (
    row: Pick<HoursReportRow, 'key' | 'seconds' | 'revenue' | 'revenueApart' | 'effectiveRate' | 'class'>,
  ) => [
    row.key,
    row.seconds,
    Number((row.seconds / 3600).toFixed(4)),
    row.revenue,
    row.revenue === null ? null : report.currency,
    row.revenueApart.map((money) => `${money.amount} ${money.currency}`).join('; ') || null,
    row.effectiveRate === null ? null : Number(row.effectiveRate.toFixed(2)),
    row.class ?? null,
  ];
  return [
    ...report.rows.map(line),
    line({
      key: 'Total',
      seconds: report.totalSeconds,
      revenue: report.revenue?.total ?? null,
      revenueApart: report.revenue?.apart ?? [],
      effectiveRate: null,
    }),
  ];
}
