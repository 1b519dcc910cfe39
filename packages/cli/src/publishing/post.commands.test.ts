import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { dialects } from '@bigrock/server';
import { startWebhookReceiver, TEST_POSTGRES_URL, type WebhookReceiver } from '@bigrock/server/test-support';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bin, cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';
import { parseSlots } from './post.commands.js';

const workbench = cliWorkbench('posts', 'Europe/Paris');
let receiver: WebhookReceiver;

beforeAll(async () => {
  await workbench.setUp();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  // bigrock worker kept its jobs beside the workbench's schema: <schema>_jobs.
  const schema = /search_path=(\w+)/.exec(decodeURIComponent(workbench.env.postgres.DATABASE_URL ?? ''))?.[1];
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
  await client.end();
  await workbench.tearDown();
});

describe('slots as typed', () => {
  it('read days, ranges of days and several times', () => {
    expect(parseSlots(['mon-wed@09:00,13:00', 'sat@10:30'])).toHaveLength(7);
    expect(() => parseSlots(['monday 9'])).toThrow(/mon@09:00/);
  });
});

describe.each(dialects)('bigrock post, queue and worker on %s', (dialect) => {
  const env = { ...workbench.env[dialect], BIGROCK_SECRET_KEY: 'Nm8bU3mQ7KDN9tqV9Ij+3Jbz4m4c1EzpsVqUkxjNmYs=' };
  const run = cliRunner(env);
  const json = <T>(result: { stdout: string }) => JSON.parse(result.stdout) as T;

  it(
    'composes, lists, moves and deletes posts, sets slots, and delivers with bigrock worker',
    { timeout: 120_000 },
    async () => {
      expect((await run('account', 'add', 'webhook', '--url', receiver.url)).code).toBe(0);
      expect((await run('queue', 'slots', 'set', 'mon-fri@09:00,13:00', 'sat@10:00', '--grace', '30')).code).toBe(0);
      const slots = json<{ slots: unknown[]; graceMinutes: number; timeZone: string }>(
        await run('queue', 'slots', '--json'),
      );
      expect(slots).toMatchObject({ graceMinutes: 30, timeZone: 'Europe/Paris' });
      expect(slots.slots).toHaveLength(11);

      const queued = json<{ id: string; whenKind: string }>(
        await run('post', `Queued from the CLI ${dialect}`, '--json'),
      );
      expect(queued.whenKind).toBe('queue');
      const moved = json<{ scheduledAt: string }>(
        await run('post', 'move', queued.id, '--at', '2099-01-05 09:00', '--json'),
      );
      expect(moved.scheduledAt).toBe('2099-01-05T08:00:00.000Z');
      const tooMany = await run('post', 'x', '--at', '2099-01-05 09:00', '--now');
      expect(tooMany.code).toBe(2);
      expect(tooMany.stderr).toContain('Give one of --at, --queue and --now');

      const now = json<{ id: string }>(
        await run('post', `Now from the CLI ${dialect}`, '--now', '--only', 'webhook', '--json'),
      );
      const listed = await run('post', 'list');
      expect(listed.stdout).toContain(`Now from the CLI ${dialect}`);

      const worker = spawn(process.execPath, [bin, 'worker', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      worker.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const until = Date.now() + 30_000;
      while (!receiver.received.some((message) => message.body.includes(`Now from the CLI ${dialect}`))) {
        if (Date.now() > until) throw new Error(`nothing delivered; the worker said ${out}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      worker.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => worker.once('exit', resolve));
      expect(code).toBe(0);
      expect(out).toContain('"state":"stopped"');

      const shown = json<{ status: string; deliveries: Array<{ status: string; attempts: unknown[] }> }>(
        await run('post', 'show', now.id, '--json'),
      );
      expect(shown).toMatchObject({
        status: 'posted',
        deliveries: [{ status: 'posted', attempts: [expect.anything()] }],
      });
      expect(
        receiver.received.filter((message) => message.body.includes(`Queued from the CLI ${dialect}`)),
      ).toHaveLength(0);

      expect((await run('post', 'delete', queued.id)).code).toBe(0);
      expect(
        json<Array<{ id: string }>>(await run('post', 'list', '--status', 'cancelled', '--json')).map(
          (post) => post.id,
        ),
      ).toContain(queued.id);
      expect(json<{ paused: boolean }>(await run('queue', 'pause', '--json')).paused).toBe(true);
      expect((await run('queue', 'resume')).stdout).toContain('The queue runs.');
      const week = json<{ entries: unknown[] }>(await run('queue', 'list', '--week', '2099-W02', '--json'));
      expect(week.entries).toHaveLength(11);
    },
  );

  it('posts images with --image and --alt, in pairs, and says what to fix', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bigrock-images-'));
    try {
      const rock = join(dir, 'rock.png');
      const notes = join(dir, 'notes.png');
      await writeFile(rock, PNG);
      await writeFile(notes, 'not an image');
      const at = ['--at', '2099-02-02 09:00', '--only', 'webhook'];

      const posted = json<{ id: string; media: unknown[] }>(
        await run(
          'post',
          'Rock',
          '--image',
          rock,
          '--alt',
          'A big rock at dawn',
          '--image',
          rock,
          '--alt',
          'Again',
          ...at,
          '--json',
        ),
      );
      expect(posted.media).toEqual([
        { id: expect.any(String), mimeType: 'image/png', altText: 'A big rock at dawn', size: PNG.length },
        { id: expect.any(String), mimeType: 'image/png', altText: 'Again', size: PNG.length },
      ]);
      expect((await run('post', 'show', posted.id)).stdout).toContain(
        'Image 1: image/png, 70 bytes, alt: A big rock at dawn',
      );

      const missing = await run('post', 'x', '--image', join(dir, 'gone.png'), '--alt', 'y', ...at);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('gone.png: no such file');
      const wrong = await run('post', 'x', '--image', notes, '--alt', 'y', ...at);
      expect(wrong.stderr).toContain('notes.png is not a PNG, JPEG, GIF or WebP image');
      const noAlt = await run('post', 'x', '--image', rock, '--image', rock, '--alt', 'first', ...at);
      expect(noAlt.code).toBe(2);
      expect(noAlt.stderr).toContain(`--image ${rock} has no alt text: give --alt "what it shows" after it`);
      const extraAlt = await run('post', 'x', '--image', rock, '--alt', 'a', '--alt', 'b', ...at);
      expect(extraAlt.stderr).toContain('--alt is given 2 times but --image 1');

      expect((await run('queue', 'alt-text', 'off')).stdout).toContain('no longer required');
      expect((await run('post', 'x', '--image', rock, ...at)).code).toBe(0);
      expect(json<{ requireAltText: boolean }>(await run('queue', 'alt-text', 'on', '--json')).requireAltText).toBe(
        true,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
