import type { WebhookTry } from '@bigrock/core';

import type { Clock } from '../clock.js';
import { signWebhook } from '../publishing/connectors/webhook.connector.js';
import {
  publishErrorForNetworkFailure,
  publishErrorForStatus,
  retryAfterMs,
} from '../publishing/connectors/publish-error.js';

/** Tries of one message, and the waits between them (a Retry-After longer than the wait is taken, up to a minute). */
export const WEBHOOK_TRIES = 3;
export const WEBHOOK_BACKOFF_MS = [2_000, 10_000] as const;
const MAX_WAIT_MS = 60_000;

export interface RuleWebhookOptions {
  url: string;
  secret: string;
  /** The same on every try, so a receiver that keeps ids takes the message once. */
  webhookId: string;
  /** The message: `{ type, timestamp, data }`. */
  body: string;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Sends a signed message (Standard Webhooks) and tries again, with backoff, while the failure is
 * transient (a 5xx, a 429, no answer), at most `WEBHOOK_TRIES` times; every try is signed afresh
 * with its own timestamp and the same webhook-id. Resolves to every try, the last one telling.
 */
export async function sendRuleWebhook({
  url,
  secret,
  webhookId,
  body,
  clock,
  sleep,
  fetch: send = fetch,
  timeoutMs = 15_000,
}: RuleWebhookOptions): Promise<WebhookTry[]> {
  const tries: WebhookTry[] = [];
  for (let attempt = 0; attempt < WEBHOOK_TRIES; attempt += 1) {
    const now = clock.now();
    let failure: ReturnType<typeof publishErrorForStatus>;
    try {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signWebhook(secret, webhookId, now, body) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const reason = (await response.text().catch(() => '')).slice(0, 300) || response.statusText;
      if (response.status >= 200 && response.status < 300) {
        tries.push({ at: now.toISOString(), webhookId, status: response.status, ok: true, error: null });
        return tries;
      }
      failure = publishErrorForStatus(
        'The webhook',
        response.status,
        reason,
        retryAfterMs(response.headers.get('retry-after'), now),
      );
      tries.push({ at: now.toISOString(), webhookId, status: response.status, ok: false, error: failure.message });
    } catch (error) {
      failure = publishErrorForNetworkFailure('The webhook', error);
      tries.push({ at: now.toISOString(), webhookId, status: null, ok: false, error: failure.message });
    }
    if (failure.kind === 'permanent' || attempt === WEBHOOK_TRIES - 1) return tries;
    const backoff = WEBHOOK_BACKOFF_MS[attempt] ?? 10_000;
    await sleep(Math.min(MAX_WAIT_MS, Math.max(backoff, failure.retryAfterMs ?? 0)));
  }
  return tries;
}
