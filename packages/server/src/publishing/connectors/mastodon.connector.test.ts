import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { shiftedClock } from '../../test-support/test-bigrock.js';
import { startMastodonTestServer, type MastodonTestServer } from '../../test-support/mastodon-test-server.js';
import type { PublishAttempt } from './connector.js';
import { createMastodonConnector, verifyMastodonAccount } from './mastodon.connector.js';
import { PublishError } from './publish-error.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

describe('the Mastodon connector, against the test instance', () => {
  const clock = shiftedClock();
  let instance: MastodonTestServer;
  let keyCount = 0;
  const attempt = (text: string, extra: Partial<PublishAttempt['content']> = {}): PublishAttempt => ({
    idempotencyKey: `key-${(keyCount += 1)}-${Date.now()}`,
    firstTriedAt: clock.now(),
    content: { text, ...extra },
  });
  const connector = () => createMastodonConnector({ instance: instance.url, token: instance.token, clock });

  beforeAll(async () => {
    instance = await startMastodonTestServer({ clock, maxCharacters: 600, charactersReservedPerUrl: 23 });
  });
  afterAll(() => instance.close());

  it("reads the account and the instance's limits", async () => {
    const verified = await verifyMastodonAccount({ instance: instance.url, token: instance.token });
    expect(verified).toMatchObject({
      name: '@maria@social.test',
      limits: { maxCharacters: 600, charactersReservedPerUrl: 23, maxMediaAttachments: 4, imageSizeLimit: 16_777_216 },
    });
    expect(verified.limits.supportedMimeTypes).toContain('image/png');
  });

  it('posts once for one Idempotency-Key, however many times it is sent', async () => {
    const post = attempt('Hello from Bigrock 👋🏽 https://example.org');
    const first = await connector().publish(post);
    const second = await connector().publish(post);
    expect(second).toEqual(first);
    expect(instance.statuses.filter((status) => status.id === first.remoteId)).toHaveLength(1);
    expect(instance.requests.filter((request) => request.idempotencyKey === post.idempotencyKey)).toHaveLength(2);
    expect(first.remoteUrl).toBe(`${instance.url}/@maria/${first.remoteId}`);
  });

  it('sends the content warning as spoiler text', async () => {
    const { remoteId } = await connector().publish(attempt('The ending', { contentWarning: 'Spoilers' }));
    expect(instance.statuses.find((status) => status.id === remoteId)).toMatchObject({ spoilerText: 'Spoilers' });
  });

  it('uploads media with its alt text and waits until it is processed before posting', async () => {
    const { remoteId } = await connector().publish(
      attempt('With a picture', { media: [{ data: PNG, mimeType: 'image/png', altText: 'A big rock at dawn' }] }),
    );
    const status = instance.statuses.find((candidate) => candidate.id === remoteId);
    const mediaId = status?.mediaIds[0] ?? '';
    expect(instance.media.get(mediaId)).toMatchObject({
      description: 'A big rock at dawn',
      bytes: PNG.length,
      pollsLeft: 0,
    });
    const polls = instance.requests.filter((request) => request.route === `GET /api/v1/media/${mediaId}`);
    expect(polls.length).toBeGreaterThanOrEqual(2);
  }, 20_000);

  it('says to wait as long as a 429 asks', async () => {
    instance.failNext('POST /api/v1/statuses', {
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'retry-after': '30' },
    });
    const error = await connector()
      .publish(attempt('slow down'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({ kind: 'transient', status: 429, retryAfterMs: 30_000, outcomeUnknown: false });
    expect((error as PublishError).reason).toMatch(/Too many requests/);
  });

  it('takes a 5xx as transient, with an outcome to reconcile', async () => {
    instance.failNext('POST /api/v1/statuses', { status: 503, body: { error: 'Maintenance' } });
    await expect(connector().publish(attempt('down'))).rejects.toMatchObject({
      kind: 'transient',
      status: 503,
      outcomeUnknown: true,
    });
  });

  it("stops on a 422 with the instance's reason", async () => {
    await expect(connector().publish(attempt('x'.repeat(601)))).rejects.toMatchObject({
      kind: 'permanent',
      status: 422,
      reason: expect.stringMatching(/character limit of 600/),
    });
  });

  it('stops on a 401 and says to add the account again', async () => {
    const revoked = createMastodonConnector({ instance: instance.url, token: 'revoked', clock });
    const error = await revoked.publish(attempt('who am I')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'permanent', status: 401 });
    expect((error as Error).message).toMatch(/add the account again/);
  });

  it('takes a lost reply as unknown, and reconciles it to the one status the instance made', async () => {
    instance.failNext('POST /api/v1/statuses', { dropReplyAfterWrite: true });
    const post = attempt('Lost on the way back');
    const before = instance.statuses.length;
    await expect(connector().publish(post)).rejects.toMatchObject({ kind: 'transient', outcomeUnknown: true });
    expect(instance.statuses).toHaveLength(before + 1);
    const reconciled = await connector().reconcile(post);
    expect(reconciled).toMatchObject({ state: 'posted', remoteId: instance.statuses.at(-1)?.id });
    expect(instance.statuses).toHaveLength(before + 1);
  });

  it("after the key's hour, reconciles from the account's latest statuses", async () => {
    instance.failNext('POST /api/v1/statuses', { dropReplyAfterWrite: true });
    const post = attempt('Lost, & found <later>');
    await expect(connector().publish(post)).rejects.toMatchObject({ outcomeUnknown: true });
    const made = instance.statuses.at(-1);
    clock.advance(2 * 60 * 60_000);
    expect(await connector().reconcile(post)).toEqual({
      state: 'posted',
      remoteId: made?.id,
      remoteUrl: `${instance.url}/@maria/${made?.id}`,
    });
    const never = attempt('Never sent');
    never.firstTriedAt = new Date(clock.now().getTime() - 2 * 60 * 60_000);
    expect(await connector().reconcile(never)).toEqual({ state: 'absent' });
  });
});
