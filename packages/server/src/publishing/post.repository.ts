import {
  DEFAULT_POSTING_SLOTS,
  deliveryStatuses,
  postingSlotsSchema,
  postOverridesSchema,
  postImageTypes,
  postStatus,
  publishingNetworks,
  type DeliveryStatus,
  type Post,
  type PostDelivery,
  type PostImage,
  type PostingSlot,
  type PostOverrides,
  type PostWhen,
} from '@bigrock/core';
import { sql, type Expression, type Kysely, type QueryCreator, type Selectable } from 'kysely';

import type { Database, PostDeliveryTable, PostTable } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import { PREPARED, type DialectName } from '../db/open-database.js';

/** One hour: a post late by less goes out when Bigrock comes back; an older one waits in Missed. */
export const DEFAULT_GRACE_MINUTES = 60;

export interface QueueSettings {
  slots: PostingSlot[];
  paused: boolean;
  graceMinutes: number;
  /** An image without alt text is refused (on by default). */
  requireAltText: boolean;
}

/** An image to store: its metadata, checked, and its bytes. */
export interface NewPostImage {
  id: string;
  mimeType: PostImage['mimeType'];
  altText: string;
  size: number;
  sha256: string;
  data: Uint8Array;
}

/** An image with its bytes, as a connector gets it. */
export interface StoredPostImage extends PostImage {
  sha256: string;
  data: Uint8Array;
}

export interface NewPost {
  id: string;
  text: string;
  overrides: PostOverrides;
  contentWarning: string | null;
  whenKind: PostWhen['kind'];
  scheduledAt: string;
  at: string;
  deliveries: Array<{ id: string; accountId: string; network: string }>;
  media: NewPostImage[];
}

/** A delivery as a worker holds it: the row and the post's content. */
export interface ClaimedDelivery {
  id: string;
  postId: string;
  accountId: string;
  network: string;
  version: number;
  idempotencyKey: string;
  firstTriedAt: string;
  tries: number;
  needsReconcile: boolean;
  leaseToken: string;
  attemptId: string;
  text: string;
  overrides: PostOverrides;
  contentWarning: string | null;
  /**
   * The account's credentials as read with the claim, still sealed (null: removed, or restored
   * without them). They change whenever the credentials do: a connector made for them is reused.
   */
  sealedCredentials: string | null;
  /** Whether the post has images: read (with their bytes) only then. */
  hasMedia: boolean;
}

/** What a try came to, written with the lease that made it. */
export type DeliveryOutcome =
  | { status: 'posted'; remoteId: string; remoteUrl: string | null; outcome: string; reason: string | null }
  | {
      status: 'queued';
      nextAttemptAt: string;
      needsReconcile: boolean;
      outcome: string;
      reason: string;
    }
  | { status: 'failed'; needsReconcile: boolean; outcome: string; reason: string; fix: string };

const readStatus = (status: string): DeliveryStatus => deliveryStatuses.find((known) => known === status) ?? 'failed';
const readNetwork = (network: string) => publishingNetworks.find((known) => known === network) ?? 'webhook';
const readImageType = (type: string): PostImage['mimeType'] =>
  postImageTypes.find((known) => known === type) ?? 'image/png';
const readWhen = (kind: string): PostWhen['kind'] => (kind === 'at' || kind === 'now' ? kind : 'queue');

