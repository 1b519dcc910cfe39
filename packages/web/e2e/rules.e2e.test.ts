import {
  startFeedTestServer,
  startMastodonTestServer,
  type FeedTestServer,
  type MastodonTestServer,
  type TestServer,
} from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;
let feed: FeedTestServer;
let mastodon: MastodonTestServer;

const session = useBrowserSession();

beforeEach(async () => {
  ({ page, server } = session.current());
  [feed, mastodon] = await Promise.all([
    startFeedTestServer([{ guid: 'old-1', link: 'https://blog.test/1', title: 'An old post' }]),
    startMastodonTestServer({ clock: { now: () => new Date() } }),
  ]);
  await server.bigrock.publishingAccounts.add({ network: 'mastodon', instance: mastodon.url, token: mastodon.token });
});
afterEach(async () => {
  await Promise.all([feed.close(), mastodon.close()]);
});

describe.each([
  ['desktop', 1280, 900],
  ['phone', 390, 844],
])('a rule from a feed (%s)', (_name, width, height) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('makes a rule from a local RSS feed: its first run posts nothing, its second posts the new item once', async () => {
    await page.goto('/rules');
    await page.getByRole('heading', { name: 'Rules', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'New rule' });
    // A rule without a feed address is refused at the field, and nothing is made.
    await form.getByLabel('Name').fill('Blog to social');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await form.getByText('Must not be empty.').waitFor();
    expect(await server.bigrock.rules.list()).toEqual([]);

    await form.getByLabel('Feed address').fill(feed.url);
    await form.getByLabel('Post text').fill('New on the blog: {title} {link}');
    await form.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('region', { name: 'Blog to social' });
    await rule.getByText(`New items in ${feed.url}, checked every 15 minutes`).waitFor();

    // The first run notes the backlog and posts nothing.
    await rule.getByRole('button', { name: 'Run now' }).click();
    await rule.getByText('First check: items noted, nothing posted').waitFor();
    expect(await server.bigrock.posts.list()).toEqual([]);

    // A new item: a dry run says what it would post and posts nothing; the run posts it once.
    feed.items.unshift({ guid: 'new-2', link: 'https://blog.test/2', title: 'Fish & chips 🐟' });
    await rule.getByRole('button', { name: 'Dry run' }).click();
    await rule.getByText('Dry run: Done').waitFor();
    expect(await server.bigrock.posts.list()).toEqual([]);
    await rule.getByRole('button', { name: 'Run now' }).click();
    await rule.getByRole('list', { name: 'Runs' }).getByText('Done', { exact: true }).waitFor();
    await rule.getByRole('button', { name: 'Run now' }).click();
    await rule.getByText('Nothing to do').waitFor();
    const posts = await server.bigrock.posts.list();
    expect(posts.map((post) => post.text)).toEqual(['New on the blog: Fish & chips 🐟 https://blog.test/2']);
    expect(posts[0]?.deliveries.map((delivery) => [delivery.network, delivery.status])).toEqual([
      ['mastodon', 'queued'],
    ]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  });
});
