import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('activities');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock activity on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);

  it('adds an activity with a rate, logs counts by name and shows its pace as JSON', async () => {
    const goal = JSON.parse(
      (await run('goal', 'add', 'Recruit 12 distributors', '--target', '12', '--unit', 'recruits', '--json')).stdout,
    ) as { id: string };
    const added = await run(
      'activity',
      'add',
      'calls',
      '--per-day',
      '10',
      '--minutes',
      '6',
      '--class',
      'income',
      '--goal',
      goal.id,
      '--start',
      '2026-01-05',
      '--json',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      name: 'calls',
      rate: 10,
      ratePeriod: 'day',
      minutesPerUnit: 6,
      activityClass: 'income',
      goalIds: [goal.id],
    });

    for (const [date, count] of [
      ['2026-01-05', '12'],
      ['2026-01-06', '10'],
      ['2026-01-07', '8'],
    ] as const) {
      const logged = await run('activity', 'log', 'calls', count, '--date', date, '--json');
      expect(logged.code).toBe(0);
      expect(JSON.parse(logged.stdout)).toMatchObject({ date, count: Number(count) });
    }

    const shown = JSON.parse(
      (await run('activity', 'show', 'Calls', '--as-of', '2026-01-08', '--json')).stdout,
    ) as unknown;
    expect(shown).toMatchObject({
      name: 'calls',
      hoursPerWeek: 5,
      pace: { expected: 30, actual: 30, status: 'on-track', streak: { unit: 'day', current: 0, longest: 2 } },
      logs: [{ count: 12 }, { count: 10 }, { count: 8 }],
    });

    const listed = JSON.parse((await run('activity', 'list', '--as-of', '2026-01-08', '--json')).stdout) as Array<{
      name: string;
      hoursPerWeek: number;
    }>;
    expect(listed).toEqual([expect.objectContaining({ name: 'calls', hoursPerWeek: 5 })]);

    const human = await run('activity', 'list', '--as-of', '2026-01-08');
    expect(human.stdout).toContain('10 calls a day');
  });

  it('plans a break and edits an activity', async () => {
    const pause = await run('activity', 'break', 'calls', '--from', '2026-01-08', '--to', '2026-01-09', '--json');
    expect(JSON.parse(pause.stdout)).toMatchObject({ start: '2026-01-08', end: '2026-01-09' });
    const edited = await run('activity', 'edit', 'calls', '--times-a-week', '3', '--json');
    expect(JSON.parse(edited.stdout)).toMatchObject({ rate: 3, ratePeriod: 'times-a-week' });
  });

  it('answers a wrong argument with one line that says what to fix, and status 2', async () => {
    const cases = [
      ['activity', 'add', 'emails', '--per-day', '10', '--per-week', '5'],
      ['activity', 'add', 'emails', '--class', 'hobby'],
      ['activity', 'add', 'emails', '--minutes', 'ten'],
      ['activity', 'add', 'calls'],
      ['activity', 'log', 'no-such-activity', '3'],
      ['activity', 'log', 'calls', 'many'],
      ['activity', 'log', 'calls', '3', '--date', 'yesterday'],
    ];
    // None of them changes anything, so they can run side by side.
    const results = await Promise.all(cases.map((args) => run(...args)));
    results.forEach((result, index) => {
      const args = cases[index]?.join(' ');
      expect(result.code, args).toBe(2);
      expect(result.stderr.trim().split('\n'), args).toHaveLength(1);
      expect(result.stdout, args).toBe('');
    });
    expect(results[1]?.stderr).toContain('Choose one of income, supporting, waste');
    expect(results[6]?.stderr).toContain('date: must be a date written YYYY-MM-DD');
  });
});
