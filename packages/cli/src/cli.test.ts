import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from './test-support/cli-workbench.js';

const workbench = cliWorkbench('goals');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('the bigrock command on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);

  it('adds a goal, logs progress and shows its pace as JSON', async () => {
    const added = await run(
      'goal',
      'add',
      'Recruit 12 distributors from my warm market',
      '--target',
      '12',
      '--unit',
      'recruits',
      '--start',
      '2026-01-01',
      '--deadline',
      '2026-03-26',
      '--aggregate',
      'sum',
      '--direction',
      'up',
      '--why',
      'A team of twelve makes me business leader',
      '--partner',
      'Maria',
      '--systems',
      'Invitation script',
      '--hours-per-week',
      '10',
      '--json',
    );
    expect(added.code).toBe(0);
    const goal = JSON.parse(added.stdout) as { id: string; target: number; partner: string };
    expect(goal).toMatchObject({ target: 12, partner: 'Maria', hoursPerWeek: 10 });

    for (const date of ['2026-01-07', '2026-01-14', '2026-01-25']) {
      const logged = await run('log', goal.id, '1', '--date', date, '--note', 'signed up', '--json');
      expect(logged.code).toBe(0);
      expect(JSON.parse(logged.stdout)).toMatchObject({ goalId: goal.id, value: 1, date, note: 'signed up' });
    }

    const shown = await run('goal', 'show', goal.id, '--as-of', '2026-01-29', '--json');
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id: goal.id,
      pace: { expected: 4, actual: 3, delta: -1, status: 'behind', bufferDays: -7, projectedDate: '2026-06-04' },
    });

    const human = await run('goal', 'show', goal.id, '--as-of', '2026-01-29');
    expect(human.stdout).toContain('behind: 3 of 4 recruits expected, -7 buffer days');
    expect(human.stdout).toContain('target    12 recruits by Mar 26, 2026');

    // One recruit is "1 recruit": the unit typed in the plural is put in the singular.
    const one = await run('log', goal.id, '1', '--date', '2026-01-28');
    expect(one.stdout).toMatch(/^Logged 1 recruit on Jan 28, 2026\. /);

    const listed = await run('goal', 'list', '--json');
    expect((JSON.parse(listed.stdout) as Array<{ id: string }>).map(({ id }) => id)).toContain(goal.id);
  });

  it('checks a vague goal on the ten dimensions, with fixes', async () => {
    const added = await run('goal', 'add', 'Get fit', '--json');
    const { id } = JSON.parse(added.stdout) as { id: string };
    const checked = await run('goal', 'check', id, '--json');
    const check = JSON.parse(checked.stdout) as {
      score: number;
      dimensions: Array<{ key: string; status: string; fix: string | null }>;
    };
    expect(check.dimensions.map(({ key }) => key)).toEqual([
      'specific',
      'measurable',
      'achievable',
      'relevant',
      'time-bound',
      'systematized',
      'meaningful',
      'activity-based',
      'responsible',
      'track-able',
    ]);
    expect(check.dimensions.find(({ key }) => key === 'measurable')).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('target'),
    });
    expect(check.score).toBeLessThan(50);
  });

  it('answers a wrong argument with one line that says what to fix, and status 2', async () => {
    const cases = [
      ['goal', 'add', 'Sales', '--target', 'lots'],
      ['goal', 'add', 'Sales', '--aggregate', 'average'],
      ['goal', 'add', 'Sales', '--deadline', '31/12/2026'],
      ['goal', 'show', 'no-such-goal'],
      ['log', 'no-such-goal', '3'],
      ['goal', 'frobnicate'],
    ];
    for (const args of cases) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
    expect((await run('goal', 'add', 'Sales', '--aggregate', 'average')).stderr).toContain(
      'Choose one of sum, last, max, count',
    );
    expect((await run('goal', 'add', 'Sales', '--deadline', '31/12/2026')).stderr).toContain(
      'deadline: must be a date written YYYY-MM-DD',
    );
  });
});

describe('the bigrock command, on a new data directory', () => {
  it('loads the demo once and lists its goals', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'bigrock-demo-'));
    const run = cliRunner({ PATH: process.env.PATH, BIGROCK_DATA: fresh, BIGROCK_TZ: 'UTC' });
    try {
      expect((await run('demo')).code).toBe(0);
      const listed = JSON.parse((await run('goal', 'list', '--json')).stdout) as Array<{ pace: { status: string } }>;
      expect(listed).toHaveLength(5);
      const again = await run('demo');
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already has goals');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
