import { statSync } from 'node:fs';
import { join } from 'node:path';

import type { PublishingAccount } from '@bigrock/core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { startMastodonTestServer, type MastodonTestServer } from '../test-support/mastodon-test-server.js';
import { startTestPds, type TestPds } from '../test-support/start-test-pds.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';
import { shiftedClock } from '../test-support/test-bigrock.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { newRecordKey } from './connectors/bluesky.connector.js';
import { KEY_FILE_NAME } from './credential-cipher.js';

describe.each(dialects)('publishing accounts on %s', (dialect) => {
  const clock = shiftedClock();
  let api: TestApp;
  let mastodon: MastodonTestServer;
  let pds: TestPds;
  let receiver: WebhookReceiver;
  let bluesky: Awaited<ReturnType<TestPds['createAccount']>>;

  beforeAll(async () => {
    [mastodon, pds, receiver] = await Promise.all([
      startMastodonTestServer({ clock }),
      startTestPds(),
      startWebhookReceiver(),
    ]);
    bluesky = await pds.createAccount('carol');
    api = await openTestApp(dialect, { clock, config: { plcUrl: pds.plcUrl, handleResolverUrl: pds.url } });
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await Promise.all([mastodon.close(), pds.close(), receiver.close()]);
  });

  const add = (payload: object) => api.send({ method: 'POST', url: '/api/v1/accounts', payload });
  const list = async () => (await api.send({ method: 'GET', url: '/api/v1/accounts' })).json<PublishingAccount[]>();
  const rawRows = () => api.bigrock.db.selectFrom('publishing_accounts').selectAll().execute();
  const attempt = (text: string) => ({
    idempotencyKey: newRecordKey(clock.now()),
    firstTriedAt: clock.now(),
    content: { text },
  });

  it("adds a Mastodon account after checking its token, with the instance's limits", async () => {
    const response = await add({ network: 'mastodon', instance: `${mastodon.url}/`, token: mastodon.token });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      account: {
        id: expect.any(String),
        network: 'mastodon',
        name: '@maria@social.test',
        url: mastodon.url,
        limits: {
          maxCharacters: 500,
          charactersReservedPerUrl: 23,
          maxMediaAttachments: 4,
          imageSizeLimit: 16_777_216,
          supportedMimeTypes: expect.arrayContaining(['image/png']),
        },
        hasCredentials: true,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      },
    });
  });

  it('refuses a token the instance refuses, naming the token', async () => {
    const response = await add({ network: 'mastodon', instance: mastodon.url, token: 'not-a-token' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'invalid-input', field: 'token', message: expect.stringMatching(/401/) },
    });
    expect(response.body).not.toContain('not-a-token');
  });

  it('refuses the same account twice', async () => {
    const response = await add({ network: 'mastodon', instance: mastodon.url, token: mastodon.token });
    expect(response.statusCode).toBe(409);
  });

  it('adds a Bluesky account from its handle and app password, the PDS found from the handle', async () => {
    const response = await add({ network: 'bluesky', handle: '@Carol.test', appPassword: bluesky.appPassword });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ account: { network: 'bluesky', name: 'carol.test', url: pds.url } });
    const wrong = await add({ network: 'bluesky', handle: 'carol.test', appPassword: 'aaaa-bbbb-cccc-dddd' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { field: 'appPassword' } });
  });

  it('makes a webhook secret when none is given, and shows it in that answer only', async () => {
    const response = await add({ network: 'webhook', url: receiver.url });
    expect(response.statusCode).toBe(201);
    const { account, secret } = response.json<{ account: PublishingAccount; secret: string }>();
    expect(account).toMatchObject({ network: 'webhook', name: new URL(receiver.url).host, url: receiver.url });
    expect(secret).toMatch(/^whsec_/);
    const connector = await api.bigrock.publishingAccounts.connector(account.id);
    await connector.publish(attempt('signed'));
    const message = receiver.received.at(-1);
    expect(new Webhook(secret).verify(message?.body ?? '', message?.headers ?? {})).toMatchObject({
      data: { text: 'signed' },
    });
    const pasted = await add({ network: 'webhook', url: `${receiver.url}/2`, secret: secret });
    expect(pasted.json()).not.toHaveProperty('secret');
  });

  it('never sends the credentials back, and keeps them sealed in the database', async () => {
    const accounts = await list();
    expect(accounts.map((account) => account.network)).toEqual(['mastodon', 'bluesky', 'webhook', 'webhook']);
    const everything = JSON.stringify(accounts) + JSON.stringify(await rawRows());
    for (const secret of [mastodon.token, bluesky.appPassword, 'whsec_']) expect(everything).not.toContain(secret);
    for (const row of await rawRows()) expect(row.credentials).toMatch(/^v1\./);
  });

  it('posts through the connectors made from the stored accounts', async () => {
    const [toot, skeet] = await list();
    const status = await (
      await api.bigrock.publishingAccounts.connector(toot?.id ?? '')
    ).publish(attempt('From the account'));
    expect(mastodon.statuses.find((candidate) => candidate.id === status.remoteId)?.text).toBe('From the account');
    const post = attempt('On Bluesky');
    const published = await (await api.bigrock.publishingAccounts.connector(skeet?.id ?? '')).publish(post);
    expect(published.remoteId).toBe(`at://${bluesky.did}/app.bsky.feed.post/${post.idempotencyKey}`);
  });

  if (dialect === 'sqlite') {
    it('keeps the local key in a file of the data directory that only its owner reads', () => {
      const mode = statSync(join(api.config.dataDir, KEY_FILE_NAME)).mode & 0o777;
      expect(mode).toBe(0o600);
    });
  }

  it('leaves credentials out of a backup unless asked, and restores them sealed with this key', async () => {
    const backupText = async (query: string) => (await api.send({ method: 'GET', url: `/api/v1/backup${query}` })).body;
    const without = JSON.parse(await backupText('')) as {
      tables: { publishing_accounts: Array<{ credentials: unknown }> };
    };
    expect(without.tables.publishing_accounts.map((row) => row.credentials)).toEqual([null, null, null, null]);
    const withText = await backupText('?credentials=include');
    expect(withText).toContain(mastodon.token);

    const restore = (body: string) =>
      api.send({
        method: 'POST',
        url: '/api/v1/restore',
        payload: body,
        headers: { 'content-type': 'application/octet-stream' },
      });
    expect((await restore(JSON.stringify(without))).statusCode).toBe(200);
    expect((await list()).map((account) => account.hasCredentials)).toEqual([false, false, false, false]);
    const [bare] = await list();
    await expect(api.bigrock.publishingAccounts.connector(bare?.id ?? '')).rejects.toMatchObject({
      code: 'invalid-input',
    });

    expect((await restore(withText)).statusCode).toBe(200);
    expect((await list()).every((account) => account.hasCredentials)).toBe(true);
    for (const row of await rawRows()) expect(row.credentials).toMatch(/^v1\./);
    const [toot] = await list();
    const status = await (
      await api.bigrock.publishingAccounts.connector(toot?.id ?? '')
    ).publish(attempt('After the restore'));
    expect(status.remoteId).toBeTruthy();
  });

  it('removes an account and its credentials', async () => {
    const [first] = await list();
    expect((await api.send({ method: 'DELETE', url: `/api/v1/accounts/${first?.id ?? ''}` })).statusCode).toBe(204);
    expect((await api.send({ method: 'DELETE', url: `/api/v1/accounts/${first?.id ?? ''}` })).statusCode).toBe(404);
    expect(await list()).toHaveLength(3);
  });
});
