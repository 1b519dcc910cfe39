import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestPds, type TestPds } from '../../test-support/start-test-pds.js';
import { shiftedClock } from '../../test-support/test-bigrock.js';
import { createBlueskyConnector, newRecordKey } from './bluesky.connector.js';
import { resolveBlueskyIdentity } from './bluesky-identity.js';
import type { PublishAttempt } from './connector.js';

/**
 * A proxy in front of the PDS that passes every request on and, when told, drops the reply to the
 * next createRecord after the PDS has written it: the client never learns the outcome.
 */
async function startDroppingProxy(
  target: string,
): Promise<{ url: string; dropNextWrite(): void; close(): Promise<void> }> {
  let drop = false;
  const server: Server = createServer((incoming, outgoing) => {
    const dropThis = drop && (incoming.url ?? '').startsWith('/xrpc/com.atproto.repo.createRecord');
    if (dropThis) drop = false;
    const upstream = httpRequest(
      `${target}${incoming.url}`,
      { method: incoming.method, headers: { ...incoming.headers, host: new URL(target).host } },
      (reply) => {
        if (dropThis) {
          reply.resume();
          reply.on('end', () => incoming.socket.destroy());
          return;
        }
        outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(outgoing);
      },
    );
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropNextWrite: () => {
      drop = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the Bluesky connector, against a real PDS', () => {
  const clock = shiftedClock();
  let pds: TestPds;
  let alice: Awaited<ReturnType<TestPds['createAccount']>>;
  let bob: Awaited<ReturnType<TestPds['createAccount']>>;
  let proxy: Awaited<ReturnType<typeof startDroppingProxy>>;
  const sessions: unknown[] = [];

  const connector = (service = pds.url) =>
    createBlueskyConnector({
      service,
      did: alice.did,
      handle: alice.handle,
      appPassword: alice.appPassword,
      session: null,
      saveSession: (session) => void sessions.push(session),
      clock,
    });
  const attempt = (text: string): PublishAttempt => ({
    idempotencyKey: newRecordKey(clock.now()),
    firstTriedAt: clock.now(),
    content: { text },
  });
  async function readRecord(rkey: string) {
    const response = await fetch(
      `${pds.url}/xrpc/com.atproto.repo.getRecord?repo=${alice.did}&collection=app.bsky.feed.post&rkey=${rkey}`,
    );
    return response.ok ? ((await response.json()) as { uri: string; value: Record<string, unknown> }) : null;
  }
  async function postCount(): Promise<number> {
    const response = await fetch(
      `${pds.url}/xrpc/com.atproto.repo.listRecords?repo=${alice.did}&collection=app.bsky.feed.post&limit=100`,
    );
    return ((await response.json()) as { records: unknown[] }).records.length;
  }

  beforeAll(async () => {
    pds = await startTestPds();
    alice = await pds.createAccount('alice');
    bob = await pds.createAccount('bob');
    proxy = await startDroppingProxy(pds.url);
  }, 60_000);
  afterAll(async () => {
    await proxy.close();
    await pds.close();
  });

  it('finds the PDS from the handle: handle → DID → DID document → service', async () => {
    const identity = await resolveBlueskyIdentity('alice.test', { plcUrl: pds.plcUrl, handleResolverUrl: pds.url });
    expect(identity).toEqual({ handle: 'alice.test', did: alice.did, pds: pds.url });
  });

  it('refuses a handle whose identity names another handle', async () => {
    await expect(
      resolveBlueskyIdentity('nobody.test', { plcUrl: pds.plcUrl, handleResolverUrl: pds.url, timeoutMs: 2000 }),
    ).rejects.toMatchObject({ code: 'invalid-input', field: 'handle' });
  });

  it('uploads each image as a blob and embeds it with its alt text, in order', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    const post: PublishAttempt = {
      ...attempt('Two pictures'),
      content: {
        text: 'Two pictures',
        media: [
          { data: png, mimeType: 'image/png', altText: 'A big rock at dawn' },
          { data: gif, mimeType: 'image/gif', altText: 'One white dot' },
        ],
      },
    };
    await connector().publish(post);
    const record = (await readRecord(post.idempotencyKey)) as unknown as {
      value: {
        embed: { $type: string; images: Array<{ alt: string; image: { mimeType: string; ref: { $link: string } } }> };
      };
    };
    expect(record.value.embed.$type).toBe('app.bsky.embed.images');
    expect(record.value.embed.images.map((image) => [image.alt, image.image.mimeType])).toEqual([
      ['A big rock at dawn', 'image/png'],
      ['One white dot', 'image/gif'],
    ]);
    for (const [index, bytes] of [png, gif].entries()) {
      const cid = record.value.embed.images[index]?.image.ref.$link ?? '';
      const blob = await fetch(`${pds.url}/xrpc/com.atproto.sync.getBlob?did=${alice.did}&cid=${cid}`);
      expect(blob.status).toBe(200);
      expect(Buffer.from(await blob.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('writes the post at the chosen record key, with facets in UTF-8 bytes', async () => {
    const text = '👍🏽 Café 東京 שלום @bob.test read https://example.org/a?b=c. #rocks e\u0301!';
    const post = attempt(text);
    const published = await connector().publish(post);
    expect(published).toEqual({
      remoteId: `at://${alice.did}/app.bsky.feed.post/${post.idempotencyKey}`,
      remoteUrl: `https://bsky.app/profile/alice.test/post/${post.idempotencyKey}`,
    });
    const record = await readRecord(post.idempotencyKey);
    expect(record?.value.text).toBe(text);
    const facets = record?.value.facets as Array<{
      index: { byteStart: number; byteEnd: number };
      features: unknown[];
    }>;
    const encoded = bytes(text);
    const cut = (index: { byteStart: number; byteEnd: number }) =>
      new TextDecoder().decode(encoded.slice(index.byteStart, index.byteEnd));
    expect(facets.map((facet) => cut(facet.index))).toEqual(['@bob.test', 'https://example.org/a?b=c', '#rocks']);
    const prefix = bytes('👍🏽 Café 東京 שלום ').length;
    expect(facets[0]).toEqual({
      index: { byteStart: prefix, byteEnd: prefix + bytes('@bob.test').length },
      features: [{ $type: 'app.bsky.richtext.facet#mention', did: bob.did }],
    });
    expect(facets[1]?.features).toEqual([{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.org/a?b=c' }]);
    expect(facets[2]?.features).toEqual([{ $type: 'app.bsky.richtext.facet#tag', tag: 'rocks' }]);
    expect(sessions.length).toBeGreaterThan(0);
  });

  it('cannot post twice at one record key: a second try finds the first post', async () => {
    const post = attempt('Only once');
    const first = await connector().publish(post);
    const before = await postCount();
    expect(await connector().publish(post)).toEqual(first);
    expect(await postCount()).toBe(before);
  });

  it('reconciles a reply lost after the PDS wrote by reading back the record at its key', async () => {
    const post = attempt('The reply to this one is lost');
    const before = await postCount();
    const through = connector(proxy.url);
    await through.reconcile(attempt('sign in first')); // the session, so that the drop hits the write
    proxy.dropNextWrite();
    await expect(through.publish(post)).rejects.toMatchObject({ kind: 'transient', outcomeUnknown: true });
    expect(await postCount()).toBe(before + 1);
    expect(await connector().reconcile(post)).toEqual({
      state: 'posted',
      remoteId: `at://${alice.did}/app.bsky.feed.post/${post.idempotencyKey}`,
      remoteUrl: `https://bsky.app/profile/alice.test/post/${post.idempotencyKey}`,
    });
    expect(await postCount()).toBe(before + 1);
  });

  it('reconciles a key never written as absent', async () => {
    expect(await connector().reconcile(attempt('never sent'))).toEqual({ state: 'absent' });
  });

  it('resumes a saved session instead of signing in again', async () => {
    const saved = sessions.at(-1) as Parameters<typeof createBlueskyConnector>[0]['session'];
    const resumed = createBlueskyConnector({
      service: pds.url,
      did: alice.did,
      handle: alice.handle,
      appPassword: 'wrong-wrong-wrong-wrong',
      session: saved,
      saveSession: () => undefined,
      clock,
    });
    const post = attempt('With the saved session');
    await resumed.publish(post);
    expect(await readRecord(post.idempotencyKey)).not.toBeNull();
  });

  it('says a wrong app password is permanent', async () => {
    const wrong = createBlueskyConnector({
      service: pds.url,
      did: alice.did,
      handle: alice.handle,
      appPassword: 'aaaa-bbbb-cccc-dddd',
      session: null,
      saveSession: () => undefined,
      clock,
    });
    await expect(wrong.publish(attempt('no'))).rejects.toMatchObject({ kind: 'permanent', status: 401 });
  });
});
