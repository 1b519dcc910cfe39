import { Readable } from 'node:stream';

import { AppError } from '@bigrock/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Bigrock } from '../bigrock.js';
import { dialects } from '../db/open-database.js';
import { FUZZ_SEED, nastyValues, workspaceSnapshot } from '../test-support/fuzz.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

type Backup = { tables: Record<string, Array<Record<string, unknown>>> } & Record<string, unknown>;

/** A change to one part of a backup, as a hand edit, another program or a bad disk would make it. */
type Change =
  | { kind: 'cell'; table: number; row: number; column: number; value: unknown }
  | { kind: 'drop-column'; table: number; row: number; column: number }
  | { kind: 'add-column'; table: number; row: number; value: unknown }
  | { kind: 'double-row'; table: number; row: number }
  | { kind: 'drop-row'; table: number; row: number }
  | { kind: 'header'; key: string; value: unknown };

const index = fc.nat({ max: 1000 });
const value = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...nastyValues) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
);
const change: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('cell' as const), table: index, row: index, column: index, value }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('drop-column' as const), table: index, row: index, column: index }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add-column' as const), table: index, row: index, value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('double-row' as const), table: index, row: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop-row' as const), table: index, row: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('header' as const),
      key: fc.constantFrom('format', 'version', 'workspace', 'tables'),
      value,
    }),
  },
);

function applyChange(backup: Backup, edit: Change): void {
  if (edit.kind === 'header') {
    backup[edit.key] = edit.value;
    return;
  }
  const tables = Object.values(backup.tables).filter((rows) => rows.length > 0);
  const rows = tables[edit.table % Math.max(1, tables.length)];
  if (rows === undefined) return;
  const at = edit.row % rows.length;
  const row = rows[at];
  if (row === undefined) return;
  const columns = Object.keys(row);
  if (edit.kind === 'cell') row[columns[edit.column % columns.length] ?? 'id'] = edit.value;
  if (edit.kind === 'drop-column') Reflect.deleteProperty(row, columns[edit.column % columns.length] ?? 'id');
  if (edit.kind === 'add-column') row.unknown_column = edit.value;
  if (edit.kind === 'double-row') rows.splice(at, 0, { ...row });
  if (edit.kind === 'drop-row') rows.splice(at, 1);
}

/** Everything a user can read after a restore; each must answer, none may fail. */
async function readEverything(bigrock: Bigrock): Promise<void> {
  const range = { from: '2000-01-01', to: '2040-12-31' };
  await bigrock.goals.list();
  await bigrock.goals.list({ archived: true });
  for (const { id } of await bigrock.activities.list().then((list) => list.map(({ activity }) => activity))) {
    await bigrock.activities.get(id);
  }
  for (const funnel of await bigrock.funnels.list()) {
    // A funnel with no target of its own follows its goal's; when neither has one (a goal's target
    // can be cleared by hand too), the solve asks for one: an answer, not a failure.
    await bigrock.funnels.solve(funnel.id).catch((error: unknown) => {
      expect(error).toMatchObject({ code: 'invalid-input', field: 'target' });
    });
  }
  await bigrock.entries.list(range);
  await bigrock.entries.summary({ ...range, unit: 'day' });
  await bigrock.entries.review(range);
  await bigrock.entries.timer();
  await bigrock.outcomes.list(range);
  for await (const chunk of bigrock.exports.csv(range)) expect(typeof chunk).toBe('string');
  for await (const chunk of bigrock.exports.ics(range)) expect(typeof chunk).toBe('string');
  await workspaceSnapshot(bigrock);
}

describe.each(dialects)('restores of mutated backups on %s', (dialect) => {
  let test: TestBigrock;
  let original: string;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-03-04T15:00:00Z') });
    const { bigrock } = test;
    await bigrock.demo.load();
    await bigrock.entries.add({ activity: 'Calls', start: '2026-03-02 09:00', end: '2026-03-02 10:00', tags: ['a'] });
    await bigrock.entries.startTimer({ activity: 'Deep work', note: 'running' });
    await bigrock.outcomes.add({ kind: 'revenue', amount: 300, currency: 'USD', date: '2026-03-02' });
    original = await workspaceSnapshot(bigrock);
  });
  afterAll(() => test.cleanup());

  it(
    'restores a backup whole and readable everywhere, or refuses it in one line and changes nothing',
    { timeout: 120_000 },
    async () => {
      const { bigrock } = test;
      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
          const backup = JSON.parse(original) as Backup;
          for (const edit of changes) applyChange(backup, edit);
          const before = await workspaceSnapshot(bigrock);
          try {
            await bigrock.backup.restore(Readable.from([Buffer.from(JSON.stringify(backup))]));
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe('invalid-input');
            expect((error as AppError).message).not.toMatch(/\n|undefined|\[object /);
            expect(await workspaceSnapshot(bigrock)).toBe(before);
            return;
          }
          try {
            await readEverything(bigrock);
          } finally {
            await bigrock.backup.restore(Readable.from([Buffer.from(original)]));
          }
        }),
        { seed: FUZZ_SEED, numRuns: dialect === 'sqlite' ? 100 : 50 },
      );
    },
  );
});
