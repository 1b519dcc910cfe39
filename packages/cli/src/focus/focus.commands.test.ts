import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('focus', 'Europe/Paris');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

interface Session {
  status: string;
  activity: string;
  title: string;
  plannedSeconds: number;
  focusedSeconds: number;
  interruptions: Array<{ kind: string; note: string | null }>;
  abandonReason: string | null;
}

describe.each(dialects)('bigrock focus on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await run(...args, '--json');
    expect(result.stderr, args.join(' ')).toBe('');
    expect(result.code, args.join(' ')).toBe(0);
    return JSON.parse(result.stdout) as T;
  };

  it('refuses an interruption, a pause or a done with no session, saying how to start one', async () => {
    for (const args of [['interrupt', 'external'], ['pause'], ['done'], ['abandon', '--reason', 'x']]) {
      const result = await run('focus', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^bigrock: session: no focus session is running.*bigrock focus start/);
    }
    const kind = await run('focus', 'interrupt', 'bored');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/internal, external/);
    expect((await run('focus', 'abandon')).stderr).toMatch(/--reason/);
  });

  it('starts a session that stops the running timer, logs interruptions, pauses, resumes and finishes it', async () => {
    expect((await run('timer', 'start', 'Email')).code).toBe(0);
    const started = await json<{ session: Session; stopped: { activity: string } | null }>(
      'focus',
      'start',
      'Calls',
      '--minutes',
      '25',
    );
    expect(started.session).toMatchObject({ status: 'running', activity: 'Calls', plannedSeconds: 1500 });
    expect(started.stopped?.activity).toBe('Email');
    expect((await run('focus', 'start', 'Email')).stderr).toMatch(/a focus session is open already \("Calls"\)/);

    const text = await run('focus', 'interrupt', 'internal', '--note', 'Checked the phone');
    expect(text.stdout).toMatch(/^Logged an internal interruption\. Calls: running, .* focused of 25 min planned/);
    const interrupted = await json<Session>('focus', 'interrupt', 'external');
    expect(interrupted.interruptions).toEqual([
      expect.objectContaining({ kind: 'internal', note: 'Checked the phone' }),
      expect.objectContaining({ kind: 'external', note: null }),
    ]);
    expect((await json<Session>('focus', 'pause')).status).toBe('paused');
    expect((await json<{ running: unknown }>('timer', 'status')).running).toBeNull();
    expect((await json<Session>('focus', 'resume')).status).toBe('running');
    expect((await json<{ session: Session }>('focus', 'status')).session.status).toBe('running');
    const done = await json<Session>('focus', 'done');
    expect(done.status).toBe('done');

    const entries = await json<Array<{ activity: string; source: string }>>('entry', 'list');
    expect(entries.filter(({ source }) => source === 'focus').map(({ activity }) => activity)).toEqual([
      'Calls',
      'Calls',
    ]);
    expect(await json('focus', 'status')).toEqual({ session: null, defaultMinutes: 25, rock: null });
    expect((await run('focus', 'status')).stdout).toMatch(/No focus session is open.*next planned length: 25 min/);
    // Fifteen runs of the binary: on a loaded machine they take longer than the default 30 s.
  }, 90_000);

  it('abandons with a reason, and counts the sessions in the statistics', async () => {
    await json('focus', 'start', 'Writing');
    const abandoned = await json<Session>('focus', 'abandon', '--reason', 'The client called');
    expect(abandoned).toMatchObject({ status: 'abandoned', abandonReason: 'The client called', plannedSeconds: 1500 });
    const stats = await json<{
      sessions: { finished: number; abandoned: number };
      interruptions: { internal: number; external: number };
      heatmap: unknown[];
      days: unknown[];
    }>('focus', 'stats');
    expect(stats.sessions).toEqual({ finished: 1, abandoned: 1 });
    expect(stats.interruptions).toMatchObject({ internal: 1, external: 1 });
    expect(stats.heatmap).toHaveLength(168);
    expect(stats.days).toHaveLength(28);
    const text = await run('focus', 'stats');
    expect(text.stdout).toMatch(/Sessions: 1 finished, 1 abandoned/);
    const bad = await run('focus', 'stats', '--from', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/from/);
  });
});
