import { describe, expect, it } from 'vitest';

import { createPostSchema, updatePostSchema } from './post.js';
import {
  base64ByteLength,
  BLUESKY_IMAGE_MAX_BYTES,
  formatByteSize,
  MAX_IMAGE_BYTES,
  postMediaProblem,
  sniffImageType,
} from './post-media.js';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const issueOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

describe('sniffImageType', () => {
  it('reads the four types from their first bytes, whatever the name or claimed type', () => {
    expect(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('GIF89a...'))).toBe('image/gif');
    expect(sniffImageType(new TextEncoder().encode('GIF87a...'))).toBe('image/gif');
    expect(sniffImageType(new TextEncoder().encode('RIFF\u0001\u0002\u0003\u0004WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('RIFF\u0001\u0002\u0003\u0004WAVEfmt '))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe('the images of a post, as the API takes them', () => {
  it('takes up to four images in base64 with their type and alt text', () => {
    const parsed = createPostSchema.parse({
      text: 'With a picture',
      media: [{ data: PNG, mimeType: 'image/png', altText: '  A rock at dawn  ' }],
    });
    expect(parsed.media).toEqual([{ data: PNG, mimeType: 'image/png', altText: 'A rock at dawn' }]);
    expect(base64ByteLength(PNG)).toBe(Uint8Array.from(atob(PNG), (char) => char.charCodeAt(0)).length);
  });

  it('refuses a fifth image, a type the networks do not all take, and alt text over 1,500 characters', () => {
    const image = { data: PNG, mimeType: 'image/png', altText: 'x' };
    expect(issueOf(createPostSchema.safeParse({ text: 't', media: Array(5).fill(image) }))).toEqual([
      { path: 'media', message: 'must be at most 4 images' },
    ]);
    expect(
      issueOf(createPostSchema.safeParse({ text: 't', media: [{ ...image, mimeType: 'image/svg+xml' }] })),
    ).toEqual([{ path: 'media.0.mimeType', message: 'must be one of image/png, image/jpeg, image/gif, image/webp' }]);
    expect(
      issueOf(createPostSchema.safeParse({ text: 't', media: [{ ...image, altText: 'é'.repeat(1501) }] })),
    ).toEqual([{ path: 'media.0.altText', message: 'must be at most 1500 characters' }]);
  });

  it('refuses what is not base64, a NUL, and an image over 8 MB, naming the limit', () => {
    const parse = (data: string) =>
      issueOf(createPostSchema.safeParse({ text: 't', media: [{ data, mimeType: 'image/png' }] }));
    expect(parse('not base64!')?.[0]).toMatchObject({ path: 'media.0.data', message: expect.stringMatching(/base64/) });
    expect(parse('iVBO\u0000')?.[0]?.message).toMatch(/NUL/);
    expect(parse('abc')?.[0]?.message).toMatch(/multiple of 4/);
    expect(parse('')?.[0]?.message).toMatch(/must not be empty/);
    const tooBig = 'A'.repeat(Math.ceil((MAX_IMAGE_BYTES + 1) / 3) * 4);
    expect(parse(tooBig)).toEqual([
      { path: 'media.0.data', message: 'is over the limit of 8 MB an image: make it smaller' },
    ]);
  });

  it('keeps an image of the post by its id on an edit, or takes a new one, never both in one entry', () => {
    expect(updatePostSchema.parse({ media: [{ id: 'm1', altText: 'new words' }] }).media).toEqual([
      { id: 'm1', altText: 'new words' },
    ]);
    expect(issueOf(updatePostSchema.safeParse({ media: [{ id: 'm1', data: PNG }] }))).toEqual([
      { path: 'media.0.id', message: expect.stringContaining('give either id, or data and mimeType') },
    ]);
    expect(
      issueOf(updatePostSchema.safeParse({ media: [{ altText: 'no image' }] }))?.map((issue) => issue.path),
    ).toEqual(['media.0.data', 'media.0.mimeType']);
  });
});

describe('postMediaProblem', () => {
  const mastodon = (limits: { maxMediaAttachments: number | null; imageSizeLimit: number | null }) => ({
    network: 'mastodon' as const,
    name: '@maria@social.test',
    limits: {
      maxCharacters: 500,
      charactersReservedPerUrl: 23,
      supportedMimeTypes: ['image/png', 'image/jpeg'],
      ...limits,
    },
  });
  const bluesky = { network: 'bluesky' as const, name: 'maria.test', limits: null };

  it("says which image is over an instance's size limit, or Bluesky's, and by what", () => {
    const images = [
      { mimeType: 'image/png' as const, size: 1000 },
      { mimeType: 'image/png' as const, size: 3 * 1024 * 1024 },
    ];
    expect(postMediaProblem(images, [mastodon({ maxMediaAttachments: 4, imageSizeLimit: 2 * 1024 * 1024 })])).toEqual({
      field: 'media.1.data',
      message:
        'media.1.data is 3 MB, over Mastodon’s limit of 2 MB an image (@maria@social.test): make it smaller, or leave that account out.',
    });
    expect(postMediaProblem(images, [bluesky])?.message).toContain(
      `limit of ${formatByteSize(BLUESKY_IMAGE_MAX_BYTES)}`,
    );
    expect(postMediaProblem(images.slice(0, 1), [bluesky])).toBeNull();
  });

  it("counts the images against the instance's most, and checks the types it takes", () => {
    const two = [
      { mimeType: 'image/png' as const, size: 10 },
      { mimeType: 'image/png' as const, size: 10 },
    ];
    expect(postMediaProblem(two, [mastodon({ maxMediaAttachments: 1, imageSizeLimit: null })])).toMatchObject({
      field: 'media',
      message: 'media has 2 images; @maria@social.test takes at most 1: remove some.',
    });
    expect(
      postMediaProblem(
        [{ mimeType: 'image/webp', size: 10 }],
        [mastodon({ maxMediaAttachments: 4, imageSizeLimit: null })],
      ),
    ).toMatchObject({
      field: 'media.0.mimeType',
      message: expect.stringContaining('does not take WebP images: use PNG, JPEG'),
    });
    expect(postMediaProblem([], [bluesky])).toBeNull();
    expect(postMediaProblem(two, [{ network: 'webhook', name: 'hooks.example.org', limits: null }])).toBeNull();
  });
});
