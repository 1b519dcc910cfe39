import type { Command } from 'commander';

import { printJson, withBigrock, type CliIo } from '../cli-context.js';

type Bigrock = Parameters<Parameters<typeof withBigrock>[1]>[0];

/**
 * The server's address as a calendar app reaches it: the first extra name it answers to
 * (BIGROCK_ALLOWED_HOSTS, a name the user gave it), else the address it is bound to.
 */
function serverBase({ config }: Bigrock): string {
  const bound = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  const name = config.allowedHosts[0] ?? (bound.includes(':') ? `[${bound}]` : bound);
  return `http://${name}:${config.port}`;
}

/**
 * `bigrock feed url|renew|revoke`: the address of the plan's calendar feed; `bigrock feed posts
 * url|renew|revoke`: those of the published posts' RSS and Atom feeds.
 */
export function registerFeedCommands(program: Command, io: CliIo): void {
  const feed = program
    .command('feed')
    .description(
      "the feeds to subscribe to: the plan's calendar (url, renew, revoke) and your published posts (posts url, renew, revoke)",
    );
  const wantsJson = (command: Command) => Boolean(command.optsWithGlobals<{ json?: boolean }>().json);
  const print = (bigrock: Bigrock, command: Command, link: { path: string; createdAt: string }, said: string) => {
    const url = `${serverBase(bigrock)}${link.path}`;
    if (wantsJson(command)) return printJson(io, { url, path: link.path, createdAt: link.createdAt });
    io.out(`${url}\n`);
    if (said !== '') io.err(`${said}\n`);
  };

  feed
    .command('url')
    .description("print the feed's address (made on first use); anyone with it can read the plan")
    .option('--json', 'print JSON')
    .action((_options: { json?: boolean }, command: Command) =>
      withBigrock(io, async (bigrock) => print(bigrock, command, await bigrock.calendarFeed.link(), '')),
    );

  feed
    .command('renew')
    .description('revoke the address and print a new one: calendars subscribed to the old one stop updating')
    .option('--json', 'print JSON')
    .action((_options: { json?: boolean }, command: Command) =>
      withBigrock(io, async (bigrock) =>
        print(
          bigrock,
          command,
          await bigrock.calendarFeed.renew(),
          'The old address no longer works: subscribe to this one.',
        ),
      ),
    );

  feed
    .command('revoke')
    .description('stop the feed: its address answers 404 until bigrock feed url makes a new one')
    .option('--json', 'print JSON')
    .action((_options: { json?: boolean }, command: Command) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.calendarFeed.revoke();
        if (wantsJson(command)) return printJson(io, { revoked: true });
        io.out('Revoked the calendar feed: its address no longer works.\n');
      }),
    );

  const posts = feed
    .command('posts')
    .description('the RSS and Atom feeds of your published posts, for readers and other apps: url, renew, revoke');
  const printPosts = (
    bigrock: Bigrock,
    command: Command,
    links: { rss: string; atom: string; createdAt: string },
    said: string,
  ) => {
    const rss = `${serverBase(bigrock)}${links.rss}`;
    const atom = `${serverBase(bigrock)}${links.atom}`;
    if (wantsJson(command)) return printJson(io, { rss, atom, createdAt: links.createdAt });
    io.out(`RSS:  ${rss}\nAtom: ${atom}\n`);
    if (said !== '') io.err(`${said}\n`);
  };

  posts
    .command('url')
    .description("print the feeds' addresses (made on first use); anyone with them can read your published posts")
    .option('--json', 'print JSON')
    .action((_options: { json?: boolean }, command: Command) =>
      withBigrock(io, async (bigrock) => printPosts(bigrock, command, await bigrock.postsFeed.link(), '')),
    );

  posts
    .command('renew')
    .description('revoke the addresses and print new ones: readers of the old ones stop updating')
    .option('--json', 'print JSON')
    .action((_options: { json?: boolean }, command: Command) =>
      withBigrock(io, async (bigrock) =>
        printPosts(
          bigrock,
          command,
          await bigrock.postsFeed.renew(),
          'The old addresses no longer work: give readers these.',
        ),
      ),
    );

  posts
    .command('revoke')
    .description('stop the posts feeds: their addresses answer 404 until bigrock feed posts url makes new ones')
    .option('--json', 'print JSON')
    .action((_options: { json?: boolean }, command: Command) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.postsFeed.revoke();
        if (wantsJson(command)) return printJson(io, { revoked: true });
        io.out('Revoked the posts feeds: their addresses no longer work.\n');
      }),
    );
}
