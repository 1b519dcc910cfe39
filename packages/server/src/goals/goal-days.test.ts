import { addDays, checkGoal, type DataPoint, type Goal } from '@bigrock/core';
import fc from 'fast-check';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paceFromAllPoints, seriesFromAllPoints } from '../../../core/src/test-support/all-points-pace.js';
import { newId } from '../db/new-id.js';
import { migrations } from '../db/migrations/index.js';
import { currentSchema, dialects, migrateToLatest } from '../db/open-database.js';
import { DEFAULT_WORKSPACE_ID } from '../bigrock.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';
import { rebuildGoalDays } from './goal-days.js';
import { createGoalRepository } from './goal.repository.js';

const TODAY = '2026-06-15';
const day = (offset: number) => addDays('2026-01-01', offset);

// Any double but -0, which both databases give back as 0.
const double = (bounds: { min: number; max: number }) => fc.double({ ...bounds, noNaN: true }).map((x) => x + 0);

// Goals of every kind, some without a line; points with any value, several a day, logged in any
// order (some before the start, some after asOf, some backdated), and some of them deleted.
const goals = fc.record({
  aggregate: fc.constantFrom('sum', 'count', 'last', 'max'),
  direction: fc.constantFrom('up', 'down'),
  baseline: fc.oneof(fc.integer({ min: -50, max: 50 }), double({ min: -1e6, max: 1e6 })),
  target: fc.option(fc.oneof(fc.integer({ min: -100, max: 300 }), double({ min: -1e6, max: 1e6 })), {
    freq: 8,
  }),
  startDate: fc.option(fc.integer({ min: -30, max: 60 }).map(day), { freq: 8 }),
  deadline: fc.option(fc.integer({ min: -10, max: 500 }).map(day), { freq: 8 }),
});
const steps = fc.array(
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        date: fc.integer({ min: -60, max: 300 }).map(day),
        value: fc.oneof(
          fc.integer({ min: -5, max: 20 }),
          fc.integer({ min: 0, max: 10_000 }).map((cents) => cents / 100),
          double({ min: -1e9, max: 1e9 }),
        ),
        // Points logged in the same second are ordered by id.
        second: fc.integer({ min: 0, max: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ remove: fc.nat() }) },
  ),
  { maxLength: 30 },
);
const asOfs = fc.integer({ min: -40, max: 520 }).map(day);

