import type { PublishingNetwork } from '@bigrock/core';

/** An image to post, with the text that describes it to those who cannot see it. */
export interface PostMedia {
  data: Uint8Array;
  mimeType: string;
  altText: string;
}

/** What a post says, as one network gets it (the per-network text already chosen). */
export interface PostContent {
  text: string;
  /** Mastodon's content warning (spoiler text); the other networks leave it out. */
  contentWarning?: string;
  media?: PostMedia[];
  /** BCP 47, such as "en". */
  language?: string;
}

/**
 * One attempt at a post, as the caller saved it before calling: the idempotency material is the
 * caller's, never made up inside the connector, so that a crash between the call and its answer
 * leaves on disk what the reconcile needs.
 */
export interface PublishAttempt {
  /**
   * Mastodon's `Idempotency-Key`, Bluesky's record key (a TID: `newRecordKey()`), the webhook's
   * `webhook-id`. The same key for every try of one post to one account.
   */
  idempotencyKey: string;
  /** When the first try of this key began: Mastodon keeps a key for an hour only. */
  firstTriedAt: Date;
  content: PostContent;
}

/** Where a post went. */
export interface Published {
  /** The status id, the record's AT URI, the webhook-id. */
  remoteId: string;
  /** The page a person opens; null for a webhook. */
  remoteUrl: string | null;
}

/**
 * What reading back an attempt of unknown outcome found: posted; not there (safe to try again
 * with the same key); or, for a webhook that cannot be read back, that sending again with the same
 * `webhook-id` is safe because the receiver keeps ids.
 */
export type Reconciled = ({ state: 'posted' } & Published) | { state: 'absent' } | { state: 'resend-same-key' };

/**
 * A network Bigrock posts to. `publish` throws a `PublishError` that says whether to retry,
 * stop, or reconcile first; `reconcile` never posts anything new of its own accord, except Mastodon
 * within its key's hour, where posting again with the same key is the documented way to read back.
 */
export interface Connector {
  readonly network: PublishingNetwork;
  publish(attempt: PublishAttempt): Promise<Published>;
  reconcile(attempt: PublishAttempt): Promise<Reconciled>;
}
