import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

const tablesOf = (backup: string) => (JSON.parse(backup) as { tables: Record<string, unknown[]> }).tables;
const withoutStamp = (backup: string) => {
  const { exportedAt: _exportedAt, ...rest } = JSON.parse(backup) as { exportedAt: string };
  return rest;
};

const plannerTables = [
  'planner_templates',
  'planner_template_blocks',
  'planner_weeks',
  'planner_week_blocks',
  'planner_rocks',
];

describe.each(dialects)("the planner's tables in backup and restore on %s", (dialect) => {
  let source: TestBigrock;
  let target: TestBigrock;
  let backup: string;

  beforeAll(async () => {
    source = await openTestBigrock(dialect, { clock: fixedClock('2026-03-25T10:30:00Z'), timeZone: 'Europe/Paris' });
    target = await openTestBigrock(dialect, { clock: fixedClock('2026-03-26T10:30:00Z') });
    const { planner, goals } = source.bigrock;
    const goal = await goals.create({ title: 'Recruit 12', target: 12 });
    await planner.applyTemplate('coach', { week: '2026-W13' });
    const week = await planner.week({ week: '2026-W14' });
    await planner.skipBlock(week.blocks[0]?.id ?? '');
    await planner.addBlock({
      kind: 'admin',
      weekday: 'sat',
      start: '09:00',
      end: '10:00',
      every: 2,
      except: ['2026-04-11'],
    });
    await planner.setRock({ title: 'Programme outline', date: '2026-03-24', goalId: goal.id, estimateMinutes: 90 });
    await planner.rockCarry({ date: '2026-03-24', reason: 'A client cancelled late' });
    backup = await text(source.bigrock.backup.backup());
  });
  afterAll(async () => {
    await source.cleanup();
    await target.cleanup();
  });

  it('backs up templates, weeks, blocks and rocks, and restores them exactly', async () => {
    const tables = tablesOf(backup);
    for (const table of plannerTables) expect(tables[table]?.length, table).toBeGreaterThan(0);
    const result = await target.bigrock.backup.restore(Readable.from([backup]));
    expect(result.tables).toMatchObject({ planner_weeks: 2, planner_rocks: 2 });
    expect(withoutStamp(await text(target.bigrock.backup.backup()))).toEqual(withoutStamp(backup));
    expect((await target.bigrock.planner.week({ week: '2026-W14' })).blocks[0]?.skipped).toBe(true);
  });

  it('restores an older backup, made before the planner, leaving the planner empty', async () => {
    const parsed = JSON.parse(backup) as { tables: Record<string, unknown[]> };
    parsed.tables = Object.fromEntries(Object.entries(parsed.tables).filter(([name]) => !plannerTables.includes(name)));
    await target.bigrock.backup.restore(Readable.from([JSON.stringify(parsed)]));
    expect((await target.bigrock.planner.templates()).every(({ stored }) => !stored)).toBe(true);
    expect((await target.bigrock.planner.week({ week: '2026-W13' })).blocks).toEqual([]);
  });

  it('refuses planner rows the API would refuse, naming table and column, and changes nothing', async () => {
    const before = await text(target.bigrock.backup.backup());
    const cases: Array<[string, string]> = [
      [
        backup.replace(/"start_time":"09:00","end_time":"12:00"/, '"start_time":"12:00","end_time":"09:00"'),
        'end_time must be after the start (12:00)',
      ],
      [backup.replace(/"weekday":"tue"/, '"weekday":"someday"'), 'planner_template_blocks.weekday'],
      [backup.replace(/"week":"2026-W13"/, '"week":"2026-W99"'), 'planner_weeks.week'],
      [backup.replace(/"status":"open"/, '"status":"maybe"'), 'planner_rocks.status'],
      [backup.replace(/"date":"2026-03-25","title"/, '"date":"2026-03-24","title"'), 'planner_rocks.date'],
    ];
    for (const [file, message] of cases) {
      expect(file, message).not.toBe(backup);
      await expect(target.bigrock.backup.restore(Readable.from([file])), message).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringContaining(message),
      });
      expect(withoutStamp(await text(target.bigrock.backup.backup()))).toEqual(withoutStamp(before));
    }
  });
});
