import { Readable } from 'node:stream';

import { dateRangeInZone, hoursReport, RollupDelta, type ReportDimension } from '@bigrock/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Clock } from '../clock.js';
import { dialects } from '../db/open-database.js';
import { openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

const ZONE = 'Europe/Paris';
// Two weeks around the spring change (29 March 2026), so entries cross midnight and the missing hour.
const WINDOW_START = Date.parse('2026-03-20T00:00:00Z');
const WINDOW_MS = 16 * 86_400_000;
const activities = ['Calls', 'calls', 'Design', 'Networking'];
const tagPool = ['events', 'mga', 'deep'];

type Command =
  | { kind: 'add'; startMs: number; lengthMs: number; activity: string; tags: string[] }
  | {
      kind: 'edit';
      pick: number;
      startMs: number | null;
      lengthMs: number | null;
      activity: string | null;
      tags: string[] | null;
    }
  | { kind: 'split'; pick: number; fraction: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'restore'; pick: number }
  | { kind: 'timer'; atMs: number; lengthMs: number; activity: string; stop: boolean }
  | { kind: 'import'; startMs: number; lengthMs: number; count: number; activity: string };

const instant = fc.integer({ min: WINDOW_START, max: WINDOW_START + WINDOW_MS });
const length = fc.integer({ min: 0, max: 30 * 3_600_000 });
const activity = fc.constantFrom(...activities);
const tags = fc.subarray(tagPool);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), startMs: instant, lengthMs: length, activity, tags }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    startMs: fc.option(instant),
    lengthMs: fc.option(length),
    activity: fc.option(activity),
    tags: fc.option(tags),
  }),
  fc.record({
    kind: fc.constant('split' as const),
    pick: fc.nat(),
    fraction: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('timer' as const), atMs: instant, lengthMs: length, activity, stop: fc.boolean() }),
  fc.record({
    kind: fc.constant('import' as const),
    startMs: instant,
    lengthMs: fc.integer({ min: 60_000, max: 20 * 3_600_000 }),
    count: fc.integer({ min: 1, max: 3 }),
    activity,
  }),
);

const iso = (ms: number) => new Date(ms).toISOString();
const pad = (value: number) => String(value).padStart(2, '0');
/** A Toggl row in UTC (the import is told the file's zone is UTC). */
function togglRow(startMs: number, endMs: number, project: string, index: number): string {
  const day = (ms: number) => iso(ms).slice(0, 10);
  const time = (ms: number) => iso(ms).slice(11, 19);
  const seconds = Math.floor((endMs - startMs) / 1000);
  const duration = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return `Dana,dana@example.com,,${project},,Task ${index},No,${day(startMs)},${time(startMs)},${day(endMs)},${time(endMs)},${duration},events,`;
}

