import { describe, expect, it } from 'vitest';

import { addAccountSchema, serviceUrlProblem } from './account-input.js';

describe('serviceUrlProblem', () => {
  it('takes https anywhere and plain http to this machine only', () => {
    expect(serviceUrlProblem('https://mastodon.social')).toBeNull();
    expect(serviceUrlProblem('http://127.0.0.1:4000/hook')).toBeNull();
    expect(serviceUrlProblem('http://localhost:3000')).toBeNull();
    expect(serviceUrlProblem('http://example.org')).toMatch(/https/);
    expect(serviceUrlProblem('https://user:pw@example.org')).toMatch(/password/);
    expect(serviceUrlProblem('mastodon.social')).toMatch(/web address/);
  });
});

describe('addAccountSchema', () => {
  it('takes a Bluesky handle with its @ and in any case', () => {
    const parsed = addAccountSchema.parse({
      network: 'bluesky',
      handle: '@Maria.BSKY.social',
      appPassword: 'abcd-efgh-ijkl-mnop',
    });
    expect(parsed).toMatchObject({ handle: 'maria.bsky.social' });
  });

  it('refuses an account password where an app password belongs', () => {
    const result = addAccountSchema.safeParse({
      network: 'bluesky',
      handle: 'maria.bsky.social',
      appPassword: 'hunter2',
    });
    expect(result.error?.issues[0]?.message).toMatch(/app password/);
  });

  it('takes a webhook secret of 24 to 64 bytes only', () => {
    const secret = (bytes: number) => `whsec_${'A'.repeat(Math.ceil((bytes * 4) / 3))}`;
    expect(addAccountSchema.safeParse({ network: 'webhook', url: 'https://x.org', secret: secret(24) }).success).toBe(
      true,
    );
    expect(addAccountSchema.safeParse({ network: 'webhook', url: 'https://x.org', secret: secret(16) }).success).toBe(
      false,
    );
    expect(addAccountSchema.safeParse({ network: 'webhook', url: 'https://x.org', secret: 'abc' }).success).toBe(false);
  });

  it('names the networks it knows', () => {
    const result = addAccountSchema.safeParse({ network: 'myspace' });
    expect(result.error?.issues[0]?.message).toMatch(/mastodon, bluesky, webhook/);
  });
});
