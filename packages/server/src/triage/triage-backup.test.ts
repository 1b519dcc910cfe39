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

describe.each(dialects)('triage tasks in backup and restore on %s', (dialect) => {
  let source: TestBigrock;
  let target: TestBigrock;
  let backup: string;

  beforeAll(async () => {
    source = await openTestBigrock(dialect, { clock: fixedClock('2027-03-31T10:30:00Z') });
    target = await openTestBigrock(dialect, { clock: fixedClock('2027-04-01T10:30:00Z') });
    const { triage } = source.bigrock;
    const books = await triage.create({
      name: 'Bookkeeping',
      hoursPerWeek: 3,
      energy: 'draining',
      outsourceRate: 25,
      reviewHoursPerWeek: 0.5,
    });
    await triage.create({ name: 'Networking', activity: 'Networking', energy: 'energizing', producesIncome: true });
    await triage.override(books.id, { action: 'batch', reason: 'I want to know my numbers' });
    backup = await text(source.bigrock.backup.backup());
  });
  afterAll(async () => {
    await source.cleanup();
    await target.cleanup();
  });

  it('backs the tasks up with their overrides, and restores them exactly', async () => {
    const result = await target.bigrock.backup.restore(Readable.from([backup]));
    expect(result.tables).toMatchObject({ triage_tasks: 2 });
    expect(withoutStamp(await text(target.bigrock.backup.backup()))).toEqual(withoutStamp(backup));
    const restored = await target.bigrock.triage.list();
    expect(restored.find(({ name }) => name === 'Bookkeeping')?.override).toEqual({
      action: 'batch',
      reason: 'I want to know my numbers',
    });
  });

  it('refuses task rows the API would refuse, naming table and column, and changes nothing', async () => {
    const before = await text(target.bigrock.backup.backup());
    const cases: Array<[string, string]> = [
      [backup.replace(/"outsource_rate":25/, '"outsource_rate":-25'), 'triage_tasks.outsource_rate'],
      [backup.replace(/"energy":"draining"/, '"energy":"bored"'), 'triage_tasks.energy'],
      [backup.replace(/"override_action":"batch"/, '"override_action":"keep"'), 'triage_tasks.override_action'],
      [backup.replace(/"override_action":"batch"/, '"override_action":null'), 'override'],
      [backup.replace(/"hours_per_week":3/, '"hours_per_week":null'), 'hours_per_week'],
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
