import { createHash } from 'node:crypto';

import type { Post } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { startMastodonTestServer, type MastodonTestServer } from '../test-support/mastodon-test-server.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';
import { shiftedClock } from '../test-support/test-bigrock.js';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a JPEG, enough for its signature. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const png = (altText?: string, bytes: Buffer = PNG) => ({
  data: bytes.toString('base64'),
  mimeType: 'image/png',
  ...(altText !== undefined && { altText }),
});

describe.each(dialects)('images of posts through the API on %s', (dialect) => {
  const clock = shiftedClock();
  let api: TestApp;
  let mastodon: MastodonTestServer;

  beforeAll(async () => {
    clock.moveTo('2026-12-07T07:00:00.000Z');
    // An instance that takes 2 images of 4 KB at most.
    mastodon = await startMastodonTestServer({ clock, maxMediaAttachments: 2, imageSizeLimit: 4096 });
    api = await openTestApp(dialect, { clock, timeZone: 'Europe/Paris' });
    const added = await api.send({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { network: 'mastodon', instance: mastodon.url, token: mastodon.token },
    });
    expect(added.statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await mastodon.close();
  });

  const post = (payload: object) => api.send({ method: 'POST', url: '/api/v1/posts', payload });
  const patch = (id: string, payload: object) => api.send({ method: 'PATCH', url: `/api/v1/posts/${id}`, payload });
  const errorOf = (response: { json(): unknown }) =>
    (response.json() as { error: { field: string; message: string } }).error;

  it('keeps a post’s images with their alt text, shows their metadata, and serves their bytes as their type', async () => {
    const response = await post({ text: 'Two pictures', media: [png('A rock at dawn'), png('The same rock at dusk')] });
    expect(response.statusCode).toBe(201);
    const created = response.json<Post>();
    expect(created.media).toEqual([
      { id: expect.any(String), mimeType: 'image/png', altText: 'A rock at dawn', size: PNG.length },
      { id: expect.any(String), mimeType: 'image/png', altText: 'The same rock at dusk', size: PNG.length },
    ]);
    expect((await api.send({ method: 'GET', url: `/api/v1/posts/${created.id}` })).json<Post>().media).toEqual(
      created.media,
    );
    const image = await api.send({ method: 'GET', url: `/api/v1/posts/${created.id}/media/${created.media[0]?.id}` });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(createHash('sha256').update(image.rawPayload).digest('hex')).toBe(
      createHash('sha256').update(PNG).digest('hex'),
    );
    const missing = await api.send({ method: 'GET', url: `/api/v1/posts/${created.id}/media/nope` });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).field).toBe('mediaId');
  });

  it('requires alt text unless the workspace turns that off, saying where', async () => {
    const refused = await post({ text: 'No words', media: [png('A rock'), png('  ')] });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused)).toMatchObject({
      field: 'media.1.altText',
      message: expect.stringMatching(/describe image 2 .*turn off "Require alt text"/),
    });
    const off = await api.send({ method: 'PUT', url: '/api/v1/queue/alt-text', payload: { required: false } });
    expect(off.json()).toMatchObject({ requireAltText: false });
    expect((await api.send({ method: 'GET', url: '/api/v1/queue/slots' })).json()).toMatchObject({
      requireAltText: false,
    });
    const taken = await post({ text: 'No words', media: [png()] });
    expect(taken.statusCode).toBe(201);
    expect(taken.json<Post>().media[0]?.altText).toBe('');
    await api.send({ method: 'PUT', url: '/api/v1/queue/alt-text', payload: { required: true } });
    const bad = await api.send({ method: 'PUT', url: '/api/v1/queue/alt-text', payload: { required: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).field).toBe('required');
  });

  it('checks the bytes, not the claimed type, and the size against Bigrock’s limit and the instance’s', async () => {
    const lying = await post({
      text: 't',
      media: [{ data: JPEG.toString('base64'), mimeType: 'image/png', altText: 'x' }],
    });
    expect(errorOf(lying)).toMatchObject({
      field: 'media.0.data',
      message: 'media.0.data is a JPEG image, not PNG: give mimeType image/jpeg.',
    });
    const text = await post({ text: 't', media: [{ data: btoa('<svg/>'), mimeType: 'image/png', altText: 'x' }] });
    expect(errorOf(text).message).toMatch(/is not a PNG, JPEG, GIF or WebP image/);

    // Over 8 MB: a body above the app's 10 MB limit, taken by this route and refused for the image.
    const huge = Buffer.concat([PNG, Buffer.alloc(8 * 1024 * 1024)]);
    const tooBig = await post({ text: 't', media: [png('big', huge)] });
    expect(tooBig.statusCode).toBe(400);
    expect(errorOf(tooBig)).toMatchObject({ field: 'media.0.data', message: expect.stringContaining('8 MB') });

    const overInstance = await post({ text: 't', media: [png('big', Buffer.concat([PNG, Buffer.alloc(5000)]))] });
    expect(errorOf(overInstance)).toMatchObject({
      field: 'media.0.data',
      message: expect.stringContaining('over Mastodon’s limit of 4 KB an image (@maria@social.test)'),
    });
    const three = await post({ text: 't', media: [png('a'), png('b'), png('c')] });
    expect(errorOf(three)).toMatchObject({ field: 'media', message: expect.stringContaining('takes at most 2') });
    const negative = await post({ text: 't', media: [{ ...png('a'), data: '-1' }] });
    expect(errorOf(negative).field).toBe('media.0.data');
  }, 30_000);

  it('keeps the images on an edit that leaves them out, replaces them when given, and drops them with the post', async () => {
    const created = (await post({ text: 'Before', media: [png('first'), png('second')] })).json<Post>();
    const [first, second] = created.media;
    const edited = (await patch(created.id, { text: 'After' })).json<Post>();
    expect(edited.media).toEqual(created.media);

    const replaced = await patch(created.id, {
      media: [{ id: second?.id, altText: 'second, described again' }, png('new')],
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json<Post>().media).toEqual([
      { ...second, altText: 'second, described again' },
      { id: expect.any(String), mimeType: 'image/png', altText: 'new', size: PNG.length },
    ]);
    const gone = await api.send({ method: 'GET', url: `/api/v1/posts/${created.id}/media/${first?.id}` });
    expect(gone.statusCode).toBe(404);
    expect(errorOf(await patch(created.id, { media: [{ id: first?.id }] }))).toMatchObject({
      field: 'media.0.id',
      message: expect.stringContaining('has no image'),
    });
    expect((await patch(created.id, { media: [] })).json<Post>().media).toEqual([]);

    const again = (await post({ text: 'To delete', media: [png('bye')] })).json<Post>();
    expect((await api.send({ method: 'DELETE', url: `/api/v1/posts/${again.id}` })).statusCode).toBe(204);
    const after = await api.send({ method: 'GET', url: `/api/v1/posts/${again.id}/media/${again.media[0]?.id}` });
    expect(after.statusCode).toBe(404);
  });
});
