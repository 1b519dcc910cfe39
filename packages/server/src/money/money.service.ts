import {
  addDays,
  calendarDateSchema,
  computeHourlyValue,
  dateInZone,
  moneySettingsPatchSchema,
  textSchema,
  type CalendarDate,
  type HourlyValue,
  type MoneySettings,
} from '@bigrock/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { TrackedTime } from '../reports/report.service.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { MoneySettingsRepository } from './money-settings.repository.js';

const windowMessage = 'must be a whole number of days from 1 to 3660';

export const hourlyValueQuerySchema = z
  .object({
    to: calendarDateSchema.optional().describe('The last day of the window; today by default'),
    days: textSchema
      .regex(/^\d{1,4}$/, { message: windowMessage })
      .transform(Number)
      .pipe(z.number().min(1, { message: windowMessage }).max(3660, { message: windowMessage }))
      .optional()
      .describe('The window in days, ending on `to`; the settings say (90) by default'),
  })
  .strict();

export type MoneyService = ReturnType<typeof createMoneyService>;
type HourlyValueQuery = z.output<typeof hourlyValueQuerySchema>;

/** The workspace's money settings, and the hourly value and buyback rate they lead to. */
export function createMoneyService({
  db,
  settings,
  tracked,
  workspaces,
  clock,
  workspaceId,
}: {
  db: Kysely<Database>;
  settings: MoneySettingsRepository;
  tracked: TrackedTime;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}) {
  async function revenueOf(from: CalendarDate, to: CalendarDate, currency: string) {
    const rows = await db
      .selectFrom('outcomes')
      .select(['currency', (eb) => eb.fn.sum<number | string>('amount').as('amount')])
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', 'revenue')
      .where('date', '>=', from)
      .where('date', '<=', to)
      .groupBy('currency')
      .execute();
    return rows.map((row) => ({ amount: Number(row.amount), currency: row.currency ?? currency }));
  }

  async function hourlyValueOf({ to: asked, days }: HourlyValueQuery): Promise<HourlyValue> {
    const current = await settings.get(workspaceId);
    const zone = (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
    const to = asked ?? dateInZone(clock.now(), zone);
    const from = addDays(to, -((days ?? current.valueWindowDays) - 1));
    const cells = await tracked.trackedByDayAndActivity({ from, to });
    return computeHourlyValue({
      from,
      to,
      revenue: await revenueOf(from, to, current.currency),
      seconds: cells.reduce((total, cell) => total + cell.seconds, 0),
      settings: current,
    });
  }

  return {
    get: (): Promise<MoneySettings> => settings.get(workspaceId),

    update: (input: unknown): Promise<MoneySettings> =>
      settings.update(workspaceId, parseInput(moneySettingsPatchSchema, input)),

    /** Revenue ÷ hours tracked over the trailing window (the settings' days unless `days` is given). */
    hourlyValue: (query: unknown = {}): Promise<HourlyValue> =>
      hourlyValueOf(parseInput(hourlyValueQuerySchema, query)),
    /** `hourlyValue` of a query the route has parsed already (its `days` a number by then). */
    hourlyValueOf,
  };
}
