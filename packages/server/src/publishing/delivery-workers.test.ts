import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { openTestBigrock, TEST_POSTGRES_URL, type TestBigrock } from '../test-support/test-bigrock.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import type { DeliveryWorkers } from './delivery-workers.js';

// More than the SQLite loop's batch (20) and than the sweep once took at a time (100).
const POSTS = 130;
const POLL_MS = 120_000;

describe.each(dialects)('a backlog of due posts on %s', (dialect) => {
  let test: TestBigrock;
  let receiver: WebhookReceiver;
  let workers: DeliveryWorkers | undefined;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    test = await openTestBigrock(dialect);
  }, 60_000);
  afterAll(async () => {
    await workers?.stop();
    await test.cleanup();
    if (dialect === 'postgres') {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${test.schema}_jobs CASCADE`);
      await client.end();
    }
    await receiver.close();
  });

  it(`is delivered whole at once, not a batch per poll: ${POSTS} posts made elsewhere, the next poll in 2 minutes`, async () => {
    const { account } = await test.bigrock.publishingAccounts.add({ network: 'webhook', url: receiver.url });
    const at = new Date().toISOString();
    for (let index = 0; index < POSTS; index++)
      await test.bigrock.posts.create({ text: `Backlog ${index}`, accountIds: [account.id], when: { kind: 'at', at } });

    // Started after the posts were made: no job was made for them, as when another process made them.
    workers = await test.bigrock.startDeliveryWorkers({ workers: 2, pollMs: POLL_MS });
    const until = Date.now() + 40_000;
    const posted = async () =>
      (await test.bigrock.db.selectFrom('post_deliveries').select('id').where('status', '=', 'posted').execute())
        .length;
    while ((await posted()) < POSTS && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));

    expect(await posted()).toBe(POSTS);
    expect(new Set(receiver.received.map((message) => message.headers['webhook-id'])).size).toBe(POSTS);
    expect(receiver.received).toHaveLength(POSTS);
  }, 120_000);
});

describe('pg-boss workers started at once on a new database', () => {
  it('all start: the processes that make the queue together do not fail on a deadlock', async () => {
    const test = await openTestBigrock('postgres');
    const started: DeliveryWorkers[] = [];
    try {
      // Four worker processes' worth, each with a connection pool of its own, as `bigrock worker` × 4.
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => test.bigrock.startDeliveryWorkers({ workers: 1, pollMs: POLL_MS })),
      );
      for (const result of results) if (result.status === 'fulfilled') started.push(result.value);
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    } finally {
      await Promise.all(started.map((workers) => workers.stop()));
      await test.cleanup();
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${test.schema}_jobs CASCADE`);
      await client.end();
    }
  }, 120_000);
});
