import { formatNumber, type AddAccountInput, type PublishingAccount } from '@bigrock/core';
import type { Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';

/** One line of an account's facts: its limits when it has some, or that it needs adding again. */
function accountNote(account: PublishingAccount): string {
  if (!account.hasCredentials) return 'no credentials: add it again';
  if (account.limits === null) return '';
  return `${formatNumber(account.limits.maxCharacters, 0)} characters, links count ${formatNumber(account.limits.charactersReservedPerUrl, 0)}`;
}

export function registerAccountCommands(program: Command, io: CliIo): void {
  const account = program
    .command('account')
    .description('the Mastodon, Bluesky and webhook accounts Bigrock posts to (credentials kept encrypted)');

  const add = account.command('add').description('add an account, checked with its network first');

  const addAndPrint = (input: AddAccountInput, json: boolean | undefined) =>
    withBigrock(io, async (bigrock) => {
      const result = await bigrock.publishingAccounts.add(input);
      if (json) return printJson(io, result);
      io.out(`Added ${result.account.network} account ${result.account.name} (${result.account.id}).\n`);
      if (result.secret !== undefined) {
        io.out(`Its signing secret, shown this once; give it to the receiver:\n${result.secret}\n`);
      }
    });

  add
    .command('mastodon')
    .description("a Mastodon account: the instance's address and an access token")
    .requiredOption('--instance <url>', "the instance's address, such as https://mastodon.social")
    .requiredOption(
      '--token <token>',
      'an access token: Preferences → Development → New application, scopes read:accounts write:statuses write:media',
    )
    .option('--json', 'print JSON: { account }')
    .action((options: { instance: string; token: string; json?: boolean }) =>
      addAndPrint({ network: 'mastodon', instance: options.instance, token: options.token }, options.json),
    );

  add
    .command('bluesky')
    .description('a Bluesky account: its handle and an app password (its server is found from the handle)')
    .requiredOption('--handle <handle>', 'the handle, such as maria.bsky.social')
    .requiredOption(
      '--app-password <password>',
      'an app password, xxxx-xxxx-xxxx-xxxx: Settings → Privacy and security → App passwords',
    )
    .option('--json', 'print JSON: { account }')
    .action((options: { handle: string; appPassword: string; json?: boolean }) =>
      addAndPrint({ network: 'bluesky', handle: options.handle, appPassword: options.appPassword }, options.json),
    );

  add
    .command('webhook')
    .description('a webhook: posts go to the URL, signed per Standard Webhooks')
    .requiredOption('--url <url>', 'where the signed posts go (https, or http to localhost)')
    .option('--secret <whsec>', 'a Standard Webhooks secret, whsec_…; one is made and shown once when left out')
    .option('--json', 'print JSON: { account, secret? } (secret only when made here)')
    .action((options: { url: string; secret?: string; json?: boolean }) =>
      addAndPrint(
        { network: 'webhook', url: options.url, ...(options.secret !== undefined && { secret: options.secret }) },
        options.json,
      ),
    );

  account
    .command('list')
    .description('list the accounts (never their credentials)')
    .option('--json', 'print JSON: [{ id, network, name, url, limits, hasCredentials, createdAt }]')
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const accounts = await bigrock.publishingAccounts.list();
        if (options.json) return printJson(io, accounts);
        if (accounts.length === 0) {
          return io.out('No accounts yet. Add one with: bigrock account add mastodon|bluesky|webhook …\n');
        }
        printTable(io, [
          ['ID', 'NETWORK', 'NAME', 'URL', 'NOTE'],
          ...accounts.map((item) => [item.id, item.network, item.name, item.url, accountNote(item)]),
        ]);
      }),
    );

  account
    .command('remove')
    .description('remove an account and its credentials')
    .argument('<id>', 'the account, from bigrock account list')
    .option('--json', 'print JSON: { removed }')
    .action((id: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.publishingAccounts.remove(id);
        if (options.json) return printJson(io, { removed: id });
        io.out(`Removed the account ${id}.\n`);
      }),
    );
}
