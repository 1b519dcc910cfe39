import { createHash } from 'node:crypto';

import {
  addDays,
  AppError,
  createPostSchema,
  dateInZone,
  deliveryStatuses,
  isoWeekOf,
  imageTypeNames,
  missingAltTextMessage,
  mondayOfIsoWeek,
  nextFreeSlot,
  postLengthProblem,
  postMediaProblem,
  sniffImageType,
  postingSlotsSchema,
  readInstantInput,
  slotInstants,
  startOfDayInZone,
  updatePostSchema,
  type DeliveryStatus,
  type Post,
  type PostImage,
  type PostImageInput,
  type PostingSlot,
  type PostWhen,
} from '@bigrock/core';
import { z } from 'zod';

import type { Clock } from '../clock.js';
import { newId } from '../db/new-id.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { AccountRepository } from './account.repository.js';
import type { PublishedPost } from './feeds/posts-feed.js';
import type { NewPostImage, PostRepository, QueueSettings } from './post.repository.js';

/** Told after a commit that deliveries are due at a time: a job queue makes their jobs. */
export interface ScheduledDelivery {
  deliveryId: string;
  version: number;
  tries: number;
  at: Date;
}
export type ScheduleListener = (items: ScheduledDelivery[]) => void;

/** Where the posts service tells what it scheduled; the delivery workers listen when they run in this process. */
export function createScheduleHub() {
  const listeners = new Set<ScheduleListener>();
  return {
    notify(items: ScheduledDelivery[]): void {
      if (items.length === 0) return;
      for (const listener of listeners) listener(items);
    },
    listen(listener: ScheduleListener): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
export type ScheduleHub = ReturnType<typeof createScheduleHub>;

export const queueSettingsSchema = z
  .object({
    slots: postingSlotsSchema.describe('The week’s posting slots, on the workspace clocks'),
    graceMinutes: z
      .number({ error: 'must be a number of minutes' })
      .int({ message: 'must be a whole number of minutes' })
      .min(0, { message: 'must be from 0 to 10080 minutes' })
      .max(10_080, { message: 'must be from 0 to 10080 minutes' })
      .optional()
      .describe('How late a post may still go out when Bigrock comes back (60 by default); older ones are missed'),
  })
  .strict();

export const altTextSettingSchema = z
  .object({
    required: z
      .boolean({ error: 'must be true or false' })
      .describe('true: a post with an image without alt text is refused (the default)'),
  })
  .strict();

export const postListQuerySchema = z
  .object({
    status: z
      .enum(deliveryStatuses)
      .optional()
      .describe('Posts with a delivery in this status (missed: the Missed list); cancelled posts only with cancelled'),
  })
  .strict();

export interface QueueView extends QueueSettings {
  timeZone: string;
}

export interface QueueWeek {
  week: string;
  timeZone: string;
  paused: boolean;
  graceMinutes: number;
  /** Each slot of the week and each other time a post stands at, in order, with its posts. */
  entries: Array<{ at: string; slot: PostingSlot | null; posts: Post[] }>;
}

export interface PostServiceDeps {
  posts: PostRepository;
  accounts: AccountRepository;
  workspaces: WorkspaceRepository;
  hub: ScheduleHub;
  clock: Clock;
  workspaceId: string;
}

/** The most posts a list shows, newest first. */
const MAX_LISTED = 500;

/** An image of a post as an edit leaves it: one it had (kept) or a new one. */
type ImageChange = { keep: { id: string; altText: string } } | { add: NewPostImage };

/**
 * The images a post is to have, from the input: new ones decoded and checked (their bytes must be
 * the type they claim), kept ones found among the post's own; alt text required unless the
 * workspace turned that off.
 */
function readImages(
  input: readonly PostImageInput[],
  existing: readonly PostImage[],
  requireAltText: boolean,
): { changes: ImageChange[]; images: Array<Pick<PostImage, 'mimeType' | 'size'>> } {
  const changes: ImageChange[] = [];
  const images: Array<Pick<PostImage, 'mimeType' | 'size'>> = [];
  const seen = new Set<string>();
  for (const [index, image] of input.entries()) {
    const altText = image.altText ?? '';
    if (image.id !== undefined) {
      const had = existing.find((candidate) => candidate.id === image.id);
      if (had === undefined || seen.has(image.id)) {
        throw new AppError(
          'invalid-input',
          had === undefined
            ? `media.${index}.id: the post has no image ${image.id}; give a new one as data and mimeType.`
            : `media.${index}.id: the image ${image.id} is in the list twice; give it once.`,
          { field: `media.${index}.id` },
        );
      }
      seen.add(image.id);
      const kept = image.altText ?? had.altText;
      if (requireAltText && kept === '') {
        throw new AppError('invalid-input', missingAltTextMessage(index), { field: `media.${index}.altText` });
      }
      changes.push({ keep: { id: had.id, altText: kept } });
      images.push(had);
      continue;
    }
    // The schema made sure both are there for a new image.
    const data = Buffer.from(image.data ?? '', 'base64');
    const claimed = image.mimeType ?? 'image/png';
    const actual = sniffImageType(data);
    if (actual !== claimed) {
      throw new AppError(
        'invalid-input',
        actual === null
          ? `media.${index}.data is not a PNG, JPEG, GIF or WebP image: give one of those.`
          : `media.${index}.data is a ${imageTypeNames[actual]} image, not ${imageTypeNames[claimed]}: give mimeType ${actual}.`,
        { field: `media.${index}.data` },
      );
    }
    if (requireAltText && altText === '') {
      throw new AppError('invalid-input', missingAltTextMessage(index), { field: `media.${index}.altText` });
    }
    const added: NewPostImage = {
      id: newId(),
      mimeType: actual,
      altText,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
    };
    changes.push({ add: added });
    images.push(added);
  }
  return { changes, images };
}

/** A minute of leeway for "at" a time just past: the clocks of the caller and of Bigrock differ a little. */
const PAST_LEEWAY_MS = 60_000;

/**
 * Posts and the queue: compose (checked against each target account's limits), put in the
 * queue's next free slot, at a time or now; move, edit, cancel; the queue's slots, pause and
 * resume. Every change is one transaction; the jobs of the deliveries it scheduled are made after
 * it commits (and a job made for an older version does nothing).
 */
export function createPostService({ posts, accounts, workspaces, hub, clock, workspaceId }: PostServiceDeps) {
  async function timeZone(): Promise<string> {
    return (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
  }

  async function found(id: string): Promise<Post> {
    const post = await posts.get(id);
    if (post === undefined)
      throw new AppError('not-found', `No post ${id}: see them with bigrock post list.`, { field: 'id' });
    return post;
  }

  function notify(post: Post) {
    hub.notify(
      post.deliveries
        .filter((delivery) => delivery.status === 'queued')
        .map((delivery) => ({
          deliveryId: delivery.id,
          version: delivery.version,
          tries: delivery.tries,
          at: new Date(delivery.nextAttemptAt ?? delivery.scheduledAt),
        })),
    );
  }

  /** The instant a `when` stands for; in the queue, the next slot no post stands at. */
  async function instantOf(
    when: PostWhen,
    queue: QueueSettings,
    zone: string,
    now: Date,
    taken: () => Promise<number[]>,
  ): Promise<number> {
    if (when.kind === 'now') return now.getTime();
    if (when.kind === 'at') {
      const read = readInstantInput(when.at, zone, now);
      if ('problem' in read) throw new AppError('invalid-input', `when.at: ${read.problem}.`, { field: 'when.at' });
      if (read.instantMs < now.getTime() - PAST_LEEWAY_MS) {
        throw new AppError('invalid-input', 'when.at is in the past: give a later time, or { kind: "now" }.', {
          field: 'when.at',
        });
      }
      return read.instantMs;
    }
    const slot = nextFreeSlot(queue.slots, await taken(), now.getTime(), zone);
    if (slot === null) {
      throw new AppError(
        'invalid-input',
        'The queue has no posting slots: set some (bigrock queue slots set mon 09:00 …) or give a time.',
        {
          field: 'when',
        },
      );
    }
    return slot;
  }

  const service = {
    /**
     * Composes a post to the given accounts (all of them by default) and puts it in the queue's
     * next free slot, at a time or now. The rules engine calls this too:
     * `posts.create({ text, overrides?, accountIds?, when })`.
     */
    async create(input: unknown): Promise<Post> {
      const parsed = parseInput(createPostSchema, input);
      const all = await accounts.list();
      const targets =
        parsed.accountIds === undefined
          ? all
          : parsed.accountIds.map((id) => all.find((account) => account.id === id) ?? id);
      const missing = targets.find((target) => typeof target === 'string');
      if (typeof missing === 'string') {
        throw new AppError(
          'invalid-input',
          `accountIds: no publishing account ${missing}; see them with bigrock account list.`,
          {
            field: 'accountIds',
          },
        );
      }
      const chosen = [
        ...new Map(
          targets.flatMap((target) => (typeof target === 'string' ? [] : [[target.id, target] as const])),
        ).values(),
      ];
      if (chosen.length === 0) {
        throw new AppError(
          'invalid-input',
          'accountIds: there is no publishing account to post to; add one first (bigrock account add).',
          {
            field: 'accountIds',
          },
        );
      }
      const problem = postLengthProblem(parsed, chosen);
      if (problem !== null) throw new AppError('invalid-input', problem.message, { field: problem.field });
      const { changes, images } = readImages(parsed.media ?? [], [], (await posts.queue()).requireAltText);
      const mediaProblem = postMediaProblem(images, chosen);
      if (mediaProblem !== null)
        throw new AppError('invalid-input', mediaProblem.message, { field: mediaProblem.field });
      const zone = await timeZone();
      const id = newId();
      await posts.transaction(async (trx) => {
        const now = clock.now();
        const queue = await trx.queue(true);
        const at = await instantOf(parsed.when, queue, zone, now, () => trx.takenInstants(now.toISOString()));
        await trx.insert({
          id,
          text: parsed.text,
          overrides: parsed.overrides ?? {},
          contentWarning: parsed.contentWarning ?? null,
          whenKind: parsed.when.kind,
          scheduledAt: new Date(at).toISOString(),
          at: now.toISOString(),
          deliveries: chosen.map((account) => ({ id: newId(), accountId: account.id, network: account.network })),
          media: changes.flatMap((change) => ('add' in change ? [change.add] : [])),
        });
      });
      const post = await found(id);
      notify(post);
      return post;
    },

    async list(query: unknown = {}): Promise<Post[]> {
      const { status } = parseInput(postListQuerySchema, query);
      return posts.list({ status: status satisfies DeliveryStatus | undefined, limit: MAX_LISTED });
    },

    get: found,

    /**
     * The posts published somewhere, latest first, as the posts feeds show them: the text, when it
     * first went out, and its page on each network.
     */
    async listPublished(limit: number): Promise<PublishedPost[]> {
      const published = await posts.list({ status: 'posted', limit });
      return published.map((post) => {
        const posted = post.deliveries.filter((delivery) => delivery.status === 'posted');
        const times = posted.flatMap((delivery) =>
          delivery.attempts.flatMap((attempt) => (attempt.endedAt === null ? [] : [Date.parse(attempt.endedAt)])),
        );
        const remoteUrls: PublishedPost['remoteUrls'] = {};
        for (const delivery of posted) {
          if (delivery.remoteUrl !== null && remoteUrls[delivery.network] === undefined)
            remoteUrls[delivery.network] = delivery.remoteUrl;
        }
        return {
          id: post.id,
          text: post.text,
          publishedAt: new Date(times.length === 0 ? Date.parse(post.scheduledAt) : Math.min(...times)),
          remoteUrls,
        };
      });
    },

    /**
     * Edits a post not yet sent (its text, overrides, content warning), or moves it: to the next
     * free slot, to a time (a slot's or any), or to now. A post being sent cannot change; a post
     * posted somewhere cannot be edited, only its missed or failed deliveries moved.
     */
    async update(id: string, input: unknown): Promise<Post> {
      const parsed = parseInput(updatePostSchema, input);
      const before = await found(id);
      if (before.deliveries.every((delivery) => delivery.status === 'cancelled')) {
        throw new AppError('conflict', `The post ${id} is deleted: compose it again.`, { field: 'id' });
      }
      const edits =
        parsed.text !== undefined ||
        parsed.overrides !== undefined ||
        parsed.contentWarning !== undefined ||
        parsed.media !== undefined;
      const content = {
        text: parsed.text ?? before.text,
        overrides: parsed.overrides ?? before.overrides,
        contentWarning: parsed.contentWarning === undefined ? before.contentWarning : parsed.contentWarning,
      };
      if (edits) {
        const all = await accounts.list();
        const targets = before.deliveries.flatMap((delivery) =>
          all.filter((account) => account.id === delivery.accountId),
        );
        const problem = postLengthProblem(content, targets);
        if (problem !== null) throw new AppError('invalid-input', problem.message, { field: problem.field });
      }
      // Left out, the images stay as they are; given, the list replaces them.
      const media =
        parsed.media === undefined
          ? null
          : readImages(parsed.media, before.media, (await posts.queue()).requireAltText);
      if (media !== null) {
        const all = await accounts.list();
        const targets = before.deliveries.flatMap((delivery) =>
          all.filter((account) => account.id === delivery.accountId),
        );
        const problem = postMediaProblem(media.images, targets);
        if (problem !== null) throw new AppError('invalid-input', problem.message, { field: problem.field });
      }
      const zone = await timeZone();
      await posts.transaction(async (trx) => {
        const now = clock.now();
        const queue = await trx.queue(true);
        const at = now.toISOString();
        if (edits) {
          // Raised first: on PostgreSQL this waits for a worker taking the row, then sees what it did.
          await trx.bumpVersions(id, at);
          await trx.updateContent(id, content, at);
          if (media !== null) await trx.replaceMedia(id, media.changes, at);
        }
        if (parsed.when !== undefined) {
          const instant = await instantOf(parsed.when, queue, zone, now, async () =>
            (await trx.takenInstants(now.toISOString())).filter((taken) => taken !== Date.parse(before.scheduledAt)),
          );
          await trx.reschedule(id, { whenKind: parsed.when.kind, scheduledAt: new Date(instant).toISOString() }, at);
        }
        const statuses = await trx.statuses(id);
        const sending = statuses.find((delivery) => delivery.status === 'sending');
        if (sending !== undefined) {
          throw new AppError(
            'conflict',
            `The post is being sent to ${sending.network} right now: look again in a moment.`,
            {
              field: 'id',
            },
          );
        }
        const posted = statuses.find((delivery) => delivery.status === 'posted');
        if (edits && posted !== undefined) {
          throw new AppError(
            'conflict',
            `The post is already on ${posted.network}: it cannot be edited there; compose a new one.`,
            {
              field: 'text',
            },
          );
        }
      });
      const post = await found(id);
      notify(post);
      return post;
    },

    /** Cancels what is still to send of a post: its jobs, even one due this instant, do nothing. */
    async remove(id: string): Promise<void> {
      await found(id);
      await posts.transaction(async (trx) => {
        await trx.cancel(id, clock.now().toISOString());
        const sending = (await trx.statuses(id)).find((delivery) => delivery.status === 'sending');
        if (sending !== undefined) {
          throw new AppError(
            'conflict',
            `The post is being sent to ${sending.network} right now: look again in a moment.`,
            {
              field: 'id',
            },
          );
        }
      });
    },

    /** Sends a queued, missed or failed post now (the queue paused: when it resumes). */
    async sendNow(id: string): Promise<Post> {
      return service.update(id, { when: { kind: 'now' } });
    },

    async queue(): Promise<QueueView> {
      return { ...(await posts.queue()), timeZone: await timeZone() };
    },

    async setQueue(input: unknown): Promise<QueueView> {
      const parsed = parseInput(queueSettingsSchema, input);
      await posts.transaction((trx) =>
        trx.saveQueue(
          { slots: parsed.slots, ...(parsed.graceMinutes !== undefined && { graceMinutes: parsed.graceMinutes }) },
          clock.now().toISOString(),
        ),
      );
      return service.queue();
    },

    /** Requires alt text on every image of a post, or stops requiring it. */
    async setAltTextRequired(input: unknown): Promise<QueueView> {
      const { required } = parseInput(altTextSettingSchema, input);
      await posts.transaction((trx) => trx.saveQueue({ requireAltText: required }, clock.now().toISOString()));
      return service.queue();
    },

    /** An image's bytes and type, for a preview. */
    async image(postId: string, mediaId: string): Promise<{ mimeType: string; data: Uint8Array }> {
      const found = await posts.imageBytes(postId, mediaId);
      if (found === undefined) {
        throw new AppError(
          'not-found',
          `The post ${postId} has no image ${mediaId}: see its images with GET /posts/${postId}.`,
          {
            field: 'mediaId',
          },
        );
      }
      return found;
    },

    /** Paused, nothing is sent; slots are still taken by "add to queue". */
    async pause(): Promise<QueueView> {
      await posts.transaction((trx) => trx.saveQueue({ paused: true }, clock.now().toISOString()));
      return service.queue();
    },

    async resume(): Promise<QueueView> {
      await posts.transaction((trx) => trx.saveQueue({ paused: false }, clock.now().toISOString()));
      const queued = await posts.list({ status: 'queued', limit: 500 });
      for (const post of queued) notify(post);
      return service.queue();
    },

    /** A week of the queue (this one by default): its slots with the posts in them, and the posts at other times. */
    async week(week?: string): Promise<QueueWeek> {
      const zone = await timeZone();
      const queue = await posts.queue();
      const isoWeek = week ?? isoWeekOf(dateInZone(clock.now(), zone));
      const monday = mondayOfIsoWeek(isoWeek);
      const from = startOfDayInZone(monday, zone);
      const to = startOfDayInZone(addDays(monday, 7), zone);
      const inWeek = await posts.list({
        fromIso: new Date(from).toISOString(),
        toIso: new Date(to).toISOString(),
        limit: 2000,
      });
      const entries = new Map<number, { at: string; slot: PostingSlot | null; posts: Post[] }>();
      for (const { at, slot } of slotInstants(queue.slots, from, to, zone)) {
        entries.set(at, { at: new Date(at).toISOString(), slot, posts: [] });
      }
      for (const post of inWeek) {
        const at = Date.parse(post.scheduledAt);
        const entry = entries.get(at) ?? { at: post.scheduledAt, slot: null, posts: [] };
        entry.posts.push(post);
        entries.set(at, entry);
      }
      return {
        week: isoWeek,
        timeZone: zone,
        paused: queue.paused,
        graceMinutes: queue.graceMinutes,
        entries: [...entries.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry),
      };
    },
  };
  return service;
}

export type PostService = ReturnType<typeof createPostService>;
