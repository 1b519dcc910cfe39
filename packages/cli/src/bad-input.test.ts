import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench, type CliRun } from './test-support/cli-workbench.js';

const workbench = cliWorkbench('badinput');
const { dataDir } = workbench;

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

/** A user's mistake: exit status 2 and one line on stderr that names the field and what to do. */
function expectRefused(result: CliRun, message: string | RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^bigrock: /);
  expect(lines[0]).toMatch(message);
}

describe.each(dialects)('bad input to the bigrock command on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const file = (name: string, content: string) => {
    const path = join(dataDir, `${dialect}-${name}`);
    writeFileSync(path, content);
    return path;
  };
  /** `restore` may ask before it replaces the workspace; a test says yes when it can. */
  const restore = async (path: string, ...options: string[]) => {
    const yes = (await run('restore', '--help')).stdout.includes('--yes') ? ['--yes'] : [];
    return run('restore', path, ...yes, ...options);
  };

  it('refuses a NUL character in a file it reads, naming the field (a command line cannot hold one)', async () => {
    const plan = {
      hoursPerWeek: 10,
      workdaysPerWeek: 5,
      goal: { target: 12, unit: 'rec\u0000ruits', start: '2026-01-05', deadline: '2026-03-30' },
      stages: [{ activity: 'calls', minutesPerUnit: 6 }],
    };
    expectRefused(
      await run('plan', 'solve', file('plan.json', JSON.stringify(plan))),
      'goal.unit: must not contain a NUL character (U+0000): remove it.',
    );
  });

  it('refuses numbers beyond what the maths can carry, saying the range', async () => {
    expectRefused(
      await run(
        'funnel',
        'add',
        'tiny',
        '--stages',
        'calls,recruits',
        '--conversions',
        '0.1',
        '--hours-per-week',
        '5e-324',
      ),
      'hoursPerWeek: must be 0, or a number from 0.1 to 168 (the hours in a week).',
    );
    expectRefused(
      await run('funnel', 'add', 'lottery', '--stages', 'calls,recruits', '--conversions', '5e-324'),
      'stages.1.conversion: must be a number from 0.001 to 1 (write 10 % as 0.1).',
    );
  });

  it('refuses half a call: counts are whole numbers', async () => {
    expect((await run('activity', 'add', 'calls')).code).toBe(0);
    expectRefused(await run('activity', 'log', 'calls', '0.5'), 'count: must be a whole number from 1 to 100,000.');
  });

  it('refuses a day that is not in the calendar, a year outside 1900 to 2999 and an offset no clock uses', async () => {
    const goal = JSON.parse((await run('goal', 'add', 'Read 12 books', '--json')).stdout) as { id: string };
    expectRefused(await run('log', goal.id, '1', '--date', '2026-02-30'), /date: must be a date written YYYY-MM-DD/);
    expectRefused(
      await run('log', goal.id, '1', '--date', '9999-12-31'),
      /date: must be a date from 1900-01-01 to 2999-12-31/,
    );
    expectRefused(
      await run('entry', 'add', 'Calls', '--start', '2026-03-02T09:00+25:00', '--end', '2026-03-02T10:00Z'),
      /start: .*clocks use offsets from -12:00 to \+14:00/,
    );
    expectRefused(
      await run('entry', 'list', '--from', '0000-01-01'),
      /from must be a date from 1900-01-01 to 2999-12-31/,
    );
  });

  it('refuses a currency that ISO 4217 does not list', async () => {
    expectRefused(
      await run('outcome', 'add', 'revenue', '10', '--currency', 'NaN'),
      'currency: must be an ISO 4217 currency code such as USD, EUR or JPY.',
    );
  });

  it('restores nothing from a backup whose row the API would refuse, naming line, table and column', async () => {
    const backup = [
      '{"format":"bigrock-backup","version":1,"exportedAt":"2026-03-02T09:00:00.000Z","workspace":{"name":"","timeZone":"UTC"},"tables":{',
      '"goals":[',
      '{"id":"g1","title":"Earn more","level":null,"unit":null,"aggregate":"sum","direction":"up","baseline":0,"target":"lots","start_date":null,"deadline":null,"why":null,"parent_id":null,"systems":null,"owner":null,"partner":null,"tracking_source":"manual","hours_per_week":null,"days_off":"","archived_at":null,"created_at":"2026-03-02T09:00:00.000Z","updated_at":"2026-03-02T09:00:00.000Z"}',
      ']}}',
    ];
    expectRefused(
      await restore(file('bad-backup.json', backup.join('\n'))),
      /^bigrock: Nothing was restored\. Line 3: goals\.target must be a number from .*, got "lots"\. Correct that row of the file and restore again\.$/,
    );
    const listed = await run('goal', 'list', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).not.toContainEqual(expect.objectContaining({ id: 'g1' }));

    const withNul = backup
      .join('\n')
      .replace('"target":"lots"', '"target":12')
      .replace('Earn more', 'Earn\\u0000 more');
    const restored = await restore(file('nul-backup.json', withNul));
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('Took 1 NUL character (U+0000) out of the text');
  });
});
