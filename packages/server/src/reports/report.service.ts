import {
  dateInZone,
  dateRangeInZone,
  hoursReport,
  hoursReportCsvColumns,
  hoursReportCsvRows,
  hoursReportQuerySchema,
  reportSpan,
  RollupDelta,
  type ActivityClass,
  type CalendarDate,
  type DayActivitySeconds,
  type HoursReport,
  type ReportCell,
} from '@bigrock/core';
import { sql, type Kysely } from 'kysely';

import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { MoneySettingsRepository } from '../money/money-settings.repository.js';
import { csvCell } from '../tracking/export/entry-export.service.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import { hourColumns, rebuildTimeRollups, rollupEntryOf } from './time-rollup.repository.js';

export type ReportService = ReturnType<typeof createReportService>;
/** The reports' read of tracked time, which the audit, the triage and the hourly value share. */
export type TrackedTime = Pick<ReportService, 'trackedByDayAndActivity'>;

const activityClassOf = (value: string): ActivityClass =>
  value === 'income' || value === 'supporting' || value === 'waste' ? value : 'supporting';

/**
 * Hours reports read from the rollups (time_rollup_days and time_rollup_hours), plus a running
 * timer up to now; core's `hoursReport` makes the rows. The CLI, the API and its CSV all call it.
 */
