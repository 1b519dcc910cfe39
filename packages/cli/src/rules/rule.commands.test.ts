import { randomBytes } from 'node:crypto';

import { dialects } from '@bigrock/server';
import { startFeedTestServer, type FeedTestServer } from '@bigrock/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('rules');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock rule on %s', (dialect) => {
  // Server mode (PostgreSQL) keeps the key that seals hook secrets in the environment.
  const run = cliRunner({
    ...workbench.env[dialect],
    ...(dialect === 'postgres' && { BIGROCK_SECRET_KEY: randomBytes(32).toString('base64') }),
  });
  let feed: FeedTestServer;
  beforeAll(async () => {
    feed = await startFeedTestServer([{ guid: 'g1', link: 'https://blog.test/1', title: 'Old news' }]);
  });
  afterAll(() => feed.close());
  const json = <T>(result: { stdout: string }) => JSON.parse(result.stdout) as T;

  it('adds a feed rule, runs it dry and for real, shows its runs and removes it', { timeout: 120_000 }, async () => {
    expect((await run('activity', 'add', 'posts')).code).toBe(0);
    const added = await run(
      'rule',
      'add',
      'Blog',
      '--feed',
      feed.url,
      '--contains',
      'title=launch',
      '--log',
      'posts=2',
      '--json',
    );
    expect(added.code).toBe(0);
    const { rule } = json<{ rule: { id: string; trigger: unknown; filters: unknown[] } }>(added);
    expect(rule.trigger).toEqual({ kind: 'feed', url: feed.url });
    expect(rule.filters).toEqual([{ kind: 'contains', field: 'title', value: 'launch' }]);

    const primed = await run('rule', 'run', 'Blog');
    expect(primed).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('primed. First poll: 1 items marked seen; nothing posted.'),
    });

    feed.items.unshift({ guid: 'g2', link: 'https://blog.test/2', title: 'Launch day' });
    const dry = await run('rule', 'run', 'Blog', '--dry-run', '--json');
    expect(json<{ dryRun: boolean; items: Array<{ actions: Array<{ status: string }> }> }>(dry)).toMatchObject({
      dryRun: true,
      items: [{ actions: [{ status: 'would' }] }],
    });
    const real = await run('rule', 'run', 'Blog');
    expect(real.stdout).toContain('log (done): Logged 2 posts on posts.');
    const again = await run('rule', 'run', 'Blog', '--json');
    expect(json<{ items: unknown[] }>(again).items).toEqual([]);
    const logs = json<{ logs: Array<{ count: number }> }>(await run('activity', 'show', 'posts', '--json')).logs;
    expect(logs.map((log) => log.count)).toEqual([2]);

    const shown = json<{ runs: Array<{ status: string; dryRun: boolean }> }>(
      await run('rule', 'show', rule.id, '--json'),
    );
    expect(shown.runs.map((entry) => [entry.status, entry.dryRun])).toEqual([
      ['nothing', false],
      ['done', false],
      ['done', true],
      ['primed', false],
    ]);
    expect((await run('rule', 'list')).stdout).toMatch(/Blog\s+feed http/);
    expect(await run('rule', 'remove', 'Blog')).toMatchObject({ code: 0, stdout: 'Removed the rule Blog.\n' });
    expect((await run('rule', 'list', '--json')).stdout.trim()).toBe('[]');
  });

  it('prints a hook rule’s secret once, and says why a rule cannot be added', { timeout: 120_000 }, async () => {
    const hook = await run('rule', 'add', 'Shop', '--hook', '--post', 'A sale ({type})');
    expect(hook.code).toBe(0);
    expect(hook.stdout).toMatch(
      /\/api\/v1\/rules\/\w+\/hook on this server\. Its signing secret, shown this once:\nwhsec_/,
    );
    expect((await run('rule', 'show', 'Shop')).stdout).not.toContain('whsec_');
    // No publishing account yet: the post action says what to do, in the run.
    const manual = await run('rule', 'run', 'Shop', '--json');
    expect(json<{ status: string; items: Array<{ actions: Array<{ detail: string }> }> }>(manual)).toMatchObject({
      status: 'failed',
      items: [{ actions: [{ detail: expect.stringMatching(/no publishing account to post to; add one first/) }] }],
    });

    const none = await run('rule', 'add', 'Nothing', '--post', 'x');
    expect(none).toMatchObject({ code: 2, stderr: expect.stringMatching(/^bigrock: Say what starts the rule/) });
    const two = await run('rule', 'add', 'Two', '--hook', '--goal', 'g1', '--post', 'x');
    expect(two.stderr).toBe('bigrock: Give one trigger, not --goal and --hook.\n');
    const field = await run('rule', 'add', 'Typo', '--feed', feed.url, '--post', 'New: {titel}');
    expect(field).toMatchObject({ code: 2, stderr: expect.stringContaining('{titel} is not a field of a feed item') });
    const at = await run('rule', 'add', 'Bad day', '--at', 'someday@9', '--post', 'x');
    expect(at.code).toBe(2);
    expect((await run('rule', 'list', '--json')).stdout).not.toContain('Typo');
    expect((await run('rule', 'remove', 'Shop')).code).toBe(0);
  });
});
