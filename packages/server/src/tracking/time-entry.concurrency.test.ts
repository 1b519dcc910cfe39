import type { TimeEntry } from '@bigrock/core';
import { afterEach, describe, expect, it } from 'vitest';

import { openBigrock, type Bigrock } from '../bigrock.js';
import { dialects } from '../db/open-database.js';
import { openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';
import { timerChainBreaks } from '../test-support/timer-chain.js';

const STARTS = 60;

// On the system clock: the race is between real instants. The cross-process races (the CLI beside
// the server, on SQLite too) are in the CLI's tests; SQLite gives one process one connection.
describe.each(dialects)('timers started at once on %s', (dialect) => {
  let test: TestBigrock;
  let others: Bigrock[] = [];

  /** The test's Bigrock and, on PostgreSQL, a second one on the same database: two servers. */
  async function servers(): Promise<Bigrock[]> {
    test = await openTestBigrock(dialect);
    others = dialect === 'postgres' ? [await openBigrock(test.config, { schema: test.schema })] : [];
    return [test.bigrock, ...others];
  }

  afterEach(async () => {
    for (const other of others) await other.close();
    await test.cleanup();
  });

  it('starts every one, and each stops at the very instant the next one starts', async () => {
    const bigrocks = await servers();
    const results = await Promise.allSettled(
      Array.from({ length: STARTS }, (_, index) =>
        bigrocks[index % bigrocks.length]?.entries.startTimer({ activity: `Task ${index}` }),
      ),
    );
    expect(results.filter(({ status }) => status === 'rejected')).toEqual([]);
    const timers = await test.bigrock.entries.list();
    expect(timers).toHaveLength(STARTS);
    expect(timerChainBreaks(timers)).toEqual([]);
  });

  it('never overlaps two timers when starts and stops come at once', async () => {
    const bigrocks = await servers();
    await test.bigrock.entries.startTimer({ activity: 'First' });
    const calls = Array.from({ length: STARTS }, (_, index) => {
      const { entries } = bigrocks[index % bigrocks.length] ?? test.bigrock;
      return index % 4 === 3 ? entries.stopTimer() : entries.startTimer({ activity: `Task ${index}` });
    });
    const results = await Promise.allSettled(calls);
    // A stop may find no timer, when another stop came just before it; nothing else may fail.
    const failures = results.flatMap((result) =>
      result.status === 'rejected' && (result.reason as { code?: string }).code !== 'not-found' ? [result.reason] : [],
    );
    expect(failures).toEqual([]);
    for (const result of results) {
      const value = result.status === 'fulfilled' ? result.value : null;
      if (value !== null && 'started' in value && value.stopped !== null)
        expect(value.stopped.end).toBe(value.started.start);
    }
    const timers = await test.bigrock.entries.list();
    const byStart = [...timers].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || endMs(a) - endMs(b));
    const overlaps = byStart.flatMap((entry, index) => {
      const next = byStart[index + 1];
      return next !== undefined && endMs(entry) > Date.parse(next.start) ? [[entry, next]] : [];
    });
    expect(overlaps).toEqual([]);
    expect(timers.filter(({ end }) => end === null).length).toBeLessThanOrEqual(1);
  });
});

const endMs = (entry: TimeEntry) => (entry.end === null ? Infinity : Date.parse(entry.end));
