import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('funnels');
const { dataDir } = workbench;

/** The seeds' example as a plan file. */
const seedsPlan = (hoursPerWeek: number) => ({
  hoursPerWeek,
  workdaysPerWeek: 5,
  goal: { target: 12, unit: 'recruits', start: '2026-01-05', deadline: '2026-03-30' },
  stages: [
    { activity: 'calls', minutesPerUnit: 6 },
    { activity: 'appointments', minutesPerUnit: 45, conversionFromPrevious: 0.1 },
    { activity: 'recruits', minutesPerUnit: 60, conversionFromPrevious: 0.2 },
  ],
});

function writePlan(name: string, content: unknown): string {
  const file = join(dataDir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe('bigrock plan solve', () => {
  const run = cliRunner(workbench.env.sqlite);

  it("solves the seeds' plan: 10 calls a day, 5 appointments and 1 recruit a week, 9.75 h, feasible at 10", async () => {
    const result = await run('plan', 'solve', writePlan('seeds-10.json', seedsPlan(10)), '--json');
    expect(result.code).toBe(0);
    const solution = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(solution).toMatchObject({
      feasible: true,
      hoursPerWeek: 9.75,
      hoursAvailable: 10,
      stages: [
        { activity: 'calls', perWeek: 50, perDay: 10 },
        { activity: 'appointments', perWeek: 5, perDay: 1 },
        { activity: 'recruits', perWeek: 1, perDay: 0.2 },
      ],
      tradeoffs: [],
    });
    expect(solution.probability).toEqual(expect.any(Number));
  });

  it('says it does not fit at 8 h, with trade-offs, in words and in JSON', async () => {
    const file = writePlan('seeds-8.json', seedsPlan(8));
    const solution = JSON.parse((await run('plan', 'solve', file, '--json')).stdout) as {
      feasible: boolean;
      tradeoffs: Array<{ kind: string }>;
    };
    expect(solution.feasible).toBe(false);
    expect(solution.tradeoffs.map(({ kind }) => kind)).toContain('more-hours');
    const human = await run('plan', 'solve', file);
    expect(human.stdout).toContain('Does not fit: it takes 9.75 h a week, you have 8 h.');
    expect(human.stdout).toContain('Move the deadline to Apr 18, 2026: 14.7 weeks instead of 12 weeks.');
    // Figures, units and dates are written by core's Intl formatters, as in the web app.
    expect(human.stdout).toMatch(/^12 recruits by Mar 30, 2026: 12 weeks from [A-Z][a-z]{2} \d{1,2}, \d{4}\n/);
  });

  it('answers a missing file, bad JSON or a bad field with one line naming it, and status 2', async () => {
    const { stages, ...withoutStages } = seedsPlan(10);
    const noConversion = { ...seedsPlan(10), stages: [stages[0], { activity: 'appointments', minutesPerUnit: 45 }] };
    const cases: Array<[string, string]> = [
      [join(dataDir, 'missing.json'), 'there is no such file'],
      [writePlan('broken.json', '{"hoursPerWeek": 10,'), 'is not valid JSON'],
      [writePlan('no-stages.json', withoutStages), 'stages:'],
      [writePlan('no-conversion.json', noConversion), 'stages.1.conversionFromPrevious:'],
      [
        writePlan('bad-date.json', { ...seedsPlan(10), goal: { ...seedsPlan(10).goal, deadline: '30/03/2026' } }),
        'goal.deadline: must be a date',
      ],
    ];
    const results = await Promise.all(cases.map(([file]) => run('plan', 'solve', file, '--json')));
    for (const [index, [file, message]] of cases.entries()) {
      const result = results[index] ?? { code: 0, stdout: '', stderr: '' };
      expect(result.code, file).toBe(2);
      expect(result.stdout, file).toBe('');
      expect(result.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(result.stderr, file).toContain(message);
    }
  });

  it('prints a template as a plan file that solves', async () => {
    const template = await run('plan', 'template', 'network-marketing', '--start', '2026-01-05');
    const file = writePlan('template.json', template.stdout);
    expect(JSON.parse((await run('plan', 'solve', file, '--json')).stdout)).toMatchObject({ hoursPerWeek: 9.75 });
  });
});

describe.each(dialects)('bigrock funnel on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);

  it('adds a funnel and solves it with the same output as plan solve, plus conversions', async () => {
    const added = await run(
      'funnel',
      'add',
      'warm market',
      '--stages',
      'calls,appointments,recruits',
      '--conversions',
      '0.1,20%',
      '--minutes',
      '6,45,60',
      '--target',
      '12',
      '--unit',
      'recruits',
      '--start',
      '2026-01-05',
      '--deadline',
      '2026-03-30',
      '--hours-per-week',
      '10',
      '--workdays',
      '5',
      '--json',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      name: 'warm market',
      stages: [{ activity: 'calls' }, { conversionGuess: 0.1 }, { conversionGuess: 0.2 }],
    });

    const solved = JSON.parse(
      (await run('funnel', 'solve', 'warm market', '--as-of', '2026-01-05', '--json')).stdout,
    ) as {
      stages: Array<{ perDay: number }>;
    };
    expect(solved).toMatchObject({
      feasible: true,
      hoursPerWeek: 9.75,
      hoursAvailable: 10,
      stages: [{ activity: 'calls', perWeek: 50, perDay: 10 }, { perWeek: 5 }, { perWeek: 1 }],
      tradeoffs: [],
      probability: expect.any(Number),
      conversions: [
        {
          from: 'calls',
          to: 'appointments',
          guess: 0.1,
          learned: null,
          low: expect.any(Number),
          high: expect.any(Number),
        },
        { from: 'appointments', to: 'recruits', guess: 0.2, learned: null },
      ],
    });
  });

  it('after 100 calls, 6 appointments and 1 recruit, asks for more calls and says why', async () => {
    for (const date of ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'])
      expect((await run('activity', 'log', 'calls', '20', '--date', date)).code).toBe(0);
    await run('activity', 'log', 'appointments', '6', '--date', '2026-01-09');
    await run('activity', 'log', 'recruits', '1', '--date', '2026-01-09');
    const solved = JSON.parse(
      (await run('funnel', 'solve', 'warm market', '--as-of', '2026-01-12', '--json')).stdout,
    ) as {
      stages: Array<{ perDay: number }>;
      conversions: Array<{ learned: number | null; trials: number }>;
      notes: string[];
    };
    expect(solved.conversions[0]).toMatchObject({ learned: 0.0636, trials: 100 });
    expect(solved.stages[0]?.perDay).toBeGreaterThan(10);
    expect(solved.notes[0]).toContain('100 calls gave 6 appointments');
    const human = await run('funnel', 'solve', 'warm market', '--as-of', '2026-01-12');
    expect(human.stdout).toContain('calls → appointments: guess 10%, learned 6.4% from 100 calls');
  });

  it('answers a wrong argument with one line and status 2', async () => {
    const cases = [
      ['funnel', 'add', 'x', '--stages', 'a,b,c', '--conversions', '0.1'],
      ['funnel', 'add', 'y', '--stages', 'a,b', '--conversions', 'ten'],
      ['funnel', 'add', 'z', '--stages', 'a,b'],
      ['funnel', 'add', 'w'],
      ['funnel', 'solve', 'no such funnel'],
      ['funnel', 'solve', 'warm market', '--as-of', '2026-04-01'],
    ];
    // None of them changes anything, so they can run side by side.
    const results = await Promise.all(cases.map((args) => run(...args)));
    results.forEach((result, index) => {
      const args = cases[index]?.join(' ');
      expect(result.code, args).toBe(2);
      expect(result.stderr.trim().split('\n'), args).toHaveLength(1);
    });
    expect(results[0]?.stderr).toContain('conversions: give 2 conversions');
    expect(results[2]?.stderr).toContain('stages.1.conversion');
  });
});
