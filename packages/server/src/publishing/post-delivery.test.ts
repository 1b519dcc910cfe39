import { createHash } from 'node:crypto';

import type { Post } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { startMastodonTestServer, type MastodonTestServer } from '../test-support/mastodon-test-server.js';
import { startTestPds, type TestPds } from '../test-support/start-test-pds.js';
import { openTestBigrock, shiftedClock, type TestBigrock } from '../test-support/test-bigrock.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { MAX_TRIES } from './delivery.service.js';

const MINUTE = 60_000;
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(dialects)('posts through the queue on %s', (dialect) => {
  const clock = shiftedClock();
  let test: TestBigrock;
  let mastodon: MastodonTestServer;
  let pds: TestPds;
  let receiver: WebhookReceiver;
  let ids: { mastodon: string; bluesky: string; webhook: string };
  let alice: Awaited<ReturnType<TestPds['createAccount']>>;

  const bigrock = () => test.bigrock;
  const webhookBodies = (text: string) =>
    receiver.received.filter((message) => (JSON.parse(message.body) as { data: { text: string } }).data.text === text);
  async function blueskyPosts(): Promise<Array<{ uri: string; value: { text: string } }>> {
    const response = await fetch(
      `${pds.url}/xrpc/com.atproto.repo.listRecords?repo=${alice.did}&collection=app.bsky.feed.post&limit=100`,
    );
    return ((await response.json()) as { records: Array<{ uri: string; value: { text: string } }> }).records;
  }
  /** Clears the queue between tests: every post still to send is deleted. */
  async function clearQueue() {
    for (const status of ['queued', 'missed', 'failed'] as const) {
      for (const post of await bigrock().posts.list({ status })) await bigrock().posts.remove(post.id);
    }
  }

  beforeAll(async () => {
    clock.moveTo('2026-12-07T07:00:00.000Z');
    [mastodon, pds, receiver] = await Promise.all([
      startMastodonTestServer({ clock, maxCharacters: 100 }),
      startTestPds(),
      startWebhookReceiver(),
    ]);
    alice = await pds.createAccount('alice');
    test = await openTestBigrock(dialect, {
      clock,
      timeZone: 'Europe/Paris',
      config: { plcUrl: pds.plcUrl, handleResolverUrl: pds.url },
    });
    const added = await Promise.all([
      bigrock().publishingAccounts.add({ network: 'mastodon', instance: mastodon.url, token: mastodon.token }),
      bigrock().publishingAccounts.add({ network: 'bluesky', handle: alice.handle, appPassword: alice.appPassword }),
      bigrock().publishingAccounts.add({ network: 'webhook', url: receiver.url }),
    ]);
    ids = { mastodon: added[0].account.id, bluesky: added[1].account.id, webhook: added[2].account.id };
  }, 90_000);
  afterAll(async () => {
    await test.cleanup();
    await Promise.all([mastodon.close(), pds.close(), receiver.close()]);
  });

  it('refuses a text too long for a network with how much, which network and where to shorten it', async () => {
    await expect(bigrock().posts.create({ text: 'x'.repeat(120), when: { kind: 'queue' } })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'text',
      message: expect.stringMatching(/^text is 20 characters over Mastodon’s limit of 100 \(@maria@social.test\)/),
    });
    await expect(
      bigrock().posts.create({ text: 'short', overrides: { bluesky: 'y'.repeat(305) }, when: { kind: 'now' } }),
    ).rejects.toMatchObject({
      field: 'overrides.bluesky',
      message: expect.stringContaining('5 characters over Bluesky'),
    });
    expect(await bigrock().posts.list()).toEqual([]);
  });

  it('queues into the next free slots in the workspace zone and posts each network its text at the slot', async () => {
    // Monday 2026-12-07 08:00 in Paris: the slots are 09:00 and 13:00 Paris time.
    const first = await bigrock().posts.create({
      text: 'Hello from Bigrock 👋🏽 https://example.org/a/long/path',
      overrides: { bluesky: 'Hello, Bluesky' },
      contentWarning: 'greeting',
      when: { kind: 'queue' },
    });
    const second = await bigrock().posts.create({
      text: 'Second post',
      accountIds: [ids.webhook],
      when: { kind: 'queue' },
    });
    expect(first.scheduledAt).toBe('2026-12-07T08:00:00.000Z');
    expect(second.scheduledAt).toBe('2026-12-07T12:00:00.000Z');
    expect(first.deliveries.map((delivery) => [delivery.network, delivery.status]).sort()).toEqual([
      ['bluesky', 'queued'],
      ['mastodon', 'queued'],
      ['webhook', 'queued'],
    ]);

    expect(await bigrock().deliveries.runDue()).toBe(0);
    clock.moveTo('2026-12-07T08:00:01.000Z');
    expect(await bigrock().deliveries.runDue()).toBe(3);
    const posted = await bigrock().posts.get(first.id);
    expect(posted.status).toBe('posted');
    const byNetwork = Object.fromEntries(posted.deliveries.map((delivery) => [delivery.network, delivery]));
    expect(mastodon.statuses.at(-1)).toMatchObject({ text: first.text, spoilerText: 'greeting' });
    expect(byNetwork.mastodon?.remoteUrl).toBe(`${mastodon.url}/@maria/${mastodon.statuses.at(-1)?.id}`);
    const records = await blueskyPosts();
    expect(records.map((record) => record.value.text)).toEqual(['Hello, Bluesky']);
    expect(byNetwork.bluesky?.remoteUrl).toMatch(/^https:\/\/bsky\.app\/profile\/alice\.test\/post\/[a-z2-7]{13}$/);
    expect(records[0]?.uri.endsWith(byNetwork.bluesky?.attempts[0]?.idempotencyKey ?? '?')).toBe(true);
    expect(webhookBodies(first.text)).toHaveLength(1);
    expect(byNetwork.webhook?.attempts).toEqual([
      expect.objectContaining({ number: 1, outcome: 'posted', idempotencyKey: expect.stringMatching(/^msg_/) }),
    ]);
    // The second waits for its own slot.
    expect(webhookBodies('Second post')).toHaveLength(0);
    expect((await bigrock().posts.get(second.id)).status).toBe('queued');
    await clearQueue();
  });

  it('posts the images with their alt text: Mastodon after processing, Bluesky as an embed, the webhook their hash', async () => {
    const text = `With a picture ${dialect}`;
    const post = await bigrock().posts.create({
      text,
      media: [{ data: PNG.toString('base64'), mimeType: 'image/png', altText: 'A big rock at dawn' }],
      when: { kind: 'now' },
    });
    // Mastodon's first status call fails: the retry uploads the image again and posts once.
    mastodon.failNext('POST /api/v1/statuses', { status: 503, body: { error: 'busy' } });
    expect(await bigrock().deliveries.runDue()).toBe(3);
    clock.advance(31_000);
    expect(await bigrock().deliveries.runDue()).toBe(1);
    const done = await bigrock().posts.get(post.id);
    expect(done.deliveries.map((delivery) => delivery.status)).toEqual(['posted', 'posted', 'posted']);

    const statuses = mastodon.statuses.filter((status) => status.text === text);
    expect(statuses).toHaveLength(1);
    const mediaId = statuses[0]?.mediaIds[0] ?? '';
    expect(mastodon.media.get(mediaId)).toMatchObject({
      description: 'A big rock at dawn',
      mimeType: 'image/png',
      bytes: PNG.length,
      pollsLeft: 0,
    });
    // The status was made after the instance answered the attachment processed.
    const routes = mastodon.requests.map((request) => request.route);
    const created = routes.lastIndexOf('POST /api/v1/statuses');
    expect(routes.lastIndexOf(`GET /api/v1/media/${mediaId}`)).toBeLessThan(created);

    const record = (await blueskyPosts()).find((candidate) => candidate.value.text === text) as unknown as {
      value: { embed: { $type: string; images: Array<{ alt: string; image: { ref: { $link: string } } }> } };
    };
    expect(record.value.embed.$type).toBe('app.bsky.embed.images');
    expect(record.value.embed.images.map((image) => image.alt)).toEqual(['A big rock at dawn']);
    const cid = record.value.embed.images[0]?.image.ref.$link ?? '';
    const blob = await fetch(`${pds.url}/xrpc/com.atproto.sync.getBlob?did=${alice.did}&cid=${cid}`);
    expect(blob.status).toBe(200);
    expect(Buffer.from(await blob.arrayBuffer()).equals(PNG)).toBe(true);

    const [message] = webhookBodies(text);
    expect((JSON.parse(message?.body ?? '{}') as { data: unknown }).data).toEqual({
      text,
      media: [
        {
          mimeType: 'image/png',
          altText: 'A big rock at dawn',
          size: PNG.length,
          sha256: createHash('sha256').update(PNG).digest('hex'),
        },
      ],
    });
  }, 60_000);

  it('shows the week: each slot with its posts', async () => {
    clock.moveTo('2026-12-07T09:00:00.000Z');
    const post = await bigrock().posts.create({
      text: 'Week view',
      accountIds: [ids.webhook],
      when: { kind: 'queue' },
    });
    const week = await bigrock().queue.week('2026-W50');
    expect(week.timeZone).toBe('Europe/Paris');
    expect(week.entries.filter((entry) => entry.slot !== null)).toHaveLength(10);
    const withPost = week.entries.find((entry) => entry.posts.some((shown: Post) => shown.id === post.id));
    expect(withPost).toMatchObject({ at: '2026-12-07T12:00:00.000Z', slot: { weekday: 'mon', time: '13:00' } });
    await clearQueue();
  });

  it('sends nothing while paused, still assigns slots, and sends on resume', async () => {
    clock.moveTo('2026-12-08T07:30:00.000Z');
    await bigrock().queue.pause();
    const post = await bigrock().posts.create({
      text: 'Paused one',
      accountIds: [ids.webhook],
      when: { kind: 'queue' },
    });
    expect(post.scheduledAt).toBe('2026-12-08T08:00:00.000Z');
    clock.moveTo('2026-12-08T08:10:00.000Z');
    expect(await bigrock().deliveries.runDue()).toBe(0);
    expect(await bigrock().deliveries.deliver(post.deliveries[0]?.id ?? '', null)).toEqual({ state: 'skipped' });
    expect(webhookBodies('Paused one')).toHaveLength(0);
    await bigrock().queue.resume();
    expect(await bigrock().deliveries.runDue()).toBe(1);
    expect(webhookBodies('Paused one')).toHaveLength(1);
  });

  it('never publishes a post moved or deleted while its job is due, at the old time', async () => {
    clock.moveTo('2026-12-09T10:00:00.000Z');
    const moved = await bigrock().posts.create({
      text: 'Moved away',
      accountIds: [ids.webhook],
      when: { kind: 'at', at: '2026-12-09 11:05' },
    });
    const deleted = await bigrock().posts.create({
      text: 'Deleted one',
      accountIds: [ids.webhook],
      when: { kind: 'at', at: '2026-12-09 11:05' },
    });
    const oldJob = (post: Post) => ({ id: post.deliveries[0]?.id ?? '', version: post.deliveries[0]?.version ?? 0 });
    clock.moveTo('2026-12-09T10:05:00.000Z');
    const after = await bigrock().posts.update(moved.id, { when: { kind: 'at', at: '2026-12-09 15:00' } });
    expect(after.scheduledAt).toBe('2026-12-09T14:00:00.000Z');
    await bigrock().posts.remove(deleted.id);
    // The jobs made for the old time run now: they find another version, or a cancelled post.
    expect(await bigrock().deliveries.deliver(oldJob(moved).id, oldJob(moved).version)).toEqual({ state: 'skipped' });
    expect(await bigrock().deliveries.deliver(oldJob(deleted).id, oldJob(deleted).version)).toEqual({
      state: 'skipped',
    });
    // Even a worker that reads whatever version is there finds neither due.
    expect(await bigrock().deliveries.deliver(oldJob(moved).id, null)).toEqual({ state: 'skipped' });
    expect(await bigrock().deliveries.runDue()).toBe(0);
    expect(webhookBodies('Moved away')).toHaveLength(0);
    expect(webhookBodies('Deleted one')).toHaveLength(0);
    expect((await bigrock().posts.get(deleted.id)).deliveries[0]?.status).toBe('cancelled');
    clock.moveTo('2026-12-09T14:00:00.000Z');
    expect(await bigrock().deliveries.runDue()).toBe(1);
    expect(webhookBodies('Moved away')).toHaveLength(1);
  });

  it('sends a post late by less than the grace, and keeps 20 older ones in Missed without a burst', async () => {
    clock.moveTo('2026-12-10T06:00:00.000Z');
    const old: Post[] = [];
    for (let index = 0; index < 20; index += 1) {
      old.push(
        await bigrock().posts.create({
          text: `Old ${index}`,
          accountIds: [ids.webhook],
          when: { kind: 'at', at: `2026-12-10 07:${String(index).padStart(2, '0')}` },
        }),
      );
    }
    const late = await bigrock().posts.create({
      text: 'Late but in grace',
      accountIds: [ids.webhook],
      when: { kind: 'at', at: '2026-12-10 09:30' },
    });
    // Bigrock was not running from 06:00 to 09:00 UTC (10:00 Paris).
    clock.moveTo('2026-12-10T09:00:00.000Z');
    const before = receiver.received.length;
    expect(await bigrock().deliveries.runDue()).toBe(1);
    expect(receiver.received.length - before).toBe(1);
    expect(webhookBodies('Late but in grace')).toHaveLength(1);
    const missed = await bigrock().posts.list({ status: 'missed' });
    expect(missed.map((post) => post.id).sort()).toEqual(old.map((post) => post.id).sort());
    expect(missed[0]?.deliveries[0]).toMatchObject({
      status: 'missed',
      reason: expect.stringContaining('not running'),
    });
    // Posting one now from the Missed list; the others stay.
    await bigrock().posts.sendNow(old[3]?.id ?? '');
    expect(await bigrock().deliveries.runDue()).toBe(1);
    expect(webhookBodies('Old 3')).toHaveLength(1);
    expect(await bigrock().posts.list({ status: 'missed' })).toHaveLength(19);
    expect((await bigrock().posts.get(late.id)).status).toBe('posted');
    await clearQueue();
  });

  it('reconciles a Mastodon post whose reply was lost after the instance wrote it, without posting twice', async () => {
    clock.moveTo('2026-12-11T10:00:00.000Z');
    mastodon.failNext('POST /api/v1/statuses', { dropReplyAfterWrite: true });
    const post = await bigrock().posts.create({
      text: 'Lost reply',
      accountIds: [ids.mastodon],
      when: { kind: 'now' },
    });
    expect(await bigrock().deliveries.runDue()).toBe(1);
    const waiting = (await bigrock().posts.get(post.id)).deliveries[0];
    expect(waiting).toMatchObject({ status: 'queued', attempts: [expect.objectContaining({ outcome: 'unknown' })] });
    expect(mastodon.statuses.filter((status) => status.text === 'Lost reply')).toHaveLength(1);
    clock.advance(31_000);
    expect(await bigrock().deliveries.runDue()).toBe(1);
    const done = (await bigrock().posts.get(post.id)).deliveries[0];
    expect(done?.status).toBe('posted');
    expect(done?.attempts.map((attempt) => attempt.outcome)).toEqual(['unknown', 'reconciled-posted']);
    expect(new Set(done?.attempts.map((attempt) => attempt.idempotencyKey)).size).toBe(1);
    expect(mastodon.statuses.filter((status) => status.text === 'Lost reply')).toHaveLength(1);
    expect(done?.remoteUrl).toContain(mastodon.statuses.find((status) => status.text === 'Lost reply')?.id ?? '?');
  });

  it('takes over a send whose worker died and reads it back first (Bluesky, written at its record key)', async () => {
    clock.moveTo('2026-12-11T11:00:00.000Z');
    const post = await bigrock().posts.create({
      text: 'Crashed mid-send',
      accountIds: [ids.bluesky],
      when: { kind: 'now' },
    });
    const delivery = post.deliveries[0];
    // A worker claims it, posts, and dies before saving the answer.
    const { createDeliveryService } = await import('./delivery.service.js');
    const dying = createDeliveryService({
      posts: (await import('./post.repository.js')).createPostRepository(test.bigrock.db, dialect, 'default'),
      accounts: {
        async connector(id) {
          const real = await bigrock().publishingAccounts.connector(id);
          return {
            ...real,
            async publish(attempt) {
              await real.publish(attempt);
              throw new Error('the worker was killed');
            },
          };
        },
      },
      clock,
      leaseMs: 60_000,
    });
    const result = await dying.deliver(delivery?.id ?? '', null);
    expect(result.state).toBe('retry');
    expect((await blueskyPosts()).filter((record) => record.value.text === 'Crashed mid-send')).toHaveLength(1);
    clock.advance(31_000);
    expect(await bigrock().deliveries.runDue()).toBe(1);
    const done = (await bigrock().posts.get(post.id)).deliveries[0];
    expect(done?.status).toBe('posted');
    expect(done?.attempts.map((attempt) => attempt.outcome)).toEqual(['unknown', 'reconciled-posted']);
    expect((await blueskyPosts()).filter((record) => record.value.text === 'Crashed mid-send')).toHaveLength(1);
  });

  it('retries a 503 with backoff, stops at a permanent refusal with the reason and what to do, and gives up after bounded tries', async () => {
    clock.moveTo('2026-12-11T12:00:00.000Z');
    receiver.answerNext(503, { 'retry-after': '90' });
    const retried = await bigrock().posts.create({
      text: 'Try again',
      accountIds: [ids.webhook],
      when: { kind: 'now' },
    });
    expect(await bigrock().deliveries.runDue()).toBe(1);
    const waiting = (await bigrock().posts.get(retried.id)).deliveries[0];
    // 90 s, as the receiver asked (more than the first backoff's 30 s); the test's clock runs on meanwhile.
    const wait = Date.parse(waiting?.nextAttemptAt ?? '') - Date.parse('2026-12-11T12:00:00.000Z');
    expect(wait).toBeGreaterThanOrEqual(90_000);
    expect(wait).toBeLessThan(91_000);
    clock.moveTo('2026-12-11T12:01:31.000Z');
    expect(await bigrock().deliveries.runDue()).toBe(1);
    const retriedDone = (await bigrock().posts.get(retried.id)).deliveries[0];
    expect(retriedDone?.status).toBe('posted');
    // The same webhook-id both times: the receiver takes it once.
    const messages = webhookBodies('Try again');
    expect(new Set(messages.map((message) => message.headers['webhook-id'])).size).toBe(1);

    receiver.answerNext(410);
    const refused = await bigrock().posts.create({ text: 'Refused', accountIds: [ids.webhook], when: { kind: 'now' } });
    expect(await bigrock().deliveries.runDue()).toBe(1);
    expect((await bigrock().posts.get(refused.id)).deliveries[0]).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('refused the post (410): refused by the test receiver'),
      fix: expect.stringContaining('send it now or move it'),
    });

    const down = await bigrock().posts.create({
      text: 'Always down',
      accountIds: [ids.webhook],
      when: { kind: 'now' },
    });
    for (let index = 0; index < MAX_TRIES; index += 1) {
      receiver.answerNext(500);
      expect(await bigrock().deliveries.runDue()).toBe(1);
      clock.advance(31 * MINUTE);
    }
    expect((await bigrock().posts.get(down.id)).deliveries[0]).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining(`(${MAX_TRIES} tries)`),
    });
    expect(await bigrock().deliveries.runDue()).toBe(0);
    await clearQueue();
  });

  it('keeps a send whose call outlasts the lease: renewed while the call lasts, not taken over, posted once', async () => {
    clock.moveTo('2026-12-11T13:00:00.000Z');
    const post = await bigrock().posts.create({
      text: 'Slow receiver',
      accountIds: [ids.webhook],
      when: { kind: 'now' },
    });
    const deliveryId = post.deliveries[0]?.id ?? '';
    const { createDeliveryService } = await import('./delivery.service.js');
    const posts = (await import('./post.repository.js')).createPostRepository(test.bigrock.db, dialect, 'default');
    const LEASE_MS = 400;
    // A worker whose network call takes three of its leases.
    const slow = createDeliveryService({
      posts,
      accounts: {
        async connector(id) {
          const real = await bigrock().publishingAccounts.connector(id);
          return {
            ...real,
            async publish(attempt) {
              await new Promise((resolve) => setTimeout(resolve, 3 * LEASE_MS));
              return real.publish(attempt);
            },
          };
        },
      },
      clock,
      leaseMs: LEASE_MS,
    });
    const other = createDeliveryService({ posts, accounts: bigrock().publishingAccounts, clock, leaseMs: LEASE_MS });
    const sending = slow.deliver(deliveryId, null);
    // Past the first lease, and past the second: each time still held.
    await new Promise((resolve) => setTimeout(resolve, 1.5 * LEASE_MS));
    expect(await other.deliver(deliveryId, null)).toEqual({ state: 'skipped' });
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS));
    expect(await other.deliver(deliveryId, null)).toEqual({ state: 'skipped' });
    expect(await sending).toMatchObject({ state: 'posted' });
    const done = (await bigrock().posts.get(post.id)).deliveries[0];
    expect(done?.attempts.map((attempt) => attempt.outcome)).toEqual(['posted']);
    expect(webhookBodies('Slow receiver')).toHaveLength(1);
  });

  it("reuses an account's connector while its credentials are the same, and makes a new one when they change", async () => {
    const { createCredentialCipher, loadCredentialKey } = await import('./credential-cipher.js');
    const cipher = createCredentialCipher(() => loadCredentialKey(test.config));
    const accounts = bigrock().publishingAccounts;
    const before =
      (
        await test.bigrock.db
          .selectFrom('publishing_accounts')
          .select('credentials')
          .where('id', '=', ids.webhook)
          .executeTakeFirstOrThrow()
      ).credentials ?? '';
    const first = await accounts.connector(ids.webhook, before);
    expect(await accounts.connector(ids.webhook, before)).toBe(first);
    // Credentials saved again (as a Bluesky session is): sealed anew, so differently, and read by the next claim.
    const after = cipher.seal(cipher.open(before, ids.webhook), ids.webhook);
    expect(after).not.toBe(before);
    await test.bigrock.db
      .updateTable('publishing_accounts')
      .set({ credentials: after })
      .where('id', '=', ids.webhook)
      .execute();
    const second = await accounts.connector(ids.webhook, after);
    expect(second).not.toBe(first);
    expect(await accounts.connector(ids.webhook, after)).toBe(second);
  });
});
