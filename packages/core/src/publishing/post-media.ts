import { z } from 'zod';

import { formatNumber } from '../format/format-number.js';
import { idSchema, textSchema } from '../input/text-schema.js';
import type { PostTarget } from './post.js';

/** The image types a post can carry: those every network Bigrock posts to takes. */
export const postImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type PostImageType = (typeof postImageTypes)[number];

/** Bluesky's limit on images in a post; a Mastodon instance says its own (`maxMediaAttachments`). */
export const MAX_POST_IMAGES = 4;

/** Mastodon's limit on a media description; Bluesky has none as strict. */
export const MAX_ALT_TEXT = 1500;

/** The largest image Bigrock keeps: 8 MB. An instance may take less (`imageSizeLimit`). */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/** The largest image blob Bluesky's images embed takes (its lexicon's `maxSize`). */
export const BLUESKY_IMAGE_MAX_BYTES = 2_000_000;

/** The names people know the image types by. */
export const imageTypeNames: Record<PostImageType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};

/**
 * A size as a person reads it: bytes, KB or MB (of 1024).
 *
 * @example formatByteSize(8 * 1024 * 1024, 'en') // '8 MB'
 * @example formatByteSize(1_500_000, 'en') // '1.4 MB'
 */
export function formatByteSize(bytes: number, locale?: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, 0, locale)} bytes`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0, locale)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1, locale)} MB`;
}

/**
 * The type an image's first bytes say it is, or null when they are none of the four: the claimed
 * type is not trusted, since a preview is served with it.
 *
 * @example sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])) // 'image/jpeg'
 */
