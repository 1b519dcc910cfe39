import { randomUUID } from 'node:crypto';

import { AppError, postTextFor, publishingNetworks } from '@bigrock/core';

import type { Clock } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { AccountService } from './account.service.js';
import type { Connector, PublishAttempt, Published } from './connectors/connector.js';
import { PublishError } from './connectors/publish-error.js';
import { newRecordKey } from './connectors/record-key.js';
import type { ClaimedDelivery, DeliveryOutcome, PostRepository, QueueSettings } from './post.repository.js';

/** Tries of one delivery before it is marked failed (transient failures only; a permanent one stops at once). */
export const MAX_TRIES = 5;

/** The waits between tries: 30 s, 2 min, 10 min, 30 min; a Retry-After that asks for longer wins. */
const BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000];

export interface DeliveryServiceDeps {
  posts: PostRepository;
  accounts: Pick<AccountService, 'connector'>;
  clock: Clock;
  /**
   * How long a sender holds a delivery unless it renews the lease: a later worker that finds it
   * still `sending` after that takes it over and reconciles. The sender renews it every quarter of
   * it while its network call lasts, so a call may last longer; a killed worker's send waits this
   * long only.
   */
  leaseMs?: number;
}

/**
 * The shipped lease: 20 s, renewed every 5 s. A sender stalled for 15 s (or a worker whose clock
 * is that far ahead) may see its send taken over; the taker reads back first, so that is safe.
 */
export const DEFAULT_LEASE_MS = 20_000;

/** What a delivery's try came to. */
export type DeliveryResult =
  | { state: 'skipped' }
  | { state: 'posted'; remoteUrl: string | null }
  | { state: 'retry'; deliveryId: string; version: number; tries: number; at: Date }
  | { state: 'failed'; reason: string };

/** The idempotency material a network takes: Mastodon's Idempotency-Key, Bluesky's record key, the webhook-id. */
function newKey(network: string, now: Date): string {
  if (network === 'bluesky') return newRecordKey(now);
  if (network === 'webhook') return `msg_${newId()}${newId()}`;
  return randomUUID();
}

/** What to do about a permanent refusal, in words the user acts on. */
function fixFor(error: PublishError): string {
  if (error.status === 401 || error.status === 403)
    return 'Add the account again with a new token or app password, then send the post now.';
  return 'Change the post as the network asks, then send it now or move it.';
}

/**
 * Delivers posts, one try of one delivery at a time, so that none is ever posted twice: the try is
 * claimed (and its idempotency material committed) before the network call; an outcome that is
 * not known is read back with the connector's `reconcile` before anything is sent again;
 * transient failures wait and try again a bounded number of times, permanent ones stop and say
 * why. Any number of workers, in any number of processes, may call it at once.
 */
