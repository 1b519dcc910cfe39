import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

// The workspace is on UTC: `YYYY-MM-DD HH:mm` of an instant is its ISO text cut short.
const workbench = cliWorkbench('timer_more');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

const wall = (instantMs: number) => new Date(instantMs).toISOString().slice(0, 16).replace('T', ' ');
const minutes = (count: number) => count * 60_000;

interface Entry {
  id: string;
  activity: string;
  start: string;
  end: string | null;
  tags: string[];
  note: string | null;
}

describe.each(dialects)('bigrock timer continue, edit and --at on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const json = <T>(result: { stdout: string }) => JSON.parse(result.stdout) as T;

  it('starts a timer at a time of today, and refuses a start to come', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const started = await run('timer', 'start', 'Email', '--at', '00:00', '--json');
    expect(started.code, started.stderr).toBe(0);
    expect(json<{ started: Entry }>(started).started.start).toBe(`${today}T00:00:00.000Z`);

    const tomorrow = wall(Date.now() + minutes(24 * 60));
    const future = await run('timer', 'start', 'Calls', '--at', tomorrow);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(new RegExp(`^bigrock: start: ${tomorrow} is in the future \\(it is .+ now\\)`));
    const bad = await run('timer', 'start', 'Calls', '--at', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bigrock: start: "soon" is not a date and time/);
    expect(json<{ running: Entry }>(await run('timer', 'status', '--json')).running.activity).toBe('Email');
  });

  it("moves the running timer's start, and says it in the workspace's clock time", async () => {
    const start = Date.now() - minutes(10);
    const moved = await run('timer', 'edit', '--start', wall(start));
    expect(moved.code, moved.stderr).toBe(0);
    // The minute typed: ten minutes ago, or eleven once the seconds are cut.
    expect(moved.stdout).toMatch(
      new RegExp(`^Email now started at ${wall(start).slice(11)}: running for 1[01] min( \\d+ sec)?\\.\n$`),
    );
    const running = json<{ running: Entry }>(await run('timer', 'status', '--json')).running;
    expect(running.start).toBe(new Date(Math.floor(start / 60_000) * 60_000).toISOString());
    const missing = await run('timer', 'edit');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--start <time>' not specified");
  });

  it('continues the last entry stopped, with its tags and note, and a named one', async () => {
    await run('timer', 'start', 'Calls', '--tag', 'mga', '--note', 'Warm list');
    await run('timer', 'stop');
    const continued = await run('timer', 'continue', '--json');
    expect(continued.code, continued.stderr).toBe(0);
    const { started } = json<{ started: Entry }>(continued);
    expect(started).toMatchObject({ activity: 'Calls', tags: ['mga'], note: 'Warm list', end: null });
    expect((await run('timer', 'continue')).stdout).toMatch(
      /^Started Calls; stopped Calls after (\d+ min( \d+ sec)?|\d+ sec)\.\n$/,
    );

    const email = json<Entry[]>(await run('entry', 'list', '--json')).find(({ activity }) => activity === 'Email');
    const named = await run('timer', 'continue', email?.id ?? '');
    expect(named.stdout).toMatch(/^Started Email; stopped Calls after (\d+ min( \d+ sec)?|\d+ sec)\.\n$/);
    const unknown = await run('timer', 'continue', 'NOSUCH0000');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No time entry has the id "NOSUCH0000"');
  });

  it('writes "calls" as the "Calls" in use, unless kept separate', async () => {
    expect(json<{ started: Entry }>(await run('timer', 'start', 'calls', '--json')).started.activity).toBe('Calls');
    const kept = await run('timer', 'start', 'CALLS', '--keep-separate', '--json');
    expect(json<{ started: Entry }>(kept).started.activity).toBe('CALLS');
    await run('timer', 'stop');
    const added = await run(
      'entry',
      'add',
      ' email ',
      '--start',
      wall(Date.now() - minutes(300)),
      '--end',
      wall(Date.now() - minutes(290)),
      '--json',
    );
    expect(json<Entry>(added).activity).toBe('Email');
    await run('activity', 'add', 'Podcast');
    const clash = await run('activity', 'add', 'podcast');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('keep "podcast" as a separate activity');
    expect((await run('activity', 'add', 'podcast', '--keep-separate')).code).toBe(0);
  });
});