export function sniffImageType(bytes: Uint8Array): PostImageType | null {
  const starts = (...signature: Array<number | null>) =>
    bytes.length >= signature.length && signature.every((byte, at) => byte === null || bytes[at] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38, 0x37, 0x61) || starts(0x47, 0x49, 0x46, 0x38, 0x39, 0x61)) return 'image/gif';
  // RIFF, the size, then WEBP.
  if (starts(0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

/**
 * How many bytes a base64 text holds, without decoding it.
 *
 * @example base64ByteLength('aGk=') // 2
 */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

const base64Schema = textSchema
  .min(1, { message: 'must not be empty: the image in base64' })
  // A refine, not a second pattern: the string keeps one pattern, textSchema's NUL guard.
  .refine((text) => /^[A-Za-z0-9+/]*={0,2}$/.test(text), {
    message: 'must be the image in base64 (A–Z, a–z, 0–9, +, /, = at the end)',
  })
  .refine((text) => text.length % 4 === 0, {
    message: 'must be the image in base64, its length a multiple of 4 (padded with =)',
  })
  .refine((text) => base64ByteLength(text) <= MAX_IMAGE_BYTES, {
    message: `is over the limit of ${formatByteSize(MAX_IMAGE_BYTES, 'en')} an image: make it smaller`,
  });

/** An image's alt text: what it shows, for those who cannot see it. Empty is allowed here; the setting decides. */
export const altTextSchema = textSchema
  .trim()
  .max(MAX_ALT_TEXT, { message: `must be at most ${MAX_ALT_TEXT} characters` })
  .describe('What the image shows, for those who cannot see it (Mastodon’s description, Bluesky’s alt)');

/**
 * One image of a post: a new one (`data` in base64 and its `mimeType`) or one the post already
 * has (`id`, from GET /posts/:id), each with its alt text; in the order they are shown.
 */
export const postImageInputSchema = z
  .object({
    id: idSchema.optional().describe('An image the post already has, kept (with new alt text if given)'),
    data: base64Schema.optional().describe(`A new image's bytes in base64, at most ${MAX_IMAGE_BYTES} bytes`),
    mimeType: z
      .enum(postImageTypes, { error: `must be one of ${postImageTypes.join(', ')}` })
      .optional()
      .describe("A new image's type; its bytes must say the same"),
    altText: altTextSchema.optional(),
  })
  .strict()
  .superRefine((image, context) => {
    if (image.id !== undefined) {
      if (image.data !== undefined || image.mimeType !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['id'],
          message: 'names an image the post has: give either id, or data and mimeType for a new one',
        });
      return;
    }
    if (image.data === undefined)
      context.addIssue({
        code: 'custom',
        path: ['data'],
        message: 'is required: the image in base64 (or the id of one the post has)',
      });
    if (image.mimeType === undefined)
      context.addIssue({
        code: 'custom',
        path: ['mimeType'],
        message: `is required: one of ${postImageTypes.join(', ')}`,
      });
  });

export const postMediaInputSchema = z
  .array(postImageInputSchema)
  .max(MAX_POST_IMAGES, { message: `must be at most ${MAX_POST_IMAGES} images` })
  .describe(
    `The post's images, in order (at most ${MAX_POST_IMAGES}); on an edit the whole list, images left out are removed`,
  );

export type PostImageInput = z.output<typeof postImageInputSchema>;

/** An image of a post as the API shows it; its bytes at GET /posts/:id/media/:mediaId. */
export interface PostImage {
  id: string;
  mimeType: PostImageType;
  altText: string;
  /** Bytes. */
  size: number;
}

/**
 * The message for an image without alt text when the workspace requires it.
 *
 * @example missingAltTextMessage(0) // 'media.0.altText is empty: describe the image …'
 */
export function missingAltTextMessage(index: number): string {
  return `media.${index}.altText is empty: describe image ${index + 1} for those who cannot see it, or turn off "Require alt text" in the queue's settings.`;
}

/**
 * The first target that would refuse the post's images (too many for the instance, too large,
 * a type it does not take), with the field to fix; null when every target takes them.
 *
 * @example postMediaProblem([{ mimeType: 'image/png', size: 3_000_000 }], [{ network: 'bluesky', name: 'maria.bsky.social', limits: null }])
 * // { field: 'media.0.data', message: 'media.0.data is 2.9 MB, over Bluesky’s limit of 1.9 MB an image (maria.bsky.social): …' }
 */
export function postMediaProblem(
  images: ReadonlyArray<{ mimeType: PostImageType; size: number }>,
  targets: readonly PostTarget[],
): { field: string; message: string } | null {
  if (images.length === 0) return null;
  for (const target of targets) {
    if (target.network === 'webhook') continue;
    const networkName = target.network === 'mastodon' ? 'Mastodon' : 'Bluesky';
    const most =
      target.network === 'mastodon' ? (target.limits?.maxMediaAttachments ?? MAX_POST_IMAGES) : MAX_POST_IMAGES;
    if (images.length > most) {
      return {
        field: 'media',
        message: `media has ${images.length} images; ${target.name} takes at most ${most}: remove some.`,
      };
    }
    const sizeLimit = target.network === 'mastodon' ? (target.limits?.imageSizeLimit ?? null) : BLUESKY_IMAGE_MAX_BYTES;
    const types = target.network === 'mastodon' ? (target.limits?.supportedMimeTypes ?? []) : [];
    for (const [index, image] of images.entries()) {
      if (sizeLimit !== null && image.size > sizeLimit) {
        return {
          field: `media.${index}.data`,
          message: `media.${index}.data is ${formatByteSize(image.size)}, over ${networkName}’s limit of ${formatByteSize(sizeLimit)} an image (${target.name}): make it smaller, or leave that account out.`,
        };
      }
      if (types.length > 0 && !types.includes(image.mimeType)) {
        return {
          field: `media.${index}.mimeType`,
          message: `media.${index}.mimeType: ${target.name} does not take ${imageTypeNames[image.mimeType]} images: use ${types
            .flatMap((type) => (type in imageTypeNames ? [imageTypeNames[type as PostImageType]] : []))
            .join(', ')}.`,
        };
      }
    }
  }
  return null;
}
