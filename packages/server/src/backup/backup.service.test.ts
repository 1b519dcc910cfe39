import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

const withoutStamp = (backup: string) => {
  const { exportedAt: _exportedAt, ...rest } = JSON.parse(backup) as { exportedAt: string };
  return rest;
};

/** A workspace with a bit of everything: a goal hierarchy, progress, entries, a running timer, outcomes. */
async function fill(test: TestBigrock): Promise<void> {
  const { goals, entries, outcomes, workspace } = test.bigrock;
  await workspace.update({ name: 'Dana Reyes Coaching', timeZone: 'America/New_York' });
  const monthly = await goals.create({
    title: 'Recruit 4 distributors',
    target: 4,
    unit: 'recruits',
    deadline: '2026-12-31',
  });
  const dream = await goals.create({ title: 'Earn $3000 a month', level: 'dream', why: 'Stay home with my kids' });
  // A parent created after its child: the restore must not trip over the order.
  await goals.update(monthly.id, { parentId: dream.id });
  await goals.logProgress(monthly.id, { value: 1, date: '2026-11-02', note: 'Anna, "finally"' });
  await entries.add({
    activity: 'Calls',
    start: '2026-11-02 09:00',
    end: '2026-11-02 10:30',
    tags: ['mga'],
    note: 'Line 1\nLine 2',
  });
  await entries.startTimer({ activity: 'Deep work' });
  await outcomes.add({ kind: 'revenue', amount: 1234.56, currency: 'EUR', date: '2026-11-03', channel: 'Referral' });
  await outcomes.add({ kind: 'lead', amount: 3, activity: 'Calls' });
}

describe.each(dialects)('backup and restore on %s', (dialect) => {
  let source: TestBigrock;
  let target: TestBigrock;
  let backup: string;

  beforeAll(async () => {
    source = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z') });
    target = await openTestBigrock(dialect, { clock: fixedClock('2026-11-23T12:00:00Z') });
    await fill(source);
    backup = await text(source.bigrock.backup.backup());
  });
  afterAll(async () => {
    await source.cleanup();
    await target.cleanup();
  });

  it('writes every table of the workspace, the ones of other areas included', async () => {
    const parsed = JSON.parse(backup) as {
      format: string;
      version: number;
      workspace: unknown;
      tables: Record<string, unknown[]>;
    };
    expect(parsed).toMatchObject({
      format: 'bigrock-backup',
      version: 1,
      workspace: { name: 'Dana Reyes Coaching', timeZone: 'America/New_York' },
    });
    expect(Object.keys(parsed.tables)).toEqual(
      expect.arrayContaining(['goals', 'data_points', 'time_entries', 'outcomes']),
    );
    const tables = await source.bigrock.db.introspection.getTables();
    const withWorkspace = tables
      .filter((table) => table.name !== 'workspaces' && table.columns.some(({ name }) => name === 'workspace_id'))
      .map(({ name }) => name);
    expect(Object.keys(parsed.tables).sort()).toEqual([...new Set(withWorkspace)].sort());
    expect(parsed.tables.time_entries).toHaveLength(2);
  });

  it('restores a backup exactly: backing up the restored workspace gives the same file', async () => {
    await target.bigrock.entries.add({ activity: 'Old stuff', start: '2026-01-01 09:00', end: '2026-01-01 10:00' });
    const result = await target.bigrock.backup.restore(Readable.from([backup]));
    expect(result.tables).toMatchObject({ goals: 2, data_points: 1, time_entries: 2, outcomes: 2 });
    const again = await text(target.bigrock.backup.backup());
    expect(withoutStamp(again)).toEqual(withoutStamp(backup));
    expect(await target.bigrock.entries.timer()).toMatchObject({ activity: 'Deep work' });
    expect((await target.bigrock.workspace.get()).timeZone).toBe('America/New_York');
  });

  it('restores a backup made on the other database', async () => {
    const other = dialects.find((name) => name !== dialect) ?? 'sqlite';
    const elsewhere = await openTestBigrock(other, { clock: fixedClock('2026-11-24T12:00:00Z') });
    try {
      await elsewhere.bigrock.backup.restore(Readable.from([backup]));
      expect(withoutStamp(await text(elsewhere.bigrock.backup.backup()))).toEqual(withoutStamp(backup));
    } finally {
      await elsewhere.cleanup();
    }
  });

  it('changes nothing when the backup is not one, is cut short or names an unknown table', async () => {
    const before = await text(target.bigrock.backup.backup());
    const cases: Array<[string, string]> = [
      ['{"hello": "world", "tables": {"goals": [{"id": "x"}]}}', 'not a Bigrock backup'],
      [backup.slice(0, Math.floor(backup.length * 0.8)), 'cut short'],
      [backup.replace('"outcomes":[', '"invoices":[{"id":"1"}],"outcomes":['), 'no table "invoices"'],
      [
        backup.replace('"title":"Earn $3000 a month"', '"title":"Earn $3000 a month","color":"red"'),
        'no column "color"',
      ],
      [backup.replace('"version":1', '"version":99'), 'version 99'],
    ];
    for (const [file, message] of cases) {
      await expect(target.bigrock.backup.restore(Readable.from([file])), message).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringContaining(message),
      });
      expect(withoutStamp(await text(target.bigrock.backup.backup()))).toEqual(withoutStamp(before));
    }
  });
});
