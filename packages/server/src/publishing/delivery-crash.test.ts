import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { openTestBigrock, TEST_POSTGRES_URL, type TestBigrock } from '../test-support/test-bigrock.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';

// The worker runs from the build (npm test builds first), as `bigrock worker` does.
const CHILD = fileURLToPath(new URL('../../dist/test-support/delivery-worker-child.js', import.meta.url));
const POSTS = 30;

function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the worker exited with ${code} before it was ready`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(dialects)('exactly once when a worker is killed mid-run, on %s', (dialect) => {
  let test: TestBigrock;
  let receiver: WebhookReceiver;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // Each answer comes 150 ms after the message is kept: a kill lands between the two.
    receiver = await startWebhookReceiver({ delayMs: 150 });
    test = await openTestBigrock(dialect);
  }, 60_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await test.cleanup();
    if (dialect === 'postgres') {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${test.schema}_jobs CASCADE`);
      await client.end();
    }
    await receiver.close();
  });

  it(`delivers each of ${POSTS} posts to the webhook once by webhook-id`, async () => {
    const env: NodeJS.ProcessEnv =
      dialect === 'postgres'
        ? {
            DATABASE_URL: TEST_POSTGRES_URL,
            BIGROCK_TEST_SCHEMA: test.schema,
            BIGROCK_SECRET_KEY: test.config.secretKey?.toString('base64') ?? '',
            BIGROCK_DATA: test.config.dataDir,
          }
        : { BIGROCK_DATA: test.config.dataDir, DATABASE_URL: '' };
    const { account } = await test.bigrock.publishingAccounts.add({ network: 'webhook', url: receiver.url });
    const texts = Array.from({ length: POSTS }, (_, index) => `Post ${index}`);
    for (const text of texts)
      await test.bigrock.posts.create({ text, accountIds: [account.id], when: { kind: 'now' } });

    // Several workers on PostgreSQL (two processes of two), the app's loop on SQLite.
    const first = await startWorker(env);
    children.push(first);
    if (dialect === 'postgres') children.push(await startWorker(env));
    await waitFor(() => receiver.received.length >= 4, 30_000, 'the first posts');
    first.kill('SIGKILL');
    await exited(first);
    const atKill = receiver.received.length;
    expect(atKill).toBeLessThan(POSTS);
    // Started again (on PostgreSQL the other process goes on meanwhile).
    children.push(await startWorker(env));

    const posted = async () =>
      (await test.bigrock.db.selectFrom('post_deliveries').select('status').where('status', '=', 'posted').execute())
        .length === POSTS;
    await waitFor(posted, 60_000, 'every post to be posted').catch(async (error: unknown) => {
      const rows = await test.bigrock.db
        .selectFrom('post_deliveries')
        .select(['status', 'tries', 'lease_until', 'next_attempt_at', 'reason'])
        .execute();
      console.log(JSON.stringify(rows.filter((row) => row.status !== 'posted')), receiver.received.length);
      throw error;
    });

    const idsByText = new Map<string, Set<string>>();
    for (const message of receiver.received) {
      const { data } = JSON.parse(message.body) as { data: { text: string } };
      const ids = idsByText.get(data.text) ?? new Set<string>();
      ids.add(message.headers['webhook-id'] ?? '');
      idsByText.set(data.text, ids);
    }
    // Every post arrived, each under one webhook-id only: a receiver that keeps ids takes it once.
    expect([...idsByText.keys()].sort()).toEqual([...texts].sort());
    for (const [text, ids] of idsByText) expect(ids.size, text).toBe(1);
    const keys = await test.bigrock.db.selectFrom('post_deliveries').select('idempotency_key').execute();
    expect(new Set(keys.map((row) => row.idempotency_key))).toEqual(
      new Set(receiver.received.map((message) => message.headers['webhook-id'])),
    );

    for (const child of children.slice(1)) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
  }, 120_000);
});