describe.each(dialects)('goal pace from day totals on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock(`${TODAY}T12:00:00Z`) });
  });
  afterAll(() => test.cleanup());

  it('gives the list and the detail the figures the computation from every point gave', async () => {
    const repository = createGoalRepository(test.bigrock.db);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(goals, steps), { minLength: 1, maxLength: 3 }), asOfs, async (made, asOf) => {
        const expected = [];
        for (const [fields, goalSteps] of made) {
          const goal: Goal = {
            ...fields,
            id: newId(),
            workspaceId: DEFAULT_WORKSPACE_ID,
            title: 'A goal',
            level: null,
            unit: null,
            why: null,
            parentId: null,
            systems: null,
            owner: null,
            partner: null,
            trackingSource: 'manual',
            hoursPerWeek: null,
            daysOff: [],
            archivedAt: null,
            createdAt: '2026-01-01T00:00:00.000Z',
            updatedAt: '2026-01-01T00:00:00.000Z',
          };
          await repository.insert(goal);
          const logged: DataPoint[] = [];
          for (const step of goalSteps) {
            if ('remove' in step) {
              const [point] = logged.splice(step.remove % Math.max(logged.length, 1), 1);
              if (point !== undefined) await repository.deleteDataPoint(DEFAULT_WORKSPACE_ID, point.id, new Date());
              continue;
            }
            const point: DataPoint = {
              id: newId(),
              goalId: goal.id,
              date: step.date,
              value: step.value,
              note: null,
              createdAt: `2026-01-01T00:00:0${step.second}.000Z`,
            };
            await repository.insertDataPoint(DEFAULT_WORKSPACE_ID, point);
            logged.push(point);
          }
          // What the goals list computed from every point, as they come back from the database.
          const points = await repository.listDataPoints(DEFAULT_WORKSPACE_ID, [goal.id]);
          expected.push({
            goal,
            pace: paceFromAllPoints(goal, points, asOf),
            check: checkGoal(goal, {
              today: TODAY,
              dataPointCount: points.length,
              lastDataPointDate: points.at(-1)?.date ?? null,
              activities: null,
            }),
            series: seriesFromAllPoints(goal, points, asOf, 60),
            fullSeries: seriesFromAllPoints(goal, points, asOf, 200),
            points,
          });
        }
        const ids = new Set(expected.map(({ goal }) => goal.id));
        const listed = (await test.bigrock.goals.list({ asOf })).filter(({ goal }) => ids.has(goal.id));
        // Goals made in the same instant are listed in id order.
        expected.sort((a, b) => (a.goal.id < b.goal.id ? -1 : 1));
        // The list draws a card's chart (60 points at most), a goal's own page the full one.
        expect(listed).toStrictEqual(expected.map(({ points: _points, fullSeries: _full, ...standing }) => standing));
        for (const { points, fullSeries, ...standing } of expected) {
          expect(await test.bigrock.goals.get(standing.goal.id, { asOf })).toStrictEqual({
            ...standing,
            series: fullSeries,
            dataPoints: points,
          });
        }
      }),
      { numRuns: 30 },
    );
  }, 300_000);

  it('folds the same day totals whether kept up point by point or rebuilt at once', async () => {
    const dayRows = () =>
      test.bigrock.db.selectFrom('goal_days').selectAll().orderBy('goal_id').orderBy('date').execute();
    const kept = await dayRows();
    expect(kept.length).toBeGreaterThan(0);
    await test.bigrock.db.deleteFrom('goal_days').execute();
    await rebuildGoalDays(test.bigrock.db, DEFAULT_WORKSPACE_ID);
    expect(await dayRows()).toStrictEqual(kept);
    // Read a few points at a time, a day's points fall on both sides of a page's end.
    for (const pageSize of [1, 2, 3, 7]) {
      await test.bigrock.db.deleteFrom('goal_days').execute();
      await rebuildGoalDays(test.bigrock.db, DEFAULT_WORKSPACE_ID, { pageSize });
      expect(await dayRows()).toStrictEqual(kept);
    }
  });

  it('keeps day totals right when points of one goal are logged and deleted concurrently', async () => {
    const { db, goals: service } = test.bigrock;
    const repository = createGoalRepository(db);
    const goal = await service.create({ title: 'Calls', target: 500, startDate: '2026-01-01', deadline: '2026-12-31' });
    const logged = await Promise.all(
      Array.from({ length: 24 }, (_, index) => service.logProgress(goal.id, { date: day(index % 7), value: index })),
    );
    await Promise.all(logged.filter((_, index) => index % 3 === 0).map(({ id }) => service.deleteDataPoint(id)));
    const points = await repository.listDataPoints(DEFAULT_WORKSPACE_ID, [goal.id]);
    expect(points).toHaveLength(16);
    const { pace, series } = await service.get(goal.id, { asOf: '2026-02-01' });
    expect(pace).toStrictEqual(paceFromAllPoints(goal, points, '2026-02-01'));
    expect(series).toStrictEqual(seriesFromAllPoints(goal, points, '2026-02-01'));
  });

  it('finds the day a target was met past many days just short of it', async () => {
    const { db, goals: service } = test.bigrock;
    const goal = await service.create({ title: 'Sales', target: 1e6, startDate: '2026-01-01', deadline: '2026-12-31' });
    // Within a millionth of the target for twenty days (as far as the database looks), met on the 22nd.
    await service.logProgress(goal.id, { date: day(0), value: 999_999.5 });
    for (let offset = 1; offset <= 20; offset++) await service.logProgress(goal.id, { date: day(offset), value: 0 });
    await service.logProgress(goal.id, { date: day(21), value: 1 });
    const points = await createGoalRepository(db).listDataPoints(DEFAULT_WORKSPACE_ID, [goal.id]);
    const { pace } = await service.get(goal.id, { asOf: '2026-03-01' });
    expect(pace?.projectedDate).toBe(day(21));
    expect(pace).toStrictEqual(paceFromAllPoints(goal, points, '2026-03-01'));
  });

  it('lists goals in about the same time with 60,000 points as with 10', async () => {
    const { db, goals: service } = test.bigrock;
    const goal = await service.create({ title: 'Calls', target: 1e6, startDate: '2026-01-01', deadline: '2026-12-31' });
    const insertPoints = async (count: number, offset: number) => {
      const rows = Array.from({ length: count }, (_, index) => ({
        id: `bulk${String(offset + index).padStart(6, '0')}`,
        workspace_id: DEFAULT_WORKSPACE_ID,
        goal_id: goal.id,
        date: day(Math.floor(((offset + index) * 160) / 60_000)),
        value: (index % 97) / 10,
        note: null,
        created_at: '2026-01-01T00:00:00.000Z',
      }));
      for (let start = 0; start < rows.length; start += 1000) {
        await db
          .insertInto('data_points')
          .values(rows.slice(start, start + 1000))
          .execute();
      }
      await rebuildGoalDays(db, DEFAULT_WORKSPACE_ID);
    };
    const timeList = async () => {
      const times = [];
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        await service.list({ asOf: '2026-06-10' });
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2] ?? 0;
    };
    await insertPoints(10, 0);
    const few = await timeList();
    await insertPoints(60_000 - 10, 10);
    const many = await timeList();
    // From every point, the list took a hundred times longer; from day totals, nearly the same.
    expect(many).toBeLessThan(Math.max(few, 20) * 4);
  }, 120_000);

  it('folds the points a database already holds when it is brought up to date', async () => {
    const { db } = test.bigrock;
    const migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
      migrationTableSchema: await currentSchema(db, dialect),
    });
    const kept = await db.selectFrom('goal_days').selectAll().orderBy('goal_id').orderBy('date').execute();
    expect(kept.length).toBeGreaterThan(0);
    expect((await migrator.migrateTo('0003-tracking')).error).toBeUndefined();
    await migrateToLatest(db, dialect);
    const folded = await db.selectFrom('goal_days').selectAll().orderBy('goal_id').orderBy('date').execute();
    expect(folded).toStrictEqual(kept);
  });
});

