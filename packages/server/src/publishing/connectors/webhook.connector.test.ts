import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { shiftedClock } from '../../test-support/test-bigrock.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../test-support/webhook-receiver.js';
import { createWebhookConnector, newWebhookSecret, signWebhook } from './webhook.connector.js';

describe('the webhook connector, to a local receiver', () => {
  const clock = shiftedClock();
  let receiver: WebhookReceiver;
  const secret = newWebhookSecret();
  const connector = () => createWebhookConnector({ url: receiver.url, secret, clock });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('makes secrets of 32 bytes after whsec_', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs each message as Standard Webhooks says, checked by the standardwebhooks package', async () => {
    const published = await connector().publish({
      idempotencyKey: 'msg_2fJk3',
      firstTriedAt: clock.now(),
      content: { text: 'Hello 👋🏽 שלום', contentWarning: 'none' },
    });
    expect(published).toEqual({ remoteId: 'msg_2fJk3', remoteUrl: null });
    const message = receiver.received.at(-1);
    expect(message?.headers['webhook-id']).toBe('msg_2fJk3');
    const payload = new Webhook(secret).verify(message?.body ?? '', message?.headers ?? {});
    expect(payload).toMatchObject({ type: 'post.published', data: { text: 'Hello 👋🏽 שלום', contentWarning: 'none' } });
  });

  it('fails verification with another secret or a changed body', () => {
    const message = receiver.received.at(-1);
    expect(() => new Webhook(newWebhookSecret()).verify(message?.body ?? '', message?.headers ?? {})).toThrow();
    expect(() => new Webhook(secret).verify(`${message?.body ?? ''} `, message?.headers ?? {})).toThrow();
  });

  it('signs the same bytes as the standardwebhooks package', () => {
    const at = new Date('2026-12-02T10:00:00Z');
    expect(signWebhook(secret, 'msg_1', at, '{"a":1}')['webhook-signature']).toBe(
      new Webhook(secret).sign('msg_1', at, '{"a":1}'),
    );
  });

  it('keeps the webhook-id on a retry, so the receiver takes the post once', async () => {
    const attempt = { idempotencyKey: 'msg_retry', firstTriedAt: clock.now(), content: { text: 'again' } };
    receiver.answerNext(503, { 'retry-after': '7' });
    await expect(connector().publish(attempt)).rejects.toMatchObject({
      kind: 'transient',
      status: 503,
      retryAfterMs: 7000,
      outcomeUnknown: true,
    });
    expect(await connector().reconcile(attempt)).toEqual({ state: 'resend-same-key' });
    await connector().publish(attempt);
    const ids = receiver.received.filter((message) => message.headers['webhook-id'] === 'msg_retry');
    expect(ids).toHaveLength(2);
    expect(new Set(ids.map((message) => message.headers['webhook-id'])).size).toBe(1);
  });

  it('stops on a 4xx with the receiver’s reason, and retries a 429 after its Retry-After', async () => {
    receiver.answerNext(410);
    await expect(
      connector().publish({ idempotencyKey: 'msg_gone', firstTriedAt: clock.now(), content: { text: 'x' } }),
    ).rejects.toMatchObject({
      kind: 'permanent',
      status: 410,
      reason: 'refused by the test receiver',
    });
    receiver.answerNext(429, { 'retry-after': '2' });
    await expect(
      connector().publish({ idempotencyKey: 'msg_slow', firstTriedAt: clock.now(), content: { text: 'x' } }),
    ).rejects.toMatchObject({
      kind: 'transient',
      retryAfterMs: 2000,
      outcomeUnknown: false,
    });
  });

  it('takes a receiver that is not there as transient, outcome unknown', async () => {
    const nowhere = createWebhookConnector({ url: 'http://127.0.0.1:9/hook', secret, clock, timeoutMs: 2000 });
    await expect(
      nowhere.publish({ idempotencyKey: 'msg_x', firstTriedAt: clock.now(), content: { text: 'x' } }),
    ).rejects.toMatchObject({
      kind: 'transient',
      outcomeUnknown: true,
    });
  });
});
