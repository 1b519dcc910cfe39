import type { MastodonInstanceLimits } from '@bigrock/core';
import { createRestAPIClient, MastoHttpError, MastoTimeoutError, type mastodon } from 'masto';

import type { Clock } from '../../clock.js';
import type { Connector, PublishAttempt, Published, Reconciled } from './connector.js';
import { PublishError, publishErrorForNetworkFailure, publishErrorForStatus, retryAfterMs } from './publish-error.js';

/** Mastodon keeps an Idempotency-Key for an hour; a little less leaves room for clocks that differ. */
export const MASTODON_KEY_WINDOW_MS = 55 * 60_000;

export interface MastodonConnectorOptions {
  instance: string;
  token: string;
  clock: Clock;
  timeoutMs?: number;
  /** How long to wait for the instance to process an upload. */
  mediaTimeoutMs?: number;
}

/** A failure of the masto client as a PublishError: its status, the instance's reason, Retry-After. */
export function mastodonPublishError(error: unknown, now: Date): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof MastoHttpError) {
    const response = error.cause instanceof Response ? error.cause : undefined;
    const reason = [error.message, error.description].filter(Boolean).join(': ') || `HTTP ${error.statusCode}`;
    return publishErrorForStatus(
      'Mastodon',
      error.statusCode,
      reason,
      retryAfterMs(response?.headers.get('retry-after'), now),
      error,
    );
  }
  if (error instanceof MastoTimeoutError) return publishErrorForNetworkFailure('Mastodon', error);
  return publishErrorForNetworkFailure('Mastodon', error);
}

/** What Bigrock reads of an instance and an account when the account is added. */
export async function verifyMastodonAccount({
  instance,
  token,
  timeoutMs = 15_000,
}: Pick<MastodonConnectorOptions, 'instance' | 'token' | 'timeoutMs'>): Promise<{
  accountId: string;
  name: string;
  limits: MastodonInstanceLimits;
}> {
  const client = createRestAPIClient({ url: instance, accessToken: token, timeout: timeoutMs });
  const [server, account] = await Promise.all([client.v2.instance.fetch(), client.v1.accounts.verifyCredentials()]);
  const { statuses, mediaAttachments } = server.configuration;
  return {
    accountId: account.id,
    name: `@${account.username}@${server.domain}`,
    limits: {
      maxCharacters: statuses.maxCharacters,
      charactersReservedPerUrl: statuses.charactersReservedPerUrl,
      maxMediaAttachments: statuses.maxMediaAttachments ?? null,
      imageSizeLimit: mediaAttachments.imageSizeLimit ?? null,
      supportedMimeTypes: mediaAttachments.supportedMimeTypes ?? [],
    },
  };
}

const published = (status: mastodon.v1.Status): Published => ({
  remoteId: status.id,
  remoteUrl: status.url ?? status.uri,
});

/** A status's HTML as the text it was written from, near enough to recognise it. */
function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Posts statuses through the masto client. Each status carries the attempt's Idempotency-Key, so
 * the instance answers a repeat within the hour with the status it already made; media are
 * uploaded first, with their alt text, and waited for until the instance has processed them.
 */
export function createMastodonConnector({
  instance,
  token,
  clock,
  timeoutMs = 30_000,
  mediaTimeoutMs = 60_000,
}: MastodonConnectorOptions): Connector {
  const client = createRestAPIClient({
    url: instance,
    accessToken: token,
    timeout: timeoutMs,
    mediaTimeout: mediaTimeoutMs,
  });

  async function publish(attempt: PublishAttempt): Promise<Published> {
    const { text, contentWarning, media = [], language } = attempt.content;
    try {
      const mediaIds: string[] = [];
      for (const item of media) {
        // masto polls GET /api/v1/media/:id until the attachment has its URL (202, then 200).
        const uploaded = await client.v2.media.create({
          file: new Blob([item.data], { type: item.mimeType }),
          description: item.altText,
        });
        mediaIds.push(uploaded.id);
      }
      const status = await client.v1.statuses.create(
        {
          status: text,
          ...(contentWarning ? { spoilerText: contentWarning, sensitive: true } : {}),
          ...(mediaIds.length > 0 && { mediaIds }),
          ...(language && { language }),
          visibility: 'public',
        },
        { requestInit: { headers: { 'Idempotency-Key': attempt.idempotencyKey } } },
      );
      return published(status);
    } catch (error) {
      throw mastodonPublishError(error, clock.now());
    }
  }

  async function reconcile(attempt: PublishAttempt): Promise<Reconciled> {
    // Within the key's hour, the same request is the read-back: the instance answers it with the
    // status the lost attempt made, or makes it now, once.
    if (clock.now().getTime() - attempt.firstTriedAt.getTime() < MASTODON_KEY_WINDOW_MS) {
      return { state: 'posted', ...(await publish(attempt)) };
    }
    // After it, the account's own recent statuses tell.
    try {
      const me = await client.v1.accounts.verifyCredentials();
      const recent = await client.v1.accounts.$select(me.id).statuses.list({ limit: 40 });
      const wanted = attempt.content.text.replace(/\s+/g, ' ').trim();
      const match = recent.find(
        (status) =>
          Date.parse(status.createdAt) >= attempt.firstTriedAt.getTime() - 60_000 &&
          plainText(status.content) === wanted,
      );
      return match === undefined ? { state: 'absent' } : { state: 'posted', ...published(match) };
    } catch (error) {
      throw mastodonPublishError(error, clock.now());
    }
  }

  return { network: 'mastodon', publish, reconcile };
}