export function createReportService({
  db,
  settings,
  workspaces,
  clock,
  workspaceId,
}: {
  db: Kysely<Database>;
  settings: MoneySettingsRepository;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}) {
  /** The rollup's cells in the days, summed over what `by` does not need. */
  async function dayCells(by: HoursReport['by'], from: string, to: string): Promise<ReportCell[]> {
    const column = by === 'week' ? 'day' : by === 'tag' ? 'tags' : by === 'source' ? 'source' : 'activity';
    const rows = await db
      .selectFrom('time_rollup_days')
      .select([column, (eb) => eb.fn.sum<number | string>('seconds').as('seconds')])
      .where('workspace_id', '=', workspaceId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy(column)
      .execute();
    return rows.map((row) => ({ [column]: (row as Record<string, unknown>)[column], seconds: Number(row.seconds) }));
  }

  async function hourCells(from: string, to: string) {
    const rows = await db
      .selectFrom('time_rollup_hours')
      .select((eb) => ['weekday', ...hourColumns.map((column) => eb.fn.sum<number | string>(column).as(column))])
      .where('workspace_id', '=', workspaceId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy('weekday')
      .execute();
    return rows.flatMap((row) => {
      const sums = row as Record<string, unknown>;
      return hourColumns.map((column, hour) => ({
        weekday: Number(sums.weekday),
        hour,
        seconds: Number(sums[column]),
      }));
    });
  }

  async function revenueOf(from: string, to: string, currency: string) {
    const rows = await db
      .selectFrom('outcomes')
      .select(['activity', 'currency', (eb) => eb.fn.sum<number | string>('amount').as('amount')])
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', 'revenue')
      .where('activity', 'is not', null)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .groupBy(['activity', 'currency'])
      .execute();
    return rows.map((row) => ({
      activity: row.activity ?? '',
      currency: row.currency ?? currency,
      amount: Number(row.amount),
    }));
  }

  /**
   * The running timer's seconds as rollup cells, up to now and clipped to the range: the rollups
   * hold finished entries only.
   */
  async function runningDelta(zone: string, bounds: { startMs: number | null; endMs: number | null }, nowMs: number) {
    const running = await db
      .selectFrom('time_entries')
      .select(['activity', 'source', 'tags', 'start_ms', 'end_ms'])
      .where('workspace_id', '=', workspaceId)
      .where('end_ms', 'is', null)
      .executeTakeFirst();
    const entry = running && rollupEntryOf({ ...running, end_ms: Math.max(nowMs, Number(running.start_ms)) });
    const delta = new RollupDelta(zone);
    return entry ? delta.add(entry, 1, bounds.startMs ?? -Infinity, bounds.endMs ?? Infinity) : delta;
  }

  return {
    /**
     * Tracked seconds per day (in the workspace's zone) and activity from `from` to `to`, a running
     * timer counted up to now: the one read of tracked time behind the reports, the audit, the
     * triage's measured hours and the hourly value, so that they give the same figures.
     */
    async trackedByDayAndActivity({
      from,
      to,
    }: {
      from: CalendarDate;
      to: CalendarDate;
    }): Promise<DayActivitySeconds[]> {
      const zone = (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
      const rows = await db
        .selectFrom('time_rollup_days')
        .select(['day', 'activity', (eb) => eb.fn.sum<number | string>('seconds').as('seconds')])
        .where('workspace_id', '=', workspaceId)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .groupBy(['day', 'activity'])
        .execute();
      const cells = new Map<string, DayActivitySeconds>();
      const add = (date: CalendarDate, activity: string, seconds: number) => {
        const key = `${date}\u0000${activity}`;
        const cell = cells.get(key) ?? { date, activity, seconds: 0 };
        cell.seconds += seconds;
        cells.set(key, cell);
      };
      for (const row of rows) add(row.day as CalendarDate, row.activity, Number(row.seconds));
      const running = await runningDelta(zone, dateRangeInZone(from, to, zone), clock.now().getTime());
      for (const cell of running.changedDays()) add(cell.day as CalendarDate, cell.activity, cell.seconds);
      return [...cells.values()].filter((cell) => cell.seconds > 0);
    },

    /** Hours of the range by activity, class, tag, source, week or weekday × hour. */
    async hours(query: unknown = {}): Promise<HoursReport> {
      const parsed = parseInput(hoursReportQuerySchema, query);
      const by = parsed.by ?? 'activity';
      const money = await settings.get(workspaceId);
      const zone = (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
      const now = clock.now();
      const span = reportSpan(parsed, dateInZone(now, zone), money.weekStart);
      const bounds = dateRangeInZone(span.from, span.to, zone);
      const cells = by === 'heatmap' ? [] : await dayCells(by, span.from, span.to);
      const hours = by === 'heatmap' ? await hourCells(span.from, span.to) : [];

      // A running timer is not in the rollups: counted here up to now, clipped to the range.
      let runningSeconds = 0;
      const delta = await runningDelta(zone, bounds, now.getTime());
      for (const cell of delta.changedDays()) {
        runningSeconds += cell.seconds;
        cells.push(cell);
      }
      hours.push(...delta.changedHours());

      const activities =
        by === 'activity' || by === 'class'
          ? (
              await db
                .selectFrom('activities')
                .select(['name', 'activity_class'])
                .where('workspace_id', '=', workspaceId)
                .execute()
            ).map((row) => ({ name: row.name, activityClass: activityClassOf(row.activity_class) }))
          : [];
      const revenue = by === 'activity' || by === 'class' ? await revenueOf(span.from, span.to, money.currency) : [];
      return hoursReport({
        from: span.from,
        to: span.to,
        by,
        range: span.range,
        timeZone: zone,
        settings: money,
        cells,
        hourCells: hours,
        activities,
        revenue,
        runningSeconds,
      });
    },

    /** The same report as CSV, cells quoted and defused as the entries' export does. */
    async hoursCsv(query: unknown = {}): Promise<string> {
      const report = await this.hours(query);
      const lines = [
        hoursReportCsvColumns.join(','),
        ...hoursReportCsvRows(report).map((row) => row.map(csvCell).join(',')),
      ];
      return `${lines.join('\r\n')}\r\n`;
    },

    /** Makes the workspace's rollups again from its entries, in one transaction. */
    async rebuild(): Promise<{ entries: number; days: number }> {
      return db.transaction().execute(async (trx) => {
        const entries = await rebuildTimeRollups(trx, workspaceId);
        const { count } = await trx
          .selectFrom('time_rollup_days')
          .select(sql<number | string>`count(distinct day)`.as('count'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow();
        return { entries, days: Number(count) };
      });
    },
  };
}
