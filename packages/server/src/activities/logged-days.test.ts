import {
  activityHoursPerWeek,
  addDays,
  computeActivityPace,
  weekdays,
  type Activity,
  type ActivityLog,
} from '@bigrock/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_WORKSPACE_ID } from '../bigrock.js';
import { newId } from '../db/new-id.js';
import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';
import { createActivityRepository } from './activity.repository.js';

const day = (offset: number) => addDays('2026-01-01', offset);
const round = (value: number) => Math.round(value * 1e4) / 1e4;

// Activities of every rate; logs of whole numbers, fractions, and sums past 2^53, several a day,
// logged in any order, some of them deleted.
const activities = fc.record({
  rate: fc.option(fc.oneof(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.01, max: 50, noNaN: true })), {
    freq: 8,
  }),
  ratePeriod: fc.constantFrom('day', 'week', 'month', 'times-a-week'),
  workdays: fc.subarray([...weekdays], { minLength: 1 }),
  startDate: fc.integer({ min: 0, max: 90 }).map(day),
});
const counts = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map((quarter) => quarter / 4) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e3, noNaN: true }) },
  // Sums that another order of addition changes.
  { weight: 2, arbitrary: fc.constantFrom(0.1, 0.2, 0.7, 2 ** 53, 2 ** 53 + 2, 1e17) },
);
const logs = fc.array(
  fc.record({
    date: fc.integer({ min: -10, max: 200 }).map(day),
    count: counts,
    second: fc.integer({ min: 0, max: 2 }),
    deleted: fc.integer({ min: 0, max: 7 }).map((draw) => draw === 0),
  }),
  { maxLength: 40 },
);
const breaks = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20 })).map(([start, length]) => ({
    start: day(start),
    end: day(start + length),
  })),
  { maxLength: 2 },
);
const asOfs = fc.oneof(fc.integer({ min: -5, max: 220 }), fc.constant(220)).map(day);

describe.each(dialects)('sums of activity logs on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-06-15T12:00:00Z') });
  });
  afterAll(() => test.cleanup());

  it('give the activities list the figures it gave from every log', async () => {
    const repository = createActivityRepository(test.bigrock.db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(activities, logs, breaks), { minLength: 1, maxLength: 3 }),
        asOfs,
        async (made, asOf) => {
          const expected = [];
          for (const [fields, logged, paused] of made) {
            const activity: Activity = {
              ...fields,
              ratePeriod: fields.rate === null ? null : fields.ratePeriod,
              id: newId(),
              workspaceId: DEFAULT_WORKSPACE_ID,
              name: `Activity ${newId()}`,
              unit: 'calls',
              minutesPerUnit: null,
              activityClass: 'income',
              goalIds: [],
              createdAt: '2026-01-01T00:00:00.000Z',
              updatedAt: '2026-01-01T00:00:00.000Z',
            };
            await repository.insert(activity);
            for (const { date, count, second, deleted } of logged) {
              const log: ActivityLog = {
                id: newId(),
                activityId: activity.id,
                date,
                count,
                note: null,
                createdAt: `2026-01-01T00:00:0${second}.000Z`,
              };
              await repository.insertLog(DEFAULT_WORKSPACE_ID, log);
              if (deleted) await repository.deleteLog(DEFAULT_WORKSPACE_ID, log.id, new Date());
            }
            for (const pause of paused) {
              await repository.insertBreak(DEFAULT_WORKSPACE_ID, {
                ...pause,
                id: newId(),
                activityId: activity.id,
                note: null,
                createdAt: '2026-01-01T00:00:00.000Z',
              });
            }
            // What the list computed from every log, as they come back from the database.
            const all = await repository.listLogs(DEFAULT_WORKSPACE_ID, [activity.id], { until: asOf });
            const stored = await repository.listBreaks(DEFAULT_WORKSPACE_ID, [activity.id]);
            expected.push({
              activity,
              hoursPerWeek: round(activityHoursPerWeek(activity)),
              pace: computeActivityPace(activity, all, stored, asOf),
            });
          }
          const ids = new Set(expected.map(({ activity }) => activity.id));
          // Activities made in the same instant are listed by name.
          expected.sort((a, b) => (a.activity.name < b.activity.name ? -1 : 1));
          const listed = (await test.bigrock.activities.list({ asOf })).filter(({ activity }) => ids.has(activity.id));
          expect(listed).toStrictEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  }, 300_000);
});
