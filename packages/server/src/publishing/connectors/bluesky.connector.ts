import { findFacetSpans, type FacetSpan } from '@bigrock/core';
import { AtpAgent, type AtpSessionData } from '@atproto/api';

import type { Clock } from '../../clock.js';
import type { Connector, PublishAttempt, Published, Reconciled } from './connector.js';
export { newRecordKey } from './record-key.js';
import { PublishError, publishErrorForNetworkFailure, publishErrorForStatus, retryAfterMs } from './publish-error.js';

const POST = 'app.bsky.feed.post';

/** The AT URI of a post, and the page bsky.app shows it on. */
export function blueskyPostUrls(did: string, handle: string, rkey: string): Published {
  return { remoteId: `at://${did}/${POST}/${rkey}`, remoteUrl: `https://bsky.app/profile/${handle}/post/${rkey}` };
}

export interface BlueskyConnectorOptions {
  /** The account's PDS. */
  service: string;
  did: string;
  handle: string;
  appPassword: string;
  /** The session saved from before, if any: resumed, so a post does not sign in each time. */
  session: AtpSessionData | null;
  /** Called with each new or refreshed session, to be saved (sealed) for next time. */
  saveSession(session: AtpSessionData | null): Promise<void> | void;
  clock: Clock;
  fetch?: typeof fetch;
}

type Facet = {
  index: { byteStart: number; byteEnd: number };
  features: Array<Record<string, string>>;
};

/** An XRPC failure as a PublishError; anything without a status is a lost call. */
export function blueskyPublishError(error: unknown, now: Date): PublishError {
  if (error instanceof PublishError) return error;
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : NaN;
  if (Number.isInteger(status) && status >= 400) {
    const name = typeof error === 'object' && error !== null && 'error' in error ? String(error.error) : '';
    const message = error instanceof Error ? error.message : '';
    const headers =
      typeof error === 'object' && error !== null && 'headers' in error
        ? (error.headers as Record<string, string> | undefined)
        : undefined;
    return publishErrorForStatus(
      'Bluesky',
      status,
      [name, message].filter(Boolean).join(': ') || `HTTP ${status}`,
      retryAfterMs(headers?.['retry-after'], now),
      error,
    );
  }
  return publishErrorForNetworkFailure('Bluesky', error);
}

/**
 * Posts to Bluesky through `@atproto/api`, writing the post record at the record key the caller
 * chose (`com.atproto.repo.createRecord` with `rkey`): a second write at that key cannot make a
 * second post, and the reconcile reads back the record at that key.
 */
export function createBlueskyConnector(options: BlueskyConnectorOptions): Connector {
  const { service, did, handle, appPassword, clock } = options;
  const agent = new AtpAgent({
    service,
    ...(options.fetch && { fetch: options.fetch }),
    persistSession: (event, session) => {
      void Promise.resolve(options.saveSession(event === 'expired' ? null : (session ?? null))).catch(() => undefined);
    },
  });
  let ready: Promise<void> | null = null;

  /** A session: the saved one resumed (refreshed if its access token expired), else a new sign-in. */
  function signIn(): Promise<void> {
    ready ??= (async () => {
      if (options.session !== null) {
        try {
          await agent.resumeSession(options.session);
          return;
        } catch {
          // Refresh token expired or revoked: sign in again with the app password.
        }
      }
      await agent.login({ identifier: did, password: appPassword });
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  }

  async function facetsOf(text: string): Promise<Facet[]> {
    const facets: Facet[] = [];
    for (const span of findFacetSpans(text)) {
      const feature = await featureOf(span);
      if (feature !== null)
        facets.push({ index: { byteStart: span.byteStart, byteEnd: span.byteEnd }, features: [feature] });
    }
    return facets;
  }

  async function featureOf(span: FacetSpan): Promise<Record<string, string> | null> {
    if (span.kind === 'link') return { $type: 'app.bsky.richtext.facet#link', uri: span.uri };
    if (span.kind === 'tag') return { $type: 'app.bsky.richtext.facet#tag', tag: span.tag };
    // A handle that resolves to no one stays plain text, as in Bluesky's own app.
    const resolved = await agent.com.atproto.identity.resolveHandle({ handle: span.handle }).catch(() => null);
    return resolved === null ? null : { $type: 'app.bsky.richtext.facet#mention', did: resolved.data.did };
  }

  async function publish(attempt: PublishAttempt): Promise<Published> {
    const { text, media = [], language } = attempt.content;
    try {
      await signIn();
      const images = [];
      for (const item of media) {
        const { data } = await agent.uploadBlob(item.data, { encoding: item.mimeType });
        images.push({ image: data.blob, alt: item.altText });
      }
      const facets = await facetsOf(text);
      await agent.com.atproto.repo.createRecord({
        repo: did,
        collection: POST,
        rkey: attempt.idempotencyKey,
        validate: true,
        record: {
          $type: POST,
          text,
          createdAt: attempt.firstTriedAt.toISOString(),
          ...(facets.length > 0 && { facets }),
          ...(language && { langs: [language] }),
          ...(images.length > 0 && { embed: { $type: 'app.bsky.embed.images', images } }),
        },
      });
      return blueskyPostUrls(did, handle, attempt.idempotencyKey);
    } catch (error) {
      const failure = blueskyPublishError(error, clock.now());
      // A PDS answers a write at a key already taken with a 500: if the record is there, this
      // attempt (or an earlier try of it) made it, and the post is done.
      if (failure.status !== null && failure.status >= 500) {
        const found = await reconcile(attempt).catch(() => null);
        if (found?.state === 'posted') return { remoteId: found.remoteId, remoteUrl: found.remoteUrl };
      }
      throw failure;
    }
  }

  async function reconcile(attempt: PublishAttempt): Promise<Reconciled> {
    try {
      await signIn();
      const found = await agent.com.atproto.repo
        .getRecord({ repo: did, collection: POST, rkey: attempt.idempotencyKey })
        .catch((error: unknown) => {
          const name = typeof error === 'object' && error !== null && 'error' in error ? error.error : '';
          if (name === 'RecordNotFound' || (error instanceof Error && /not found/i.test(error.message))) return null;
          throw error;
        });
      return found === null
        ? { state: 'absent' }
        : { state: 'posted', ...blueskyPostUrls(did, handle, attempt.idempotencyKey) };
    } catch (error) {
      throw blueskyPublishError(error, clock.now());
    }
  }

  return { network: 'bluesky', publish, reconcile };
}
