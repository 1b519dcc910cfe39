import { randomBytes } from 'node:crypto';

import { dialects } from '@bigrock/server';
import { shiftedClock, startMastodonTestServer, type MastodonTestServer } from '@bigrock/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('accounts');
let mastodon: MastodonTestServer;

beforeAll(async () => {
  await workbench.setUp();
  mastodon = await startMastodonTestServer({ clock: shiftedClock(), maxCharacters: 5000 });
});
afterAll(async () => {
  await mastodon.close();
  await workbench.tearDown();
});

describe.each(dialects)('bigrock account on %s', (dialect) => {
  // Server mode (PostgreSQL) keeps the credential key in the environment.
  const env = {
    ...workbench.env[dialect],
    ...(dialect === 'postgres' && { BIGROCK_SECRET_KEY: randomBytes(32).toString('base64') }),
  };
  const run = cliRunner(env);
  const json = <T>(result: { stdout: string }) => JSON.parse(result.stdout) as T;

  it(
    'adds, lists and removes accounts, never printing a credential after it was added',
    { timeout: 180_000 },
    async () => {
      const added = await run(
        'account',
        'add',
        'mastodon',
        '--instance',
        mastodon.url,
        '--token',
        mastodon.token,
        '--json',
      );
      expect(added.code).toBe(0);
      const { account } = json<{ account: { id: string; name: string; limits: { maxCharacters: number } } }>(added);
      expect(account).toMatchObject({ name: '@maria@social.test', limits: { maxCharacters: 5000 } });

      const hook = await run('account', 'add', 'webhook', '--url', 'http://127.0.0.1:9/hook');
      expect(hook.code).toBe(0);
      const secret = /whsec_[A-Za-z0-9+/=]+/.exec(hook.stdout)?.[0];
      expect(hook.stdout).toMatch(/shown this once/);

      const listed = await run('account', 'list');
      expect(listed.stdout).toMatch(/mastodon\s+@maria@social\.test/);
      expect(listed.stdout).toContain('5,000 characters, links count 23');
      const listedJson = await run('account', 'list', '--json');
      expect(json<unknown[]>(listedJson)).toHaveLength(2);
      for (const output of [listed.stdout, listedJson.stdout]) {
        expect(output).not.toContain(mastodon.token);
        expect(output).not.toContain(secret);
      }

      const backup = await run('export', '--format', 'json');
      expect(backup.stdout).not.toContain(mastodon.token);
      const withCredentials = await run('export', '--format', 'json', '--with-credentials');
      expect(withCredentials.stdout).toContain(mastodon.token);

      expect(json(await run('account', 'remove', account.id, '--json'))).toEqual({ removed: account.id });
      const again = await run('account', 'remove', account.id);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/bigrock account list/);
    },
  );

  it('says what to fix when the network or the input refuses', { timeout: 120_000 }, async () => {
    const refused = await run('account', 'add', 'mastodon', '--instance', mastodon.url, '--token', 'wrong');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/token/);
    const plain = await run('account', 'add', 'mastodon', '--instance', 'http://example.org', '--token', 't');
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/https/);
    const password = await run(
      'account',
      'add',
      'bluesky',
      '--handle',
      'maria.bsky.social',
      '--app-password',
      'hunter2',
    );
    expect(password.code).toBe(2);
    expect(password.stderr).toMatch(/app password/);
    const secret = await run('account', 'add', 'webhook', '--url', 'https://x.org/h', '--secret', 'whsec_short');
    expect(secret.code).toBe(2);
    expect(secret.stderr).toMatch(/24 to 64 bytes/);
  });
});
