import type { Post } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { startMastodonTestServer, type MastodonTestServer } from '../test-support/mastodon-test-server.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';
import { shiftedClock } from '../test-support/test-bigrock.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';

describe.each(dialects)('the posts and queue API on %s', (dialect) => {
  const clock = shiftedClock();
  let api: TestApp;
  let mastodon: MastodonTestServer;
  let receiver: WebhookReceiver;
  let webhookId: string;

  beforeAll(async () => {
    clock.moveTo('2026-12-07T07:00:00.000Z');
    [mastodon, receiver] = await Promise.all([
      startMastodonTestServer({ clock, maxCharacters: 50 }),
      startWebhookReceiver(),
    ]);
    api = await openTestApp(dialect, { clock, timeZone: 'America/New_York' });
    await api.send({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { network: 'mastodon', instance: mastodon.url, token: mastodon.token },
    });
    const hook = await api.send({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { network: 'webhook', url: receiver.url },
    });
    webhookId = hook.json<{ account: { id: string } }>().account.id;
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await Promise.all([mastodon.close(), receiver.close()]);
  });

  const post = (payload: object) => api.send({ method: 'POST', url: '/api/v1/posts', payload });

  it('composes into the next free slot, on the workspace clocks, to every account by default', async () => {
    const response = await post({
      text: 'Hello API',
      contentWarning: 'test',
      overrides: { mastodon: 'Hello Mastodon' },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json<Post>();
    // Monday 02:00 in New York: the first slot is 09:00 there, 14:00 UTC.
    expect(created).toMatchObject({
      text: 'Hello API',
      overrides: { mastodon: 'Hello Mastodon' },
      contentWarning: 'test',
      whenKind: 'queue',
      scheduledAt: '2026-12-07T14:00:00.000Z',
      status: 'queued',
    });
    expect(created.deliveries.map((delivery) => delivery.network).sort()).toEqual(['mastodon', 'webhook']);
    expect(created.deliveries[0]).toMatchObject({ status: 'queued', remoteUrl: null, reason: null, attempts: [] });
    const shown = await api.send({ method: 'GET', url: `/api/v1/posts/${created.id}` });
    expect(shown.json()).toEqual(created);
  });

  it('refuses a text too long for one network: a 400 that says by how much and where', async () => {
    const response = await post({ text: 'x'.repeat(60) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: {
        code: 'invalid-input',
        field: 'text',
        message: expect.stringContaining('10 characters over Mastodon’s limit of 50'),
      },
    });
    const unknown = await post({ text: 'x', accountIds: ['nope'] });
    expect(unknown.json()).toMatchObject({ error: { field: 'accountIds' } });
    const past = await post({ text: 'x', when: { kind: 'at', at: '2026-12-01 09:00' } });
    expect(past.json()).toMatchObject({ error: { field: 'when.at', message: expect.stringContaining('in the past') } });
  });

  it('moves, edits, sends now and deletes; a posted one cannot be edited', async () => {
    const created = (
      await post({ text: 'Move me', accountIds: [webhookId], when: { kind: 'at', at: '2026-12-08 10:00' } })
    ).json<Post>();
    expect(created.scheduledAt).toBe('2026-12-08T15:00:00.000Z');
    const moved = await api.send({
      method: 'PATCH',
      url: `/api/v1/posts/${created.id}`,
      payload: { text: 'Moved', when: { kind: 'queue' } },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ text: 'Moved', whenKind: 'queue', scheduledAt: '2026-12-07T18:00:00.000Z' });
    const sent = await api.send({ method: 'POST', url: `/api/v1/posts/${created.id}/send-now` });
    expect(sent.json<Post>().deliveries[0]?.version).toBeGreaterThan(created.deliveries[0]?.version ?? 0);
    expect(await api.bigrock.deliveries.runDue()).toBe(1);
    const posted = await api.send({ method: 'GET', url: `/api/v1/posts/${created.id}` });
    expect(posted.json()).toMatchObject({
      status: 'posted',
      deliveries: [{ status: 'posted', attempts: [{ number: 1, outcome: 'posted' }] }],
    });
    const edit = await api.send({ method: 'PATCH', url: `/api/v1/posts/${created.id}`, payload: { text: 'Too late' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ error: { code: 'conflict', field: 'text' } });

    const doomed = (await post({ text: 'Delete me', accountIds: [webhookId] })).json<Post>();
    expect((await api.send({ method: 'DELETE', url: `/api/v1/posts/${doomed.id}` })).statusCode).toBe(204);
    const listed = (await api.send({ method: 'GET', url: '/api/v1/posts' })).json<Post[]>();
    expect(listed.map((shown) => shown.id)).not.toContain(doomed.id);
    const cancelled = (await api.send({ method: 'GET', url: '/api/v1/posts?status=cancelled' })).json<Post[]>();
    expect(cancelled.map((shown) => shown.id)).toEqual([doomed.id]);
    expect((await api.send({ method: 'GET', url: '/api/v1/posts/nothing' })).statusCode).toBe(404);
  });

  it('sets the slots, pauses and resumes, and shows the week', async () => {
    const set = await api.send({
      method: 'PUT',
      url: '/api/v1/queue/slots',
      payload: {
        slots: [
          { weekday: 'tue', time: '08:30' },
          { weekday: 'mon', time: '12:00' },
        ],
        graceMinutes: 15,
      },
    });
    expect(set.json()).toEqual({
      slots: [
        { weekday: 'mon', time: '12:00' },
        { weekday: 'tue', time: '08:30' },
      ],
      paused: false,
      graceMinutes: 15,
      requireAltText: true,
      timeZone: 'America/New_York',
    });
    expect((await api.send({ method: 'POST', url: '/api/v1/queue/pause' })).json()).toMatchObject({ paused: true });
    expect((await api.send({ method: 'GET', url: '/api/v1/queue/slots' })).json()).toMatchObject({ paused: true });
    expect((await api.send({ method: 'POST', url: '/api/v1/queue/resume' })).json()).toMatchObject({ paused: false });
    const week = (await api.send({ method: 'GET', url: '/api/v1/queue?week=2026-W50' })).json<{
      week: string;
      entries: Array<{ at: string; slot: unknown; posts: Post[] }>;
    }>();
    expect(week.week).toBe('2026-W50');
    expect(
      week.entries.find((entry) => entry.at === '2026-12-07T14:00:00.000Z')?.posts.map((shown) => shown.text),
    ).toEqual(['Hello API']);
    expect(week.entries.find((entry) => entry.at === '2026-12-08T13:30:00.000Z')).toMatchObject({
      slot: { weekday: 'tue', time: '08:30' },
      posts: [],
    });
    const missed = await api.send({ method: 'GET', url: '/api/v1/posts?status=missed' });
    expect(missed.json()).toEqual([]);
  });

  it('lists every route in the OpenAPI document', async () => {
    const paths = Object.keys(
      (await api.send({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: object }>().paths,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/posts',
        '/api/v1/posts/{id}',
        '/api/v1/posts/{id}/send-now',
        '/api/v1/queue',
        '/api/v1/queue/slots',
        '/api/v1/queue/pause',
        '/api/v1/queue/resume',
      ]),
    );
  });
});