describe.each(dialects)('the goals list of many goals on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock(`${TODAY}T12:00:00Z`) });
  });
  afterAll(() => test.cleanup());

  // 600 goals of the year to this month each look up some 60 chart days apiece: more parameters than PostgreSQL
  // takes in one query (65,535), so the list reads them in batches.
  it('lists 600 goals of a year each with every one of their points', async () => {
    const { db } = test.bigrock;
    const repository = createGoalRepository(db);
    const made = Array.from({ length: 600 }, (_, index) => ({ id: newId(), value: index + 1 }));
    for (const { id, value } of made) {
      await repository.insert({
        id,
        workspaceId: DEFAULT_WORKSPACE_ID,
        title: `Goal ${value}`,
        level: null,
        unit: null,
        aggregate: 'sum',
        direction: 'up',
        baseline: 0,
        target: 1000,
        startDate: '2025-06-01',
        deadline: '2026-06-01',
        why: null,
        parentId: null,
        systems: null,
        owner: null,
        partner: null,
        trackingSource: 'manual',
        hoursPerWeek: null,
        daysOff: [],
        archivedAt: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    }
    const point = ({ id, value }: { id: string; value: number }) => ({
      id: newId(),
      workspace_id: DEFAULT_WORKSPACE_ID,
      goal_id: id,
      date: '2026-03-01',
      value,
      note: null,
      created_at: '2026-03-01T00:00:00.000Z',
    });
    await db.insertInto('data_points').values(made.map(point)).execute();
    await rebuildGoalDays(db);
    const listed = await test.bigrock.goals.list();
    expect(listed).toHaveLength(600);
    const actual = new Map(listed.map(({ goal, pace }) => [goal.id, pace?.actual]));
    for (const { id, value } of made) expect(actual.get(id)).toBe(value);
  }, 120_000);
});