export function createDeliveryService({ posts, accounts, clock, leaseMs = DEFAULT_LEASE_MS }: DeliveryServiceDeps) {
  async function attemptOf(claimed: ClaimedDelivery): Promise<{ connector: Connector; attempt: PublishAttempt }> {
    const connector = await accounts.connector(claimed.accountId, claimed.sealedCredentials);
    const network = publishingNetworks.find((known) => known === claimed.network) ?? 'webhook';
    // Read after the claim, and only when it says the post has any (most have none: no round trip
    // then). A post being sent cannot be edited, so these are the images it was
    // claimed with. On a retry Mastodon gets them uploaded again, which is harmless: the media
    // nobody attaches are dropped by the instance, and the status's Idempotency-Key alone decides
    // whether a second status is made. Bluesky's record key does the same for its blobs.
    const media = claimed.hasMedia ? await posts.mediaWithData(claimed.postId) : [];
    return {
      connector,
      attempt: {
        idempotencyKey: claimed.idempotencyKey,
        firstTriedAt: new Date(claimed.firstTriedAt),
        content: {
          text: postTextFor(network, claimed.text, claimed.overrides),
          ...(claimed.contentWarning !== null && { contentWarning: claimed.contentWarning }),
          ...(media.length > 0 && {
            media: media.map((image) => ({ data: image.data, mimeType: image.mimeType, altText: image.altText })),
          }),
        },
      },
    };
  }

  /**
   * `send`, with the lease moved on every quarter of it while the call lasts. A renewal that
   * fails leaves the lease to lapse: another worker then takes over and reconciles.
   */
  async function sendHoldingLease(claimed: ClaimedDelivery): Promise<{ published: Published; outcome: string }> {
    let holding = true;
    const renew = setInterval(
      () => {
        if (!holding) return;
        posts
          .renewLease(claimed, new Date(clock.now().getTime() + leaseMs).toISOString())
          .then((held) => {
            holding &&= held;
          })
          .catch(() => undefined);
      },
      Math.max(1, Math.floor(leaseMs / 4)),
    );
    try {
      return await send(claimed);
    } finally {
      holding = false;
      clearInterval(renew);
    }
  }

  async function send(claimed: ClaimedDelivery): Promise<{ published: Published; outcome: string }> {
    const { connector, attempt } = await attemptOf(claimed);
    if (claimed.needsReconcile) {
      const found = await connector.reconcile(attempt);
      if (found.state === 'posted')
        return { published: { remoteId: found.remoteId, remoteUrl: found.remoteUrl }, outcome: 'reconciled-posted' };
      // Not there (or a webhook, whose receiver keeps ids): sent again with the same key.
      return { published: await connector.publish(attempt), outcome: `reconciled-${found.state}, posted` };
    }
    return { published: await connector.publish(attempt), outcome: 'posted' };
  }

  function outcomeOfError(claimed: ClaimedDelivery, error: unknown, now: Date): DeliveryOutcome {
    if (error instanceof AppError) {
      // The account is gone or lost its credentials: no try can help until it is added again.
      return {
        status: 'failed',
        needsReconcile: claimed.needsReconcile,
        outcome: 'permanent',
        reason: error.message,
        fix: 'Add the account again, then send the post now.',
      };
    }
    const failure =
      error instanceof PublishError
        ? error
        : new PublishError(`The connector failed: ${error instanceof Error ? error.message : String(error)}`, {
            kind: 'transient',
            outcomeUnknown: true,
            cause: error,
          });
    // Unknown stays unknown until a read-back says otherwise.
    const needsReconcile = failure.outcomeUnknown || (claimed.needsReconcile && failure.kind === 'transient');
    const outcome = failure.outcomeUnknown ? 'unknown' : failure.kind;
    if (failure.kind === 'permanent') {
      return { status: 'failed', needsReconcile: false, outcome, reason: failure.message, fix: fixFor(failure) };
    }
    if (claimed.tries >= MAX_TRIES) {
      return {
        status: 'failed',
        needsReconcile,
        outcome,
        reason: `${failure.message} (${claimed.tries} tries)`,
        fix: 'Send it now to try again, or move it to later.',
      };
    }
    const wait = Math.max(
      BACKOFF_MS[Math.min(claimed.tries - 1, BACKOFF_MS.length - 1)] ?? 0,
      failure.retryAfterMs ?? 0,
    );
    return {
      status: 'queued',
      nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
      needsReconcile,
      outcome,
      reason: failure.message,
    };
  }

  /** Marks as missed what waited past its grace; nothing while the queue is paused. */
  async function markMissed(queue?: QueueSettings): Promise<number> {
    const now = clock.now();
    const { paused, graceMinutes } = queue ?? (await posts.queue());
    if (paused) return 0;
    return posts.markMissed(new Date(now.getTime() - graceMinutes * 60_000).toISOString(), now.toISOString());
  }

  /** The deliveries a worker may take now, after marking the missed ones, and the settings read for them. */
  async function dueNow(limit: number) {
    const queue = await posts.queue();
    await markMissed(queue);
    const now = clock.now();
    // Paused: nothing new is sent, but a send that a dead worker left is still finished.
    const due = await posts.due(
      now.toISOString(),
      new Date(now.getTime() - queue.graceMinutes * 60_000).toISOString(),
      limit,
      { queued: !queue.paused },
    );
    return { queue, due };
  }

  return {
    /** The queue's settings, read once for a batch of tries (`deliver`'s third argument). */
    queueSettings: () => posts.queue(),

    /**
     * One try of a delivery, if it is still due at `version` (null: whatever its version, for a
     * worker that just read it) and not paused, or its sender's lease has lapsed. `queue`, the
     * settings read for a batch of tries, gives the grace (the pause is checked by the claim
     * itself); read here when left out.
     */
    async deliver(deliveryId: string, version: number | null, queue?: QueueSettings): Promise<DeliveryResult> {
      const now = clock.now();
      const { graceMinutes } = queue ?? (await posts.queue());
      const claimed = await posts.claim({
        deliveryId,
        version,
        nowIso: now.toISOString(),
        graceFromIso: new Date(now.getTime() - graceMinutes * 60_000).toISOString(),
        leaseUntilIso: new Date(now.getTime() + leaseMs).toISOString(),
        leaseToken: randomUUID(),
        attemptId: newId(),
        newKey: (network) => newKey(network, now),
      });
      if (claimed === null) return { state: 'skipped' };
      let outcome: DeliveryOutcome;
      try {
        const { published, outcome: how } = await sendHoldingLease(claimed);
        outcome = {
          status: 'posted',
          remoteId: published.remoteId,
          remoteUrl: published.remoteUrl,
          outcome: how,
          reason: null,
        };
      } catch (error) {
        outcome = outcomeOfError(claimed, error, clock.now());
      }
      const kept = await posts.finish(claimed, outcome, clock.now().toISOString());
      if (!kept) return { state: 'skipped' };
      if (outcome.status === 'posted') return { state: 'posted', remoteUrl: outcome.remoteUrl };
      if (outcome.status === 'queued')
        return {
          state: 'retry',
          deliveryId: claimed.id,
          version: claimed.version,
          tries: claimed.tries,
          at: new Date(outcome.nextAttemptAt),
        };
      return { state: 'failed', reason: outcome.reason };
    },

    markMissed: () => markMissed(),

    /** The deliveries a worker may take now, at most `limit`, after marking the missed ones. */
    async due(limit: number): Promise<Array<{ id: string; version: number; tries: number }>> {
      return (await dueNow(limit)).due;
    },

    /** Takes and delivers what is due now, one after another; how many were tried. */
    async runDue(limit = 20): Promise<number> {
      let tried = 0;
      const { queue, due } = await dueNow(limit);
      for (const { id, version } of due) {
        const result = await this.deliver(id, version, queue);
        if (result.state !== 'skipped') tried += 1;
      }
      return tried;
    },
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;
