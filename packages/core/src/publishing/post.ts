import { z } from 'zod';

import { idSchema, textSchema } from '../input/text-schema.js';
import { instantInputSchema } from '../tracking/time-entry.js';
import { formatCount } from '../format/format-quantity.js';
import { formatNumber } from '../format/format-number.js';
import type { MastodonInstanceLimits } from './account-input.js';
import { postMediaInputSchema, type PostImage } from './post-media.js';
import type { PublishingNetwork } from './publishing-network.js';
import { countBluesky, countMastodon, DEFAULT_MASTODON_LIMITS, type TextCount } from './text-count.js';

/**
 * Where one post to one account stands: waiting for its time, being sent, posted, failed (with the
 * network's reason), missed (its time passed while Bigrock was not running), or cancelled.
 */
export const deliveryStatuses = ['queued', 'sending', 'posted', 'failed', 'missed', 'cancelled'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** The longest text Bigrock keeps for a post; each network's own limit is checked apart. */
export const MAX_POST_TEXT = 10_000;

const postTextSchema = textSchema
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(MAX_POST_TEXT, { message: `must be at most ${MAX_POST_TEXT} characters` });

/** Texts for one network instead of the post's own. */
export const postOverridesSchema = z
  .object({
    mastodon: postTextSchema.optional().describe("Mastodon's text instead of the post's"),
    bluesky: postTextSchema.optional().describe("Bluesky's text instead of the post's"),
  })
  .strict();

/** When a post goes: in the queue's next free slot, at a set time, or now. */
export const postWhenSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('queue') }).strict(),
    z.object({ kind: z.literal('at'), at: instantInputSchema }).strict(),
    z.object({ kind: z.literal('now') }).strict(),
  ],
  { error: 'must be one of queue, at, now (as { kind: "at", at: "2027-01-04 09:00" } for at)' },
);

const contentWarningSchema = textSchema
  .trim()
  .max(500, { message: 'must be at most 500 characters' })
  .nullable()
  .optional()
  .transform((value) => (value === '' ? null : value))
  .describe("Mastodon's content warning; the other networks leave it out");

export const createPostSchema = z
  .object({
    text: postTextSchema.describe('What the post says'),
    overrides: postOverridesSchema.optional(),
    contentWarning: contentWarningSchema,
    accountIds: z
      .array(idSchema)
      .min(1, { message: 'must name at least one account; leave it out for all of them' })
      .max(50, { message: 'must be at most 50 accounts' })
      .optional()
      .describe('The publishing accounts to post to; all of them when left out'),
    media: postMediaInputSchema.optional(),
    when: postWhenSchema.default({ kind: 'queue' }),
  })
  .strict();

export const updatePostSchema = z
  .object({
    text: postTextSchema.optional(),
    overrides: postOverridesSchema.optional(),
    contentWarning: contentWarningSchema,
    media: postMediaInputSchema.optional(),
    when: postWhenSchema.optional().describe("Moves the post: to the next free slot, a time (a slot's or any), or now"),
  })
  .strict();

export type CreatePostInput = z.input<typeof createPostSchema>;
export type PostWhen = z.output<typeof postWhenSchema>;
export type PostOverrides = z.output<typeof postOverridesSchema>;

/** The text a network gets: its override, or the post's own. */
export function postTextFor(
  network: PublishingNetwork,
  text: string,
  overrides: PostOverrides | null | undefined,
): string {
  if (network === 'mastodon') return overrides?.mastodon ?? text;
  if (network === 'bluesky') return overrides?.bluesky ?? text;
  return text;
}

/** An account a post goes to, as far as its limits go. */
export interface PostTarget {
  network: PublishingNetwork;
  name: string;
  limits: MastodonInstanceLimits | null;
}

const networkNames: Record<PublishingNetwork, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  webhook: 'the webhook',
};

/**
 * The first target whose network would refuse the post for its length, with how far over it is;
 * null when every target takes it.
 *
 * @example postLengthProblem({ text: 'x'.repeat(310) }, [{ network: 'bluesky', name: 'maria.bsky.social', limits: null }])
 * // { field: 'text', network: 'bluesky', count: { used: 310, limit: 300, … }, message: 'text is 10 characters over Bluesky’s limit of 300 (maria.bsky.social): shorten it, or give overrides.bluesky' }
 */
export function postLengthProblem(
  post: { text: string; overrides?: PostOverrides | null; contentWarning?: string | null },
  targets: readonly PostTarget[],
): { field: string; network: PublishingNetwork; count: TextCount; message: string } | null {
  for (const target of targets) {
    if (target.network === 'webhook') continue;
    const text = postTextFor(target.network, post.text, post.overrides);
    const count =
      target.network === 'mastodon'
        ? countMastodon(text, {
            contentWarning: post.contentWarning ?? '',
            limits: target.limits ?? DEFAULT_MASTODON_LIMITS,
          })
        : countBluesky(text);
    if (!count.over) continue;
    const hasOverride = post.overrides?.[target.network] !== undefined;
    const field = hasOverride ? `overrides.${target.network}` : 'text';
    const over = formatCount(count.used - count.limit, 'character', 'characters');
    const withWarning = target.network === 'mastodon' && post.contentWarning ? ' (the content warning counts too)' : '';
    const fix = hasOverride ? 'shorten it' : `shorten it, or give overrides.${target.network}`;
    return {
      field,
      network: target.network,
      count,
      message: `${field} is ${over} over ${networkNames[target.network]}’s limit of ${formatNumber(count.limit, 0)} (${target.name})${withWarning}: ${fix}.`,
    };
  }
  return null;
}

/** One try at one delivery, as kept in its history. */
export interface PostAttempt {
  number: number;
  idempotencyKey: string;
  startedAt: string;
  endedAt: string | null;
  /** posted, transient, permanent, unknown (reconciled at the next try), reconciled-posted, reconciled-absent. */
  outcome: string | null;
  reason: string | null;
}

/** One post to one account. */
export interface PostDelivery {
  id: string;
  accountId: string;
  network: PublishingNetwork;
  accountName: string | null;
  status: DeliveryStatus;
  scheduledAt: string;
  /** Raised by every move, edit and cancel; a delivery job carries the version it was made for. */
  version: number;
  /** Tries since it was last scheduled (a move starts again from 0). */
  tries: number;
  remoteUrl: string | null;
  remoteId: string | null;
  /** The network's reason, when failed; why it was missed. */
  reason: string | null;
  /** What to do about a failure or a missed post. */
  fix: string | null;
  nextAttemptAt: string | null;
  attempts: PostAttempt[];
}

/** A post with each of its targets. */
export interface Post {
  id: string;
  text: string;
  overrides: PostOverrides;
  contentWarning: string | null;
  /** Its images, in order, without their bytes (GET /posts/:id/media/:mediaId serves them). */
  media: PostImage[];
  /** queue: in a slot of the queue; at: a time set; now: sent at once. */
  whenKind: PostWhen['kind'];
  scheduledAt: string;
  /** The post's standing: the worst of its deliveries' (failed, missed, sending, queued), else posted or cancelled. */
  status: DeliveryStatus;
  createdAt: string;
  updatedAt: string;
  deliveries: PostDelivery[];
}

/** The standing of a post from its deliveries': what needs a look first. */
export function postStatus(statuses: readonly DeliveryStatus[]): DeliveryStatus {
  for (const status of ['failed', 'missed', 'sending', 'queued'] as const) {
    if (statuses.includes(status)) return status;
  }
  if (statuses.includes('posted')) return 'posted';
  return 'cancelled';
}