function readOverrides(json: string): PostOverrides {
  try {
    const parsed = postOverridesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function readSlots(json: string): PostingSlot[] {
  try {
    const parsed = postingSlotsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : DEFAULT_POSTING_SLOTS;
  } catch {
    return DEFAULT_POSTING_SLOTS;
  }
}

/** Posts, their deliveries and attempts, and the queue's settings, of one workspace. */
export function createPostRepository(db: Kysely<Database>, dialect: DialectName, workspaceId: string) {
  async function queueOf(trx: Kysely<Database>, lock: boolean): Promise<QueueSettings> {
    if (lock) {
      // The queue's row is the lock that keeps two "add to queue" from taking one slot.
      await trx
        .insertInto('post_queues')
        .values({
          workspace_id: workspaceId,
          slots: JSON.stringify(DEFAULT_POSTING_SLOTS),
          paused: 0,
          grace_minutes: DEFAULT_GRACE_MINUTES,
          require_alt_text: 1,
          updated_at: new Date(0).toISOString(),
        })
        .onConflict((conflict) => conflict.column('workspace_id').doNothing())
        .execute();
    }
    const row = await trx
      .selectFrom('post_queues')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .$if(lock && dialect === 'postgres', (query) => query.forUpdate())
      .executeTakeFirst();
    return row === undefined
      ? { slots: DEFAULT_POSTING_SLOTS, paused: false, graceMinutes: DEFAULT_GRACE_MINUTES, requireAltText: true }
      : {
          slots: readSlots(row.slots),
          paused: row.paused === 1,
          graceMinutes: row.grace_minutes,
          requireAltText: row.require_alt_text === 1,
        };
  }

  async function postsWithDeliveries(trx: Kysely<Database>, rows: Array<Selectable<PostTable>>): Promise<Post[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const deliveries = await trx
      .selectFrom('post_deliveries as d')
      .leftJoin('publishing_accounts as a', (join) =>
        join.onRef('a.id', '=', 'd.account_id').on('a.workspace_id', '=', workspaceId),
      )
      .selectAll('d')
      .select('a.name as account_name')
      .where('d.workspace_id', '=', workspaceId)
      .where('d.post_id', 'in', ids)
      .orderBy('d.id')
      .execute();
    const attempts = await trx
      .selectFrom('post_attempts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('delivery_id', 'in', deliveries.length === 0 ? [''] : deliveries.map((delivery) => delivery.id))
      .orderBy('number')
      .execute();
    const media = await trx
      .selectFrom('post_media')
      .select(['id', 'post_id', 'mime_type', 'alt_text', 'byte_size'])
      .where('workspace_id', '=', workspaceId)
      .where('post_id', 'in', ids)
      .orderBy('post_id')
      .orderBy('position')
      .execute();
    const byPost = new Map<string, PostDelivery[]>();
    for (const row of deliveries) {
      const delivery: PostDelivery = {
        id: row.id,
        accountId: row.account_id,
        network: readNetwork(row.network),
        accountName: row.account_name,
        status: readStatus(row.status),
        scheduledAt: row.scheduled_at,
        version: row.version,
        tries: row.tries,
        remoteUrl: row.remote_url,
        remoteId: row.remote_id,
        reason: row.reason,
        fix: row.fix,
        nextAttemptAt: row.status === 'queued' ? row.next_attempt_at : null,
        attempts: attempts
          .filter((attempt) => attempt.delivery_id === row.id)
          .map((attempt) => ({
            number: attempt.number,
            idempotencyKey: attempt.idempotency_key,
            startedAt: attempt.started_at,
            endedAt: attempt.ended_at,
            outcome: attempt.outcome,
            reason: attempt.reason,
          })),
      };
      byPost.set(row.post_id, [...(byPost.get(row.post_id) ?? []), delivery]);
    }
    return rows.map((row) => {
      const its = byPost.get(row.id) ?? [];
      return {
        id: row.id,
        text: row.text,
        overrides: readOverrides(row.overrides),
        contentWarning: row.content_warning,
        media: media
          .filter((image) => image.post_id === row.id)
          .map((image) => ({
            id: image.id,
            mimeType: readImageType(image.mime_type),
            altText: image.alt_text,
            size: Number(image.byte_size),
          })),
        whenKind: readWhen(row.when_kind),
        scheduledAt: row.scheduled_at,
        status: postStatus(its.map((delivery) => delivery.status)),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        deliveries: its,
      };
    });
  }

  /** The repository's queries on a transaction (or the database). */
  function on(trx: Kysely<Database>) {
    async function insertMedia(postId: string, images: NewPostImage[], from: number, at: string): Promise<void> {
      // One row at a time: an insert of several 8 MB images would be one statement of 32 MB.
      for (const [index, image] of images.entries()) {
        await trx
          .insertInto('post_media')
          .values({
            id: image.id,
            workspace_id: workspaceId,
            post_id: postId,
            position: from + index,
            mime_type: image.mimeType,
            alt_text: image.altText,
            byte_size: image.size,
            sha256: image.sha256,
            data: image.data,
            created_at: at,
          })
          .execute();
      }
    }

    return {
      queue: (lock = false) => queueOf(trx, lock),

      async saveQueue(patch: Partial<QueueSettings>, at: string): Promise<QueueSettings> {
        const current = await queueOf(trx, true);
        const next = { ...current, ...patch };
        await trx
          .updateTable('post_queues')
          .set({
            slots: JSON.stringify(next.slots),
            paused: next.paused ? 1 : 0,
            grace_minutes: next.graceMinutes,
            require_alt_text: next.requireAltText ? 1 : 0,
            updated_at: at,
          })
          .where('workspace_id', '=', workspaceId)
          .execute();
        return next;
      },

      /** The instants posts stand at from `fromIso` on (a slot there is taken). */
      async takenInstants(fromIso: string): Promise<number[]> {
        const rows = await trx
          .selectFrom('posts')
          .select('scheduled_at')
          .where('workspace_id', '=', workspaceId)
          .where('cancelled_at', 'is', null)
          .where('scheduled_at', '>', fromIso)
          .execute();
        return rows.map((row) => Date.parse(row.scheduled_at));
      },

      async insert(post: NewPost): Promise<void> {
        await trx
          .insertInto('posts')
          .values({
            id: post.id,
            workspace_id: workspaceId,
            text: post.text,
            overrides: JSON.stringify(post.overrides),
            content_warning: post.contentWarning,
            when_kind: post.whenKind,
            scheduled_at: post.scheduledAt,
            cancelled_at: null,
            created_at: post.at,
            updated_at: post.at,
          })
          .execute();
        await trx
          .insertInto('post_deliveries')
          .values(
            post.deliveries.map((delivery) => ({
              id: delivery.id,
              workspace_id: workspaceId,
              post_id: post.id,
              account_id: delivery.accountId,
              network: delivery.network,
              status: 'queued',
              scheduled_at: post.scheduledAt,
              version: 1,
              tries: 0,
              needs_reconcile: 0,
              updated_at: post.at,
            })),
          )
          .execute();
        await insertMedia(post.id, post.media, 0, post.at);
      },

      /**
       * Makes the post's images these, in this order: kept ones (by id, with their alt text) stay,
       * new ones are stored, the others are deleted.
       */
      async replaceMedia(
        postId: string,
        images: Array<{ keep: { id: string; altText: string } } | { add: NewPostImage }>,
        at: string,
      ): Promise<void> {
        const kept = images.flatMap((image) => ('keep' in image ? [image.keep.id] : []));
        await trx
          .deleteFrom('post_media')
          .where('workspace_id', '=', workspaceId)
          .where('post_id', '=', postId)
          .$if(kept.length > 0, (query) => query.where('id', 'not in', kept))
          .execute();
        for (const [position, image] of images.entries()) {
          if ('keep' in image) {
            await trx
              .updateTable('post_media')
              .set({ position, alt_text: image.keep.altText })
              .where('workspace_id', '=', workspaceId)
              .where('id', '=', image.keep.id)
              .execute();
          } else {
            await insertMedia(postId, [image.add], position, at);
          }
        }
      },

      /** The post's images with their bytes, in order: what every connector is given. */
      async mediaWithData(postId: string): Promise<StoredPostImage[]> {
        const rows = await trx
          .selectFrom('post_media')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('post_id', '=', postId)
          .orderBy('position')
          .execute();
        return rows.map((row) => ({
          id: row.id,
          mimeType: readImageType(row.mime_type),
          altText: row.alt_text,
          size: Number(row.byte_size),
          sha256: row.sha256,
          data: row.data,
        }));
      },

      /** One image's type and bytes, for a preview; undefined when the post has no such image. */
      async imageBytes(
        postId: string,
        mediaId: string,
      ): Promise<{ mimeType: PostImage['mimeType']; data: Uint8Array } | undefined> {
        const row = await trx
          .selectFrom('post_media')
          .select(['mime_type', 'data'])
          .where('workspace_id', '=', workspaceId)
          .where('post_id', '=', postId)
          .where('id', '=', mediaId)
          .executeTakeFirst();
        return row && { mimeType: readImageType(row.mime_type), data: row.data };
      },

      async get(id: string): Promise<Post | undefined> {
        const row = await trx
          .selectFrom('posts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row === undefined ? undefined : (await postsWithDeliveries(trx, [row]))[0];
      },

      /**
       * Posts newest time first, or those of a span in time order; with a status, the posts that
       * have a delivery in it (missed: the Missed list). Cancelled posts only when asked for.
       */
      async list(filter: {
        status?: DeliveryStatus;
        fromIso?: string;
        toIso?: string;
        limit: number;
      }): Promise<Post[]> {
        const span = filter.fromIso !== undefined || filter.toIso !== undefined;
        const rows = await trx
          .selectFrom('posts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .$if(filter.status !== 'cancelled', (query) => query.where('cancelled_at', 'is', null))
          .$if(filter.status !== undefined, (query) =>
            query.where((eb) =>
              eb.exists(
                eb
                  .selectFrom('post_deliveries')
                  .select('id')
                  .whereRef('post_deliveries.post_id', '=', 'posts.id')
                  .where('post_deliveries.status', '=', filter.status ?? 'queued'),
              ),
            ),
          )
          .$if(filter.fromIso !== undefined, (query) => query.where('scheduled_at', '>=', filter.fromIso ?? ''))
          .$if(filter.toIso !== undefined, (query) => query.where('scheduled_at', '<', filter.toIso ?? ''))
          .orderBy('scheduled_at', span ? 'asc' : 'desc')
          .orderBy('id')
          .limit(filter.limit)
          .execute();
        return postsWithDeliveries(trx, rows);
      },

      async updateContent(
        id: string,
        content: { text: string; overrides: PostOverrides; contentWarning: string | null },
        at: string,
      ): Promise<void> {
        await trx
          .updateTable('posts')
          .set({
            text: content.text,
            overrides: JSON.stringify(content.overrides),
            content_warning: content.contentWarning,
            updated_at: at,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      },

      /**
       * Puts every delivery of the post not yet posted (queued, missed, failed) back in the queue at
       * `scheduledAt`, a new version each, so a job made for the old time does nothing. Returns how
       * many moved; a delivery being sent is left as it is.
       */
      async reschedule(
        id: string,
        when: { whenKind: PostWhen['kind']; scheduledAt: string },
        at: string,
      ): Promise<number> {
        await trx
          .updateTable('posts')
          .set({ when_kind: when.whenKind, scheduled_at: when.scheduledAt, updated_at: at })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
        const result = await trx
          .updateTable('post_deliveries')
          .set((eb) => ({
            status: 'queued',
            scheduled_at: when.scheduledAt,
            version: eb('version', '+', 1),
            tries: 0,
            next_attempt_at: null,
            reason: null,
            fix: null,
            updated_at: at,
          }))
          .where('workspace_id', '=', workspaceId)
          .where('post_id', '=', id)
          .where('status', 'in', ['queued', 'missed', 'failed'])
          .executeTakeFirst();
        return Number(result.numUpdatedRows);
      },

      /** Raises the version of the post's deliveries still to send: their jobs, made before an edit, do nothing. */
      async bumpVersions(id: string, at: string): Promise<void> {
        await trx
          .updateTable('post_deliveries')
          .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
          .where('workspace_id', '=', workspaceId)
          .where('post_id', '=', id)
          .where('status', 'in', ['queued', 'missed', 'failed'])
          .execute();
      },

      /** Cancels what is still to send of the post; its images go with it (what was posted keeps its own copies). */
      async cancel(id: string, at: string): Promise<void> {
        await trx.deleteFrom('post_media').where('workspace_id', '=', workspaceId).where('post_id', '=', id).execute();
        await trx
          .updateTable('post_deliveries')
          .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1), updated_at: at }))
          .where('workspace_id', '=', workspaceId)
          .where('post_id', '=', id)
          .where('status', 'in', ['queued', 'missed', 'failed'])
          .execute();
        await trx
          .updateTable('posts')
          .set({ cancelled_at: at, updated_at: at })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      },

      /** The post's deliveries' statuses as committed now (read after the writes above, in their transaction). */
      async statuses(id: string): Promise<Array<Pick<Selectable<PostDeliveryTable>, 'id' | 'status' | 'network'>>> {
        return trx
          .selectFrom('post_deliveries')
          .select(['id', 'status', 'network'])
          .where('workspace_id', '=', workspaceId)
          .where('post_id', '=', id)
          .execute();
      },

      /** Queued deliveries past their grace that were never tried: missed, to post now or reschedule. */
      async markMissed(graceFromIso: string, at: string): Promise<number> {
        // Read first: the loop asks every few seconds, and a write would take SQLite's write lock each time.
        const any = await trx
          .selectFrom('post_deliveries')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('status', '=', 'queued')
          .where('tries', '=', 0)
          .where('scheduled_at', '<', graceFromIso)
          .limit(1)
          .executeTakeFirst();
        if (any === undefined) return 0;
        const result = await trx
          .updateTable('post_deliveries')
          .set((eb) => ({
            status: 'missed',
            version: eb('version', '+', 1),
            reason: 'Its time passed while Bigrock was not running.',
            fix: 'Send it now, or move it to another time or slot.',
            updated_at: at,
          }))
          .where('workspace_id', '=', workspaceId)
          .where('status', '=', 'queued')
          .where('tries', '=', 0)
          .where('scheduled_at', '<', graceFromIso)
          .executeTakeFirst();
        return Number(result.numUpdatedRows);
      },

      /** Deliveries a worker may take now: due and within grace, retries whose wait is over, lapsed sends. */
      async due(
        nowIso: string,
        graceFromIso: string,
        limit: number,
        { queued = true }: { queued?: boolean } = {},
      ): Promise<Array<{ id: string; version: number; tries: number }>> {
        return trx
          .selectFrom('post_deliveries')
          .select(['id', 'version', 'tries'])
          .where('workspace_id', '=', workspaceId)
          .where((eb) =>
            eb.or([
              ...(queued
                ? [
                    eb.and([
                      eb('status', '=', 'queued'),
                      eb('scheduled_at', '<=', nowIso),
                      eb.or([eb('tries', '>', 0), eb('scheduled_at', '>=', graceFromIso)]),
                      eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', nowIso)]),
                    ]),
                  ]
                : []),
              eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', nowIso)]),
            ]),
          )
          .orderBy('scheduled_at')
          .orderBy('id')
          .limit(limit)
          .execute();
      },

      /** When the next queued delivery is due (or its retry): for a scheduler to wake. */
      async nextDueAt(): Promise<string | null> {
        const row = await trx
          .selectFrom('post_deliveries')
          .select((eb) => eb.fn.min(eb.fn.coalesce('next_attempt_at', 'scheduled_at')).as('at'))
          .where('workspace_id', '=', workspaceId)
          .where('status', '=', 'queued')
          .executeTakeFirst();
        return (row?.at as string | null | undefined) ?? null;
      },
    };
  }

  return {
    ...on(db),

    /** Runs `work` in one transaction, with the repository's queries on it. */
    transaction<T>(work: (posts: ReturnType<typeof on>) => Promise<T>): Promise<T> {
      return inTransaction(db, (trx) => work(on(trx)));
    },

    /**
     * Takes a delivery for one try: the row is updated only if it is still due at this version
     * (not moved, edited, cancelled or paused meanwhile) or its sender's lease has lapsed; the
     * idempotency material (kept from the first try, or the one `newKey` makes for its network)
     * and the attempt are committed before any network call. On PostgreSQL that is one statement
     * (one round trip, where a transaction of reads and writes took nine); on SQLite, in process,
     * a short transaction. Null when there is nothing to do.
     */
    async claim(options: {
      deliveryId: string;
      version: number | null;
      nowIso: string;
      graceFromIso: string;
      leaseUntilIso: string;
      leaseToken: string;
      attemptId: string;
      newKey(network: string): string;
    }): Promise<ClaimedDelivery | null> {
      const { nowIso, deliveryId, attemptId } = options;
      // A key for each network, chosen by the row's own: the claim needs no read before its write.
      const keys = publishingNetworks.map((network) => [network, options.newKey(network)] as const);
      const hasMedia = (postId: Expression<string>) =>
        sql<number>`case when exists (select 1 from post_media as m where m.post_id = ${postId}) then 1 else 0 end`.as(
          'has_media',
        );
      const claimQuery = (trx: QueryCreator<Database>) =>
        trx
          .updateTable('post_deliveries')
          .set((eb) => ({
            // Taking over a send whose worker died: what it did is unknown, so read back first.
            needs_reconcile: eb.case().when('status', '=', 'sending').then(1).else(eb.ref('needs_reconcile')).end(),
            status: 'sending',
            lease_token: options.leaseToken,
            lease_until: options.leaseUntilIso,
            tries: eb('tries', '+', 1),
            // Never replaced once chosen: a key read before another worker's whole try is kept.
            idempotency_key: eb.fn.coalesce(
              'idempotency_key',
              sql<string>`case ${sql.ref('network')} ${sql.join(
                keys.map(([network, key]) => sql`when ${network} then ${key}`),
                sql` `,
              )} else ${options.newKey('')} end`,
            ),
            first_tried_at: eb.fn.coalesce('first_tried_at', eb.val(nowIso)),
            updated_at: nowIso,
          }))
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', deliveryId)
          .where((eb) =>
            eb.or([
              eb.and([
                eb('status', '=', 'queued'),
                ...(options.version === null ? [] : [eb('version', '=', options.version)]),
                eb('scheduled_at', '<=', nowIso),
                eb.or([eb('tries', '>', 0), eb('scheduled_at', '>=', options.graceFromIso)]),
                eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', nowIso)]),
                eb.not(
                  eb.exists(
                    eb
                      .selectFrom('post_queues')
                      .select('workspace_id')
                      .where('post_queues.workspace_id', '=', workspaceId)
                      .where('post_queues.paused', '=', 1),
                  ),
                ),
              ]),
              eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', nowIso)]),
            ]),
          );
      // The try of a worker that died never ended: its outcome is unknown.
      const endLost = {
        ended_at: nowIso,
        outcome: 'unknown',
        reason: 'The worker stopped before the answer was saved.',
      };
      const attemptColumns = [
        'id',
        'workspace_id',
        'delivery_id',
        'number',
        'idempotency_key',
        'started_at',
        'ended_at',
        'outcome',
        'reason',
      ] as const;
      // Named, not `*`: the PostgreSQL statement is prepared (a column added later leaves it valid).
      const claimedColumns = [
        'id',
        'post_id',
        'account_id',
        'network',
        'version',
        'idempotency_key',
        'first_tried_at',
        'tries',
        'needs_reconcile',
      ] as const;
      type Row = Pick<Selectable<PostDeliveryTable>, (typeof claimedColumns)[number]> & {
        text: string;
        overrides: string;
        content_warning: string | null;
        sealed_credentials: string | null;
        has_media: number;
      };
      let row: Row | undefined;
      if (dialect === 'postgres') {
        // Data-modifying WITH: the claim, the end of a lost try and the new attempt in one
        // statement, all or nothing, committed (and on disk) before it answers.
        row = await db
          .with('claimed', (qc) => claimQuery(qc).returning(claimedColumns))
          .with('lost', (qc) =>
            qc
              .updateTable('post_attempts')
              .set(endLost)
              .where('delivery_id', 'in', qc.selectFrom('claimed').select('id'))
              .where('ended_at', 'is', null),
          )
          .with('started', (qc) =>
            qc
              .insertInto('post_attempts')
              .columns(attemptColumns)
              .expression(
                qc.selectFrom('claimed as c').select((eb) => [
                  eb.val(attemptId).as('id'),
                  eb.val(workspaceId).as('workspace_id'),
                  'c.id as delivery_id',
                  eb
                    .selectFrom('post_attempts as a')
                    .select(sql<number>`coalesce(max(a.number), 0) + 1`.as('next'))
                    .whereRef('a.delivery_id', '=', 'c.id')
                    .as('number'),
                  'c.idempotency_key',
                  eb.val(nowIso).as('started_at'),
                  sql<null>`null`.as('ended_at'),
                  sql<null>`null`.as('outcome'),
                  sql<null>`null`.as('reason'),
                ]),
              ),
          )
          .selectFrom('claimed as d')
          .innerJoin('posts as p', 'p.id', 'd.post_id')
          .leftJoin('publishing_accounts as a', (join) =>
            join.onRef('a.id', '=', 'd.account_id').on('a.workspace_id', '=', workspaceId),
          )
          .select(claimedColumns.map((column) => `d.${column}` as const))
          .select(['p.text', 'p.overrides', 'p.content_warning', 'a.credentials as sealed_credentials'])
          .select((eb) => hasMedia(eb.ref('d.post_id')))
          .modifyEnd(PREPARED)
          .executeTakeFirst();
      } else {
        row = await inTransaction(db, async (trx) => {
          const claimed = await claimQuery(trx).returning('id').executeTakeFirst();
          if (claimed === undefined) return undefined;
          await trx
            .updateTable('post_attempts')
            .set(endLost)
            .where('delivery_id', '=', deliveryId)
            .where('ended_at', 'is', null)
            .execute();
          const read = await trx
            .selectFrom('post_deliveries as d')
            .innerJoin('posts as p', 'p.id', 'd.post_id')
            .leftJoin('publishing_accounts as a', (join) =>
              join.onRef('a.id', '=', 'd.account_id').on('a.workspace_id', '=', workspaceId),
            )
            .select(claimedColumns.map((column) => `d.${column}` as const))
            .select((eb) => [
              'p.text',
              'p.overrides',
              'p.content_warning',
              'a.credentials as sealed_credentials',
              hasMedia(eb.ref('d.post_id')),
              eb
                .selectFrom('post_attempts as t')
                .select((inner) => inner.fn.max('t.number').as('last'))
                .whereRef('t.delivery_id', '=', 'd.id')
                .as('last_attempt'),
            ])
            .where('d.id', '=', deliveryId)
            .executeTakeFirstOrThrow();
          const { last_attempt: last, ...claimedRow } = read;
          await trx
            .insertInto('post_attempts')
            .values({
              id: attemptId,
              workspace_id: workspaceId,
              delivery_id: deliveryId,
              number: Number(last ?? 0) + 1,
              idempotency_key: read.idempotency_key ?? '',
              started_at: nowIso,
              ended_at: null,
              outcome: null,
              reason: null,
            })
            .execute();
          return claimedRow;
        });
      }
      if (row === undefined) return null;
      return {
        id: row.id,
        postId: row.post_id,
        accountId: row.account_id,
        network: row.network,
        version: row.version,
        idempotencyKey: row.idempotency_key ?? '',
        firstTriedAt: row.first_tried_at ?? nowIso,
        tries: row.tries,
        needsReconcile: row.needs_reconcile === 1,
        leaseToken: options.leaseToken,
        attemptId,
        text: row.text,
        overrides: readOverrides(row.overrides),
        contentWarning: row.content_warning,
        sealedCredentials: row.sealed_credentials,
        hasMedia: Number(row.has_media) === 1,
      };
    },

    /**
     * Moves a send's lease on while its network call lasts, if this worker still holds it: a short
     * lease kept alive, so that a killed worker's send is taken over soon. False when it was lost.
     */
    async renewLease(claimed: ClaimedDelivery, leaseUntilIso: string): Promise<boolean> {
      const result = await db
        .updateTable('post_deliveries')
        .set({ lease_until: leaseUntilIso })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', claimed.id)
        .where('status', '=', 'sending')
        .where('lease_token', '=', claimed.leaseToken)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Writes a try's outcome, if this worker still holds the lease; false when another took over. */
    async finish(claimed: ClaimedDelivery, outcome: DeliveryOutcome, nowIso: string): Promise<boolean> {
      const finishQuery = (trx: QueryCreator<Database>) =>
        trx
          .updateTable('post_deliveries')
          .set({
            status: outcome.status,
            lease_token: null,
            lease_until: null,
            updated_at: nowIso,
            ...(outcome.status === 'posted'
              ? {
                  remote_id: outcome.remoteId,
                  remote_url: outcome.remoteUrl,
                  reason: null,
                  fix: null,
                  needs_reconcile: 0,
                }
              : outcome.status === 'queued'
                ? {
                    next_attempt_at: outcome.nextAttemptAt,
                    needs_reconcile: outcome.needsReconcile ? 1 : 0,
                    reason: outcome.reason,
                    fix: null,
                  }
                : { needs_reconcile: outcome.needsReconcile ? 1 : 0, reason: outcome.reason, fix: outcome.fix }),
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', claimed.id)
          .where('status', '=', 'sending')
          .where('lease_token', '=', claimed.leaseToken);
      const endAttempt = { ended_at: nowIso, outcome: outcome.outcome, reason: outcome.reason };
      if (dialect === 'postgres') {
        // One statement. PostgreSQL answers before the outcome reaches the disk (the claim, before
        // the network call, still waits for it; `set_config(…, true)` holds for this statement's
        // transaction). An outcome lost with the server itself leaves the delivery `sending` under
        // its saved key: taken over after its lease and reconciled, never sent under another key.
        const row = await db
          .with('kept', (qc) => finishQuery(qc).returning('id'))
          .with('ended', (qc) => qc.updateTable('post_attempts').set(endAttempt).where('id', '=', claimed.attemptId))
          .selectNoFrom((eb) => [
            eb
              .selectFrom('kept')
              .select((inner) => inner.fn.countAll<number>().as('n'))
              .as('kept'),
            sql<string>`set_config('synchronous_commit', 'off', true)`.as('commit'),
          ])
          .modifyEnd(PREPARED)
          .executeTakeFirstOrThrow();
        return Number(row.kept) === 1;
      }
      return inTransaction(db, async (trx) => {
        const result = await finishQuery(trx).executeTakeFirst();
        await trx.updateTable('post_attempts').set(endAttempt).where('id', '=', claimed.attemptId).execute();
        return Number(result.numUpdatedRows) === 1;
      });
    },
  };
}

export type PostRepository = ReturnType<typeof createPostRepository>;
