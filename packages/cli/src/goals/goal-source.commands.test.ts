import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('goal_sources');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('goal sources in the bigrock command on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await run(...args, '--json');
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as T;
  };

  it('feeds a goal from an activity named in any case, and names it in goal show --json', async () => {
    const calls = await json<{ id: string }>('activity', 'add', 'Calls');
    const goal = await json<{ id: string; source: unknown }>(
      'goal',
      'add',
      'Make 100 calls',
      '--target',
      '100',
      '--deadline',
      '2999-01-01',
      '--source',
      'activity:calls',
    );
    expect(goal.source).toEqual({ kind: 'activity', activityId: calls.id });

    expect((await run('activity', 'log', 'calls', '8')).code).toBe(0);
    const shown = await json<{ source: unknown; pace: { actual: number } }>('goal', 'show', goal.id);
    expect(shown.source).toEqual({
      kind: 'activity',
      activityId: calls.id,
      text: `activity:${calls.id}`,
      description: 'the counts logged on the activity "Calls"',
      activityName: 'Calls',
    });
    expect(shown.pace.actual).toBe(8);
    expect((await run('goal', 'show', goal.id)).stdout).toContain(
      'source    the counts logged on the activity "Calls"',
    );

    const refused = await run('log', goal.id, '3');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/fed by the counts logged on the activity "Calls".*bigrock activity log/);
  });

  it('changes a goal to hours of a tag, then to outcomes of a channel, with goal edit', async () => {
    const goal = await json<{ id: string }>('goal', 'add', 'Deep work', '--target', '50', '--deadline', '2999-01-01');
    expect(await json('goal', 'edit', goal.id, '--source', 'hours:#deep')).toMatchObject({
      source: { kind: 'hours', activity: null, tag: 'deep' },
    });
    const shown = await json<{ source: unknown }>('goal', 'show', goal.id);
    expect(shown.source).toEqual({
      kind: 'hours',
      activity: null,
      tag: 'deep',
      text: 'hours:#deep',
      description: 'the hours of time entries tagged #deep',
    });
    expect(await json('goal', 'edit', goal.id, '--source', 'outcome:clients:Referral')).toMatchObject({
      source: { kind: 'outcome', outcome: 'client', channel: 'Referral', activity: null },
    });
    expect(await json('goal', 'edit', goal.id, '--source', 'manual')).toMatchObject({ source: { kind: 'manual' } });
  });

  it('exits with 2 and says what to write when a source is wrong or names nothing', async () => {
    const unknown = await run('goal', 'add', 'Calls', '--source', 'activity:Emails');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/source: no activity has the id or name "Emails"/);
    const hours = await run('goal', 'add', 'Calls', '--source', 'hours:Gardening');
    expect(hours.code).toBe(2);
    expect(hours.stderr).toMatch(/no activity or time entry is named "Gardening"/);
    const wrong = await run('goal', 'add', 'Calls', '--source', 'timer');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/source: "timer" is an old tracking label: write one of manual/);
    const titles = (await json<Array<{ title: string }>>('goal', 'list')).map(({ title }) => title);
    expect(titles).not.toContain('Calls');
  });
});