describe.each(dialects)('rollups against a raw scan of the entries on %s', (dialect) => {
  let test: TestBigrock;
  let nowMs = WINDOW_START + WINDOW_MS + 86_400_000;
  const clock: Clock = { now: () => new Date(nowMs) };
  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock, timeZone: ZONE });
  });
  afterAll(() => test.cleanup());

  async function run(command: Command, deleted: string[]): Promise<void> {
    const { entries, undo, imports } = test.bigrock;
    const ids = (await test.bigrock.db.selectFrom('time_entries').select('id').orderBy('id').execute()).map(
      ({ id }) => id,
    );
    const picked = (pick: number) => (ids.length === 0 ? undefined : ids[pick % ids.length]);
    switch (command.kind) {
      case 'add':
        await entries.add({
          activity: command.activity,
          start: iso(command.startMs),
          end: iso(command.startMs + command.lengthMs),
          tags: command.tags,
        });
        return;
      case 'edit': {
        const id = picked(command.pick);
        if (id === undefined) return;
        const current = await entries.get(id);
        const startMs = command.startMs ?? Date.parse(current.start);
        const change: Record<string, unknown> = {};
        if (command.startMs !== null) change.start = iso(startMs);
        if (command.lengthMs !== null && current.end !== null) change.end = iso(startMs + command.lengthMs);
        if (command.activity !== null) change.activity = command.activity;
        if (command.tags !== null) change.tags = command.tags;
        await entries.update(id, change);
        return;
      }
      case 'split': {
        const id = picked(command.pick);
        if (id === undefined) return;
        const current = await entries.get(id);
        if (current.end === null) return;
        const startMs = Date.parse(current.start);
        const at = startMs + Math.floor((Date.parse(current.end) - startMs) * command.fraction);
        await entries.split(id, { at: iso(Math.floor(at / 60_000) * 60_000) });
        return;
      }
      case 'delete': {
        const id = picked(command.pick);
        if (id !== undefined) deleted.push(await entries.remove(id));
        return;
      }
      case 'restore': {
        if (deleted.length === 0) return;
        const [item] = deleted.splice(command.pick % deleted.length, 1);
        if (item !== undefined) await undo.restore(item);
        return;
      }
      case 'timer':
        nowMs = Math.max(nowMs, command.atMs);
        await entries.startTimer({ activity: command.activity });
        nowMs += command.lengthMs;
        if (command.stop) await entries.stopTimer();
        return;
      case 'import': {
        const rows = Array.from({ length: command.count }, (_, index) => {
          const startMs = Math.floor(command.startMs / 1000) * 1000 + index * (command.lengthMs + 60_000);
          return togglRow(startMs, startMs + command.lengthMs, command.activity, index);
        });
        const text = `User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)\n${rows.join('\n')}\n`;
        await imports.importFile(Readable.from([Buffer.from(text)]), { timeZone: 'UTC' });
        return;
      }
    }
  }

  /** The same report computed from every entry, read raw, each clipped to the range. */
  async function rawReport(by: ReportDimension, from: string, to: string) {
    const report = await test.bigrock.reports.hours({ by, from, to });
    const bounds = dateRangeInZone(from, to, ZONE);
    const startMs = bounds.startMs ?? 0;
    const endMs = bounds.endMs ?? 0;
    const delta = new RollupDelta(ZONE);
    for (const row of await test.bigrock.db.selectFrom('time_entries').selectAll().execute()) {
      const end = row.end_ms === null ? Math.max(nowMs, Number(row.start_ms)) : Number(row.end_ms);
      delta.add(
        { activity: row.activity, source: row.source, tags: row.tags, startMs: Number(row.start_ms), endMs: end },
        1,
        startMs,
        endMs,
      );
    }
    const raw = hoursReport({
      from,
      to,
      by,
      range: null,
      timeZone: ZONE,
      settings: { currency: 'USD', exchangeRates: {}, weekStart: 'mon' },
      cells: delta.changedDays(),
      hourCells: delta.changedHours(),
      activities: [],
      revenue: [],
      runningSeconds: report.runningSeconds,
    });
    return { report, raw };
  }

  const tableRows = async () => ({
    days: (
      await sql<
        Record<string, unknown>
      >`select day, activity, source, tags, seconds from time_rollup_days order by day, activity, source, tags`.execute(
        test.bigrock.db,
      )
    ).rows.map((row) => ({ ...row, seconds: Number(row.seconds) })),
    hours: (
      await sql<Record<string, unknown>>`select * from time_rollup_hours order by day`.execute(test.bigrock.db)
    ).rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          key === 'day' || key === 'workspace_id' ? value : Number(value),
        ]),
      ),
    ),
  });

  it('gives the same hours as a raw scan after any sequence of writes, and the same rollups as a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        const { db } = test.bigrock;
        await db.deleteFrom('time_entries').execute();
        await db.deleteFrom('deleted_items').execute();
        await db.deleteFrom('time_rollup_days').execute();
        await db.deleteFrom('time_rollup_hours').execute();
        nowMs = WINDOW_START + WINDOW_MS + 86_400_000;
        const deleted: string[] = [];
        for (const each of commands) {
          try {
            await run(each, deleted);
          } catch (error) {
            // A write the service refuses (an end before its start, a timer that cannot start) changes nothing.
            if (!(error instanceof Error) || !('code' in error)) throw error;
          }
        }
        for (const [from, to] of [
          ['2026-03-01', '2026-04-30'],
          ['2026-03-25', '2026-03-29'],
        ] as const) {
          for (const by of ['activity', 'tag', 'source', 'week', 'heatmap'] as const) {
            const { report, raw } = await rawReport(by, from, to);
            expect(report.rows, `${by} ${from}..${to}`).toEqual(raw.rows);
            expect(report.totalSeconds).toBe(raw.totalSeconds);
          }
        }
        const kept = await tableRows();
        await test.bigrock.reports.rebuild();
        expect(await tableRows()).toEqual(kept);
      }),
      { numRuns: 20 },
    );
    // Twenty sequences of up to ten writes, each checked ten ways: slow on a busy PostgreSQL.
  }, 300_000);
});
