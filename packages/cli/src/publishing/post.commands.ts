import { readFile, stat } from 'node:fs/promises';

import {
  AppError,
  formatByteSize,
  MAX_IMAGE_BYTES,
  MAX_POST_IMAGES,
  sniffImageType,
  weekdays,
  type Post,
  type PostingSlot,
  type Weekday,
} from '@bigrock/core';
import type { Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';
import { localTime } from '../tracking/tracking-output.js';

type WhenOptions = { at?: string; queue?: boolean; now?: boolean };

/** --at, --queue or --now (the queue when none): one of them only. */
function whenOf(options: WhenOptions) {
  const given = [options.at !== undefined, options.queue === true, options.now === true].filter(Boolean).length;
  if (given > 1) throw new AppError('invalid-input', 'Give one of --at, --queue and --now.', { field: 'when' });
  if (options.at !== undefined) return { kind: 'at' as const, at: options.at };
  if (options.now) return { kind: 'now' as const };
  return { kind: 'queue' as const };
}

/** Repeated options (--image, --alt) collected in the order given. */
const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * The images of `--image FILE --alt TEXT …`, paired in order: each file read and its type taken
 * from its bytes, each with its alt text ('' when none was given: the service says whether that
 * is allowed).
 */
export async function readImageOptions(
  files: readonly string[],
  alts: readonly string[],
): Promise<Array<{ data: string; mimeType: string; altText: string }>> {
  if (alts.length > files.length) {
    throw new AppError(
      'invalid-input',
      `--alt is given ${alts.length} times but --image ${files.length}: give one --alt after each --image.`,
      { field: 'alt' },
    );
  }
  if (files.length > MAX_POST_IMAGES) {
    throw new AppError(
      'invalid-input',
      `--image is given ${files.length} times: a post takes at most ${MAX_POST_IMAGES}.`,
      {
        field: 'image',
      },
    );
  }
  const images = [];
  for (const [index, file] of files.entries()) {
    const size = await stat(file).then(
      (found) => (found.isFile() ? found.size : null),
      () => null,
    );
    if (size === null) {
      throw new AppError(
        'invalid-input',
        `--image ${file}: no such file; give the path of a PNG, JPEG, GIF or WebP image.`,
        {
          field: 'image',
        },
      );
    }
    if (size > MAX_IMAGE_BYTES) {
      throw new AppError(
        'invalid-input',
        `--image ${file} is ${formatByteSize(size)}; an image may be at most ${formatByteSize(MAX_IMAGE_BYTES)}: make it smaller.`,
        { field: 'image' },
      );
    }
    const bytes = await readFile(file);
    const mimeType = sniffImageType(bytes);
    if (mimeType === null) {
      throw new AppError('invalid-input', `--image ${file} is not a PNG, JPEG, GIF or WebP image: give one of those.`, {
        field: 'image',
      });
    }
    images.push({ data: bytes.toString('base64'), mimeType, altText: alts[index] ?? '' });
  }
  return images;
}

/** The service's field for an image (media.1.altText) in the words of the command line. */
function inCommandLineWords(error: unknown, files: readonly string[]): unknown {
  if (!(error instanceof AppError)) return error;
  const match = /^media\.(\d+)\.altText$/.exec(error.field ?? '');
  if (match === null) return error;
  const index = Number(match[1]);
  return new AppError(
    'invalid-input',
    `--image ${files[index] ?? index + 1} has no alt text: give --alt "what it shows" after it, or turn the requirement off with bigrock queue alt-text off.`,
    { field: 'alt' },
  );
}

const shortText = (text: string) => (text.length > 50 ? `${text.slice(0, 49)}…` : text).replace(/\s+/g, ' ');

/** Times are on the workspace's clocks, as the rest of the CLI shows them (the JSON keeps UTC). */
function printPost(io: CliIo, post: Post, zone: string): void {
  io.out(`${post.id}  ${post.status}  ${localTime(post.scheduledAt, zone, true)}  (${post.whenKind})\n${post.text}\n`);
  if (post.contentWarning !== null) io.out(`Content warning: ${post.contentWarning}\n`);
  for (const [index, image] of post.media.entries()) {
    io.out(`Image ${index + 1}: ${image.mimeType}, ${formatByteSize(image.size)}, alt: ${image.altText || '(none)'}\n`);
  }
  for (const [network, text] of Object.entries(post.overrides)) io.out(`${network}: ${text}\n`);
  for (const delivery of post.deliveries) {
    const where = delivery.accountName ?? delivery.accountId;
    io.out(`- ${delivery.network} ${where}: ${delivery.status}${delivery.remoteUrl ? ` ${delivery.remoteUrl}` : ''}\n`);
    if (delivery.reason !== null) io.out(`  ${delivery.reason}\n`);
    if (delivery.fix !== null) io.out(`  ${delivery.fix}\n`);
    if (delivery.nextAttemptAt !== null) io.out(`  next try at ${localTime(delivery.nextAttemptAt, zone, true)}\n`);
  }
}

function printPosts(io: CliIo, posts: Post[], empty: string, zone: string): void {
  if (posts.length === 0) return io.out(`${empty}\n`);
  printTable(io, [
    ['ID', 'WHEN', 'STATUS', 'TO', 'TEXT'],
    ...posts.map((post) => [
      post.id,
      localTime(post.scheduledAt, zone, true),
      post.status,
      [...new Set(post.deliveries.map((delivery) => delivery.network))].join(','),
      `${shortText(post.text)}${post.media.length > 0 ? ` [${post.media.length} image${post.media.length === 1 ? '' : 's'}]` : ''}`,
    ]),
  ]);
}

/**
 * Slots as typed: `mon@09:00`, several times `mon@09:00,13:00`, a range of days `mon-fri@09:00`.
 *
 * @example parseSlots(['mon-wed@09:00,13:00']) // six slots
 */
export function parseSlots(words: readonly string[]): PostingSlot[] {
  return words.flatMap((word) => {
    const match = /^([a-z]{3})(?:-([a-z]{3}))?@(.+)$/i.exec(word.trim());
    const first = weekdays.indexOf((match?.[1]?.toLowerCase() ?? '') as Weekday);
    const last = match?.[2] === undefined ? first : weekdays.indexOf(match[2].toLowerCase() as Weekday);
    if (match === null || first === -1 || last === -1 || last < first) {
      throw new AppError(
        'invalid-input',
        `"${word}" is not a slot: write mon@09:00, mon@09:00,13:00 or mon-fri@09:00.`,
        {
          field: 'slots',
        },
      );
    }
    const times = (match[3] ?? '').split(',');
    return weekdays.slice(first, last + 1).flatMap((weekday) => times.map((time) => ({ weekday, time: time.trim() })));
  });
}

export function registerPostCommands(program: Command, io: CliIo): void {
  const post = program
    .command('post')
    .description('compose a post to your accounts (the queue, a time, or now), and list, show, move or delete posts');

  post
    .command('new <text>', { isDefault: true })
    .description('compose a post: bigrock post "text" [--at T | --queue | --now] (the queue by default)')
    .option('--at <time>', 'at a time: 2027-01-04 09:00 (the workspace time zone) or ISO 8601')
    .option('--queue', "in the queue's next free slot (the default)")
    .option('--now', 'now')
    .option('--only <networks>', 'only the accounts of these networks: mastodon,bluesky,webhook')
    .option('--account <id...>', 'only these accounts (ids from bigrock account list)')
    .option('--cw <text>', "a content warning (Mastodon's; the other networks leave it out)")
    .option('--mastodon <text>', "Mastodon's text instead")
    .option('--bluesky <text>', "Bluesky's text instead")
    .option('--image <file>', 'an image (PNG, JPEG, GIF, WebP; up to 4): repeat for more', collect)
    .option('--alt <text>', "the image's alt text, what it shows: one after each --image, in order", collect)
    .option('--json', 'print JSON: the post with its deliveries and images')
    .action(
      (
        text: string,
        options: WhenOptions & {
          only?: string;
          account?: string[];
          cw?: string;
          mastodon?: string;
          bluesky?: string;
          image?: string[];
          alt?: string[];
          json?: boolean;
        },
      ) =>
        withBigrock(io, async (bigrock) => {
          let accountIds = options.account;
          if (options.only !== undefined) {
            const networks = options.only.split(',').map((network) => network.trim().toLowerCase());
            const accounts = (await bigrock.publishingAccounts.list()).filter((account) =>
              networks.includes(account.network),
            );
            if (accounts.length === 0) {
              throw new AppError(
                'invalid-input',
                `--only ${options.only}: no account of those networks; see bigrock account list.`,
                {
                  field: 'only',
                },
              );
            }
            accountIds = accounts.map((account) => account.id).filter((id) => accountIds?.includes(id) ?? true);
          }
          const overrides = {
            ...(options.mastodon !== undefined && { mastodon: options.mastodon }),
            ...(options.bluesky !== undefined && { bluesky: options.bluesky }),
          };
          const files = options.image ?? [];
          const media = await readImageOptions(files, options.alt ?? []);
          const created = await bigrock.posts
            .create({
              text,
              ...(Object.keys(overrides).length > 0 && { overrides }),
              ...(options.cw !== undefined && { contentWarning: options.cw }),
              ...(accountIds !== undefined && { accountIds }),
              ...(media.length > 0 && { media }),
              when: whenOf(options),
            })
            .catch((error: unknown) => {
              throw inCommandLineWords(error, files);
            });
          if (options.json) return printJson(io, created);
          io.out(
            `Post ${created.id} ${created.whenKind === 'now' ? 'goes now' : `goes at ${localTime(created.scheduledAt, await bigrock.entries.zone(), true)}`} to ${created.deliveries
              .map((delivery) => delivery.accountName ?? delivery.network)
              .join(', ')}.\n`,
          );
        }),
    );

  post
    .command('list')
    .description('list posts, newest time first')
    .option(
      '--status <status>',
      'only posts with a delivery queued, sending, posted, failed, missed or cancelled (missed: the Missed list)',
    )
    .option('--json', 'print JSON: [post]')
    .action((options: { status?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const posts = await bigrock.posts.list(options.status === undefined ? {} : { status: options.status });
        if (options.json) return printJson(io, posts);
        printPosts(io, posts, 'No posts. Compose one with: bigrock post "text"', await bigrock.entries.zone());
      }),
    );

  post
    .command('show <id>')
    .description("a post with each account's status, link, reason and tries")
    .option('--json', 'print JSON: the post with its deliveries and attempts')
    .action((id: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const found = await bigrock.posts.get(id);
        if (options.json) return printJson(io, found);
        printPost(io, found, await bigrock.entries.zone());
      }),
    );

  post
    .command('move <id>')
    .description('move a post (not yet sent, missed or failed) to the next free slot, a time, or now')
    .option('--at <time>', 'to a time (a slot or any): 2027-01-04 09:00')
    .option('--queue', "to the queue's next free slot")
    .option('--now', 'send it now')
    .option('--json', 'print JSON: the post')
    .action((id: string, options: WhenOptions & { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        if (options.at === undefined && !options.queue && !options.now) {
          throw new AppError('invalid-input', 'Say where to: --at T, --queue or --now.', { field: 'when' });
        }
        const moved = await bigrock.posts.update(id, { when: whenOf(options) });
        if (options.json) return printJson(io, moved);
        io.out(`Post ${moved.id} goes at ${localTime(moved.scheduledAt, await bigrock.entries.zone(), true)}.\n`);
      }),
    );

  post
    .command('delete <id>')
    .description('delete a post: what is not yet sent is cancelled')
    .option('--json', 'print JSON: { id, deleted }')
    .action((id: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.posts.remove(id);
        if (options.json) return printJson(io, { id, deleted: true });
        io.out(`Deleted post ${id}.\n`);
      }),
    );

  const queue = program.command('queue').description('the posting queue: its week, its slots, pause and resume');

  queue
    .command('list')
    .description("the week's slots with their posts")
    .option('--week <week>', 'the ISO week, such as 2027-W03; this week by default')
    .option('--json', 'print JSON: { week, timeZone, paused, graceMinutes, entries: [{ at, slot, posts }] }')
    .action((options: { week?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const week = await bigrock.queue.week(options.week);
        if (options.json) return printJson(io, week);
        io.out(`${week.week} (${week.timeZone})${week.paused ? ', paused' : ''}\n`);
        printTable(io, [
          ['AT', 'SLOT', 'POSTS'],
          ...week.entries.map((entry) => [
            localTime(entry.at, week.timeZone, true),
            entry.slot === null ? '' : `${entry.slot.weekday} ${entry.slot.time}`,
            entry.posts.length === 0
              ? 'free'
              : entry.posts.map((shown) => `${shown.id} ${shortText(shown.text)}`).join('; '),
          ]),
        ]);
      }),
    );

  const slots = queue
    .command('slots')
    .description("the queue's weekly slots")
    .option('--json', 'print JSON: { slots, paused, graceMinutes, timeZone }')
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const settings = await bigrock.queue.queue();
        if (options.json) return printJson(io, settings);
        io.out(
          `Slots (${settings.timeZone}), grace ${settings.graceMinutes} min${settings.paused ? ', paused' : ''}:\n`,
        );
        for (const slot of settings.slots) io.out(`${slot.weekday} ${slot.time}\n`);
      }),
    );

  slots
    .command('set <slots...>')
    .description('set the slots: mon@09:00 mon-fri@09:00,13:00 …')
    .option('--grace <minutes>', 'how late a post may still go out when Bigrock comes back (60 by default)')
    .option('--json', 'print JSON: { slots, paused, graceMinutes, timeZone }')
    .action((words: string[], options: { grace?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const settings = await bigrock.queue.setQueue({
          slots: parseSlots(words),
          ...(options.grace !== undefined && { graceMinutes: Number(options.grace) }),
        });
        if (options.json) return printJson(io, settings);
        io.out(`The queue has ${settings.slots.length} slots a week.\n`);
      }),
    );

  for (const [name, description] of [
    ['pause', 'pause the queue: nothing is sent; slots are still taken'],
    ['resume', 'resume the queue'],
  ] as const) {
    queue
      .command(name)
      .description(description)
      .option('--json', 'print JSON: { slots, paused, graceMinutes, timeZone }')
      .action((options: { json?: boolean }) =>
        withBigrock(io, async (bigrock) => {
          const settings = name === 'pause' ? await bigrock.queue.pause() : await bigrock.queue.resume();
          if (options.json) return printJson(io, settings);
          io.out(settings.paused ? 'The queue is paused.\n' : 'The queue runs.\n');
        }),
      );
  }

  queue
    .command('alt-text <on|off>')
    .description('require alt text on every image of a post (on, the default), or not (off)')
    .option('--json', 'print JSON: { slots, paused, graceMinutes, requireAltText, timeZone }')
    .action((value: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        if (value !== 'on' && value !== 'off') {
          throw new AppError('invalid-input', `alt-text takes on or off, got "${value}".`, { field: 'required' });
        }
        const settings = await bigrock.queue.setAltTextRequired({ required: value === 'on' });
        if (options.json) return printJson(io, settings);
        io.out(
          settings.requireAltText
            ? 'A post with an image without alt text is refused.\n'
            : 'Alt text is no longer required (still sent when given).\n',
        );
      }),
    );

  program
    .command('worker')
    .description('deliver posts until stopped (SIGTERM or Ctrl-C lets the tries under way finish)')
    .option('--workers <n>', 'pg-boss workers on PostgreSQL (BIGROCK_WORKERS, else 1)')
    .option('--json', 'print JSON lines: { state: "running" | "stopped", kind }')
    .action((options: { workers?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const count = options.workers === undefined ? undefined : Number(options.workers);
        if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 32)) {
          throw new AppError(
            'invalid-input',
            `--workers must be a whole number from 1 to 32, got "${options.workers}".`,
            {
              field: 'workers',
            },
          );
        }
        const workers = await bigrock.startDeliveryWorkers(count === undefined ? {} : { workers: count });
        if (options.json) io.out(`${JSON.stringify({ state: 'running', kind: workers.kind })}\n`);
        else io.out(`Delivering posts (${workers.kind}); stop with Ctrl-C.\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        await workers.stop();
        if (options.json) io.out(`${JSON.stringify({ state: 'stopped', kind: workers.kind })}\n`);
        else io.out('Stopped.\n');
      }),
    );
}
