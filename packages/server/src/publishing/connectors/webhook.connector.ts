import { createHash, createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

import type { Clock } from '../../clock.js';
import type { Connector, PublishAttempt } from './connector.js';
import { publishErrorForNetworkFailure, publishErrorForStatus, retryAfterMs } from './publish-error.js';

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The three Standard Webhooks headers of a message: its id, the time in whole seconds, and
 * `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` keyed with the secret's bytes after `whsec_`.
 */
export function signWebhook(secret: string, id: string, timestamp: Date, body: string): Record<string, string> {
  const seconds = Math.floor(timestamp.getTime() / 1000).toString();
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': `v1,${signature}` };
}

export interface WebhookConnectorOptions {
  url: string;
  secret: string;
  clock: Clock;
  timeoutMs?: number;
}

/** A receiver's answer: its status, its Retry-After, and the start of its body (the reason). */
interface Answer {
  status: number;
  statusText: string;
  retryAfter: string | null;
  body: string;
}

/**
 * Posts as a signed JSON message: `{ type: "post.published", timestamp, data: { text, … } }`.
 * Images go as what describes them (`media: [{ mimeType, altText, size, sha256 }]`), not their
 * bytes: a message of 40 MB would pass most receivers' limits, and the hash lets a receiver match
 * an image it fetches elsewhere.
 * The attempt's key is the `webhook-id`, the same on every try, so a receiver that keeps the ids
 * it has seen (as Standard Webhooks asks) takes each post once. Through node:http on a connection
 * kept open (the connector is reused while the account's credentials stay the same): a quarter of
 * the CPU of fetch a message, which counts when thousands are due at once.
 */
export function createWebhookConnector({ url, secret, clock, timeoutMs = 15_000 }: WebhookConnectorOptions): Connector {
  const target = new URL(url);
  const agent = new (target.protocol === 'https:' ? https.Agent : http.Agent)({ keepAlive: true });

  function post(body: string, headers: Record<string, string>, again = true): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const request = (target.protocol === 'https:' ? https : http).request(
        target,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
          signal: AbortSignal.timeout(timeoutMs),
        },
        (response) => {
          const chunks: Buffer[] = [];
          let length = 0;
          response.on('data', (chunk: Buffer) => {
            // The reason is the body's first 500 characters: the rest is not kept.
            if (length < 2000) chunks.push(chunk);
            length += chunk.length;
          });
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              statusText: response.statusMessage ?? '',
              retryAfter: [response.headers['retry-after']].flat()[0] ?? null,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        // A kept connection the receiver closed as it was reused: sent again at once on a new
        // one, under the same webhook-id (which the receiver keeps), as a reconcile would.
        if (again && request.reusedSocket && error.code === 'ECONNRESET') resolve(post(body, headers, false));
        else reject(error);
      });
      request.on('close', () => reject(new Error('The connection closed before the answer was read.')));
      request.end(body);
    });
  }

  async function publish(attempt: PublishAttempt) {
    const now = clock.now();
    const { text, contentWarning, language, media = [] } = attempt.content;
    const body = JSON.stringify({
      type: 'post.published',
      timestamp: now.toISOString(),
      data: {
        text,
        ...(contentWarning && { contentWarning }),
        ...(language && { language }),
        ...(media.length > 0 && {
          media: media.map((image) => ({
            mimeType: image.mimeType,
            altText: image.altText,
            size: image.data.byteLength,
            sha256: createHash('sha256').update(image.data).digest('hex'),
          })),
        }),
      },
    });
    let answer: Answer;
    try {
      answer = await post(body, signWebhook(secret, attempt.idempotencyKey, now, body));
    } catch (error) {
      throw publishErrorForNetworkFailure('The webhook', error);
    }
    if (answer.status >= 200 && answer.status < 300) {
      return { remoteId: attempt.idempotencyKey, remoteUrl: null };
    }
    throw publishErrorForStatus(
      'The webhook',
      answer.status,
      answer.body.slice(0, 500) || answer.statusText,
      retryAfterMs(answer.retryAfter, clock.now()),
    );
  }

  return {
    network: 'webhook',
    publish,
    async reconcile() {
      return { state: 'resend-same-key' };
    },
  };
}
