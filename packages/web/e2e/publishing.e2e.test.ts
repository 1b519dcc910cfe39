import {
  shiftedClock,
  startMastodonTestServer,
  type MastodonTestServer,
  type TestServer,
} from '@bigrock/server/test-support';
import { startTestPds, type TestPds } from '@bigrock/server/test-support/pds';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

// The server's clock and the page's run together from 10:00 on Wednesday 4 March 2026 (UTC, both
// sides): the default slots are weekdays at 09:00 and 13:00, so the next free one is 13:00 today.
const clock = shiftedClock();
// Filled once the PDS runs: each test's server resolves Bluesky handles and DIDs through it.
const config: { plcUrl?: string; handleResolverUrl?: string } = {};
const session = useBrowserSession({ clock, config });

let mastodon: MastodonTestServer;
let pds: TestPds;
let server: TestServer;
let page: Page;
let stopWorkers: (() => Promise<void>) | undefined;
let accountNumber = 0;

beforeAll(async () => {
  [mastodon, pds] = await Promise.all([startMastodonTestServer({ clock }), startTestPds()]);
  config.plcUrl = pds.plcUrl;
  config.handleResolverUrl = pds.url;
}, 90_000);

afterAll(async () => {
  await Promise.all([mastodon.close(), pds.close()]);
});

beforeEach(async () => {
  ({ page, server } = session.current());
  clock.moveTo('2026-03-04T10:00:00Z');
  await page.clock.install({ time: clock.now() });
});

afterEach(async () => {
  await stopWorkers?.();
});

/** Bigrock's delivery loop starts, as `bigrock` runs it, looking often so the test is quick. */
async function startWorkers() {
  const workers = await server.bigrock.startDeliveryWorkers({ pollMs: 200 });
  stopWorkers = async () => {
    stopWorkers = undefined;
    await workers.stop();
  };
}

/** The server's clock and the page's move to `iso` together. */
async function clocksAt(iso: string) {
  const ms = Date.parse(iso) - clock.now().getTime();
  clock.moveTo(iso);
  await page.clock.fastForward(Math.max(0, ms));
}

/** The status badges of a post on the page, once it shows: the post's, then each target's. */
async function badgesOf(article: Locator): Promise<string[]> {
  await article.waitFor();
  return article.locator('.badge').allTextContents();
}

async function postStatus(id: string) {
  return (await server.bigrock.posts.get(id)).status;
}

/** A 1×1 PNG: what a person attaches in Compose. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const TEXT = 'Launch day 👋🏽 https://example.org/a/very/long/path/that/goes/on';
const LINK = 'https://example.org/a/very/long/path/that/goes/on';

async function noHorizontalScroll(width: number) {
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

/** The records of the Bluesky account at the PDS: what really arrived there. */
async function blueskyRecords(did: string) {
  const response = await fetch(
    `${pds.url}/xrpc/com.atproto.repo.listRecords?repo=${did}&collection=app.bsky.feed.post&limit=10`,
  );
  return (
    (await response.json()) as {
      records: Array<{
        uri: string;
        value: { text: string; facets?: Array<{ features: Array<{ $type: string; uri?: string }> }> };
      }>;
    }
  ).records;
}

describe.each([
  { screen: 'desktop', width: 1280, height: 900 },
  { screen: '390 px', width: 390, height: 844 },
])('publishing on $screen', ({ width, height }) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test(
    'connects Mastodon and a real PDS, composes with an emoji and a link, queues it, and sees it posted on both',
    { timeout: 90_000 },
    async () => {
      accountNumber += 1;
      const alice = await pds.createAccount(`alice${accountNumber}`);

      // Both accounts are connected through the Accounts page, as a person would.
      await page.goto('/accounts');
      await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
      await page.getByLabel('Instance address').fill(mastodon.url);
      await page.getByLabel('Access token').fill(mastodon.token);
      await page.getByRole('button', { name: 'Add the Mastodon account' }).click();
      await page.getByRole('listitem').filter({ hasText: '@maria@social.test' }).waitFor();
      await page.getByLabel('Network').selectOption('bluesky');
      await page.getByLabel('Handle').fill(alice.handle);
      await page.getByLabel('App password').fill(alice.appPassword);
      await page.getByRole('button', { name: 'Add the Bluesky account' }).click();
      await page.getByRole('listitem').filter({ hasText: alice.handle }).waitFor();

      await page.goto('/compose');
      await page.getByRole('heading', { name: 'Compose', level: 1 }).waitFor();
      // Every account is chosen by default.
      expect(await page.getByRole('checkbox', { name: 'Mastodon · @maria@social.test' }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: `Bluesky · ${alice.handle}` }).isChecked()).toBe(true);
      const mastodonPreview = page.getByRole('region', { name: 'Mastodon preview, @maria@social.test' });
      const blueskyPreview = page.getByRole('region', { name: `Bluesky preview, ${alice.handle}` });
      const counter = (preview: typeof mastodonPreview) => preview.locator('.post-counter').textContent();

      // A family emoji, CJK and Hebrew: one grapheme a character on both networks.
      await page.getByLabel('Text', { exact: true }).fill('東京 שלום 👨‍👩‍👧');
      await expect.poll(() => counter(mastodonPreview)).toBe('9 of 500 characters');
      expect(await counter(blueskyPreview)).toBe('9 of 300 characters');
      expect(await blueskyPreview.locator('.post-preview-text').getAttribute('dir')).toBe('auto');

      // A Bluesky text over its limit is shown as such, and the server's refusal lands at its field.
      await page.getByLabel('Different text for Bluesky').check();
      await page.getByLabel('Bluesky text').fill('x'.repeat(301));
      await expect.poll(() => counter(blueskyPreview)).toBe('301 of 300 characters: 1 character over');
      expect(await blueskyPreview.locator('.post-counter-over').count()).toBe(1);
      await page.getByRole('button', { name: 'Add to queue' }).click();
      const blueskyText = page.getByLabel('Bluesky text');
      await expect.poll(() => blueskyText.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await blueskyText.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent()).toBe(
        `Bluesky text is 1 character over Bluesky’s limit of 300 (${alice.handle}): shorten it.`,
      );
      expect(await server.bigrock.posts.list()).toEqual([]);
      await page.getByLabel('Different text for Bluesky').uncheck();
      // A time already past is refused at the time field.
      await page.getByLabel('At a time').check();
      await page.getByLabel('Time', { exact: true }).fill('2026-03-04 09:00');
      await page.getByRole('button', { name: 'Schedule' }).click();
      await expect.poll(() => page.getByLabel('Time', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await page.getByText('Time is in the past: give a later time, or Now.', { exact: true }).waitFor();
      await page.getByLabel('Add to queue (the next free slot)').check();

      // The real post: a skin-toned emoji and a long link; a content warning, which Mastodon counts.
      await page.getByLabel('Text', { exact: true }).fill(TEXT);
      await page.getByLabel('Content warning (Mastodon)').fill('launch');
      // Mastodon: "Launch day " 11 + 👋🏽 1 + " " 1 + the link as 23 + the warning's 6 = 42.
      await expect.poll(() => counter(mastodonPreview)).toBe('42 of 500 characters');
      // Bluesky: 11 + 1 + 1 + the link as written, 49 = 62; no warning there.
      expect(await counter(blueskyPreview)).toBe('62 of 300 characters');
      await noHorizontalScroll(width);

      await page.getByRole('button', { name: 'Add to queue' }).click();
      await page.getByRole('status').getByText('Queued for Wed, Mar 4 · 13:00 (UTC).').waitFor();
      const [post] = await server.bigrock.posts.list();
      expect(post?.scheduledAt).toBe('2026-03-04T13:00:00.000Z');
      expect(post?.deliveries.map((delivery) => delivery.status)).toEqual(['queued', 'queued']);

      // The queue's week shows it in Wednesday's 13:00 slot, queued on both.
      await page.getByRole('link', { name: 'Its week in the queue' }).click();
      await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
      const wednesday = page.getByRole('region', { name: 'Wed, Mar 4' });
      const queued = wednesday.getByRole('article', { name: /^Post: Launch day/ });
      expect(await badgesOf(queued)).toEqual(['Queued', 'Queued', 'Queued']);
      await noHorizontalScroll(width);

      // The clocks reach the slot; the delivery loop sends it.
      await startWorkers();
      await clocksAt('2026-03-04T13:00:01Z');
      await expect.poll(() => postStatus(post?.id ?? ''), { timeout: 15_000 }).toBe('posted');
      await page.reload();
      const posted = page
        .getByRole('region', { name: 'Wed, Mar 4' })
        .getByRole('article', { name: /^Post: Launch day/ });
      expect(await badgesOf(posted)).toEqual(['Posted', 'Posted', 'Posted']);
      const links = await Promise.all(
        (await posted.locator('a.delivery-url').all()).map((link) => link.getAttribute('href')),
      );
      const mastodonUrl = links.find((href) => href?.startsWith(mastodon.url)) ?? '';
      const blueskyUrl = links.find((href) => href?.startsWith('https://bsky.app/')) ?? '';
      expect(mastodonUrl).toMatch(new RegExp(`^${mastodon.url}/@maria/\\d+$`));
      expect(blueskyUrl).toMatch(new RegExp(`^https://bsky\\.app/profile/${alice.handle}/post/[a-z2-7]{13}$`));
      await noHorizontalScroll(width);

      // It really arrived: the Mastodon instance holds the status, the PDS the record, links as facets.
      const status = mastodon.statuses.find((candidate) => mastodonUrl.endsWith(`/${candidate.id}`));
      expect(status).toMatchObject({ text: TEXT, spoilerText: 'launch' });
      const records = await blueskyRecords(alice.did);
      expect(records.map((record) => record.value.text)).toEqual([TEXT]);
      expect(records[0]?.uri.split('/').at(-1)).toBe(blueskyUrl.split('/').at(-1));
      expect(records[0]?.value.facets?.flatMap((facet) => facet.features.map((feature) => feature.uri))).toEqual([
        LINK,
      ]);

      // The post's history: each target posted, with its attempt.
      await posted.getByRole('link', { name: /^History of the post/ }).click();
      await page.getByRole('heading', { name: 'Post', level: 1 }).waitFor();
      const onMastodon = page.getByRole('region', { name: 'Mastodon · @maria@social.test' });
      await onMastodon.getByRole('link', { name: mastodonUrl }).waitFor();
      const attempts = onMastodon.getByRole('region', { name: 'Attempts on Mastodon' });
      expect(await attempts.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
        '1',
        'Wed, Mar 4 · 13:00',
        'Wed, Mar 4 · 13:00',
        'Posted',
        '—',
      ]);
      const onBluesky = page.getByRole('region', { name: `Bluesky · ${alice.handle}` });
      await onBluesky.getByRole('link', { name: blueskyUrl }).waitFor();
      expect(
        await onBluesky
          .getByRole('region', { name: 'Attempts on Bluesky' })
          .getByRole('row')
          .nth(1)
          .getByRole('cell')
          .nth(3)
          .textContent(),
      ).toBe('Posted');
      await noHorizontalScroll(width);
    },
  );

  test(
    'the batch view: a slot added, a post moved and edited, a refusal with its reason sent again, pause, a missed post posted now, a delete',
    { timeout: 90_000 },
    async () => {
      // The Mastodon stand-in serves every test of the file: this one reads only what it posted.
      const earlier = mastodon.statuses.length;
      const statusesNamed = (text: string) => mastodon.statuses.slice(earlier).filter((status) => status.text === text);
      const { account } = await server.bigrock.publishingAccounts.add({
        network: 'mastodon',
        instance: mastodon.url,
        token: mastodon.token,
      });
      const first = await server.bigrock.posts.create({ text: 'First of the week', when: { kind: 'queue' } });
      const second = await server.bigrock.posts.create({ text: 'Second of the week', when: { kind: 'queue' } });
      expect([first.scheduledAt, second.scheduledAt]).toEqual(['2026-03-04T13:00:00.000Z', '2026-03-05T09:00:00.000Z']);

      await page.goto('/queue');
      await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
      const wednesday = page.getByRole('region', { name: 'Wed, Mar 4' });
      const postIn = (day: typeof wednesday, text: string) => day.getByRole('article', { name: `Post: ${text}` });

      // A slot on Wednesday at 11:00, on the workspace's clocks.
      await page.getByRole('button', { name: 'Add a slot' }).click();
      const added = page.getByRole('group', { name: 'Slot 11' });
      await added.getByLabel('Weekday').selectOption('wed');
      await added.getByLabel('Time').fill('11:00');
      await page.getByRole('button', { name: 'Save the slots' }).click();
      await page.getByRole('status').getByText('Slots saved.').waitFor();
      expect((await server.bigrock.posts.queue()).slots.filter((slot) => slot.weekday === 'wed')).toEqual([
        { weekday: 'wed', time: '09:00' },
        { weekday: 'wed', time: '11:00' },
        { weekday: 'wed', time: '13:00' },
      ]);
      await wednesday.getByRole('listitem').filter({ hasText: '11:00' }).getByText('Free').waitFor();

      // The second post moves to that free slot; the first gets a new text.
      const thursday = page.getByRole('region', { name: 'Thu, Mar 5' });
      await thursday.getByRole('button', { name: 'Move: Second of the week', exact: true }).click();
      await thursday.getByLabel('Move to').selectOption({ label: 'Wed, Mar 4 · 11:00' });
      await thursday.getByRole('button', { name: 'Move the post' }).click();
      await postIn(wednesday, 'Second of the week').waitFor();
      expect((await server.bigrock.posts.get(second.id)).scheduledAt).toBe('2026-03-04T11:00:00.000Z');
      await wednesday.getByRole('button', { name: 'Edit: First of the week', exact: true }).click();
      await wednesday.getByLabel('Text', { exact: true }).fill('First of the week, edited');
      await wednesday.getByRole('button', { name: 'Save the changes' }).click();
      await postIn(wednesday, 'First of the week, edited').waitFor();
      expect((await server.bigrock.posts.get(first.id)).text).toBe('First of the week, edited');
      await noHorizontalScroll(width);

      // Mastodon refuses the 11:00 post: failed, with the reason and what to do; sent again, it goes.
      mastodon.failNext('POST /api/v1/statuses', { status: 422, body: { error: 'Validation failed: Text is odd' } });
      await startWorkers();
      await clocksAt('2026-03-04T11:00:01Z');
      await expect.poll(() => postStatus(second.id), { timeout: 15_000 }).toBe('failed');
      await page.reload();
      const refused = postIn(wednesday, 'Second of the week');
      expect(await badgesOf(refused)).toEqual(['Failed', 'Failed']);
      await refused.getByText(/^Reason: .*Validation failed: Text is odd$/).waitFor();
      await refused.getByText('Change the post as the network asks, then send it now or move it.').waitFor();
      // The Failed list at the top holds it too, whatever week it is in.
      await postIn(page.getByRole('region', { name: 'Failed' }), 'Second of the week')
        .getByText('Wed, Mar 4 · 11:00')
        .waitFor();
      await noHorizontalScroll(width);
      await wednesday.getByRole('button', { name: 'Send now: Second of the week', exact: true }).click();
      await expect.poll(() => postStatus(second.id), { timeout: 15_000 }).toBe('posted');
      await page.reload();
      const sent = postIn(wednesday, 'Second of the week');
      expect(await badgesOf(sent)).toEqual(['Posted', 'Posted']);
      expect(statusesNamed('Second of the week')).toHaveLength(1);
      expect(await page.getByRole('region', { name: 'Failed' }).count()).toBe(0);

      // Paused, the 13:00 post waits past its time.
      await page.getByRole('button', { name: 'Pause the queue' }).click();
      await page.getByText(/^Paused: nothing is sent/).waitFor();
      await page.goto('/compose');
      await page.getByText(/^The queue is paused: nothing goes out/).waitFor();
      await page.goto('/queue');
      await clocksAt('2026-03-04T13:00:01Z');
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await postStatus(first.id)).toBe('queued');

      // Bigrock stops, the queue is resumed, and when Bigrock runs again the post is past its grace: missed.
      await stopWorkers?.();
      await page.getByRole('button', { name: 'Resume the queue' }).click();
      await page.getByText('Sending: each post goes out at its time.').waitFor();
      await clocksAt('2026-03-04T14:30:00Z');
      await startWorkers();
      await expect.poll(() => postStatus(first.id), { timeout: 15_000 }).toBe('missed');
      await page.reload();
      const missedList = page.getByRole('region', { name: 'Missed' });
      const missed = postIn(missedList, 'First of the week, edited');
      await missed.getByText('Wed, Mar 4 · 13:00').waitFor();
      await missed.getByText('Reason: Its time passed while Bigrock was not running.').waitFor();
      await noHorizontalScroll(width);
      await missed.getByRole('button', { name: 'Post now: First of the week, edited', exact: true }).click();
      await expect.poll(() => postStatus(first.id), { timeout: 15_000 }).toBe('posted');
      await page.reload();
      await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
      expect(await page.getByRole('region', { name: 'Missed' }).count()).toBe(0);
      expect(await badgesOf(postIn(wednesday, 'First of the week, edited'))).toEqual(['Posted', 'Posted']);

      // A post deleted before its time is cancelled and leaves the week.
      const third = await server.bigrock.posts.create({ text: 'Third, never sent', accountIds: [account.id] });
      expect(third.scheduledAt).toBe('2026-03-05T09:00:00.000Z');
      await page.reload();
      await thursday.getByRole('button', { name: 'Delete: Third, never sent', exact: true }).click();
      await thursday.getByRole('listitem').filter({ hasText: '09:00' }).getByText('Free').waitFor();
      expect(await postStatus(third.id)).toBe('cancelled');
      expect(statusesNamed('Third, never sent')).toEqual([]);
      await noHorizontalScroll(width);
    },
  );

  test(
    'attaches an image in Compose, is asked for its alt text, and sees it posted with it on Mastodon and the PDS',
    { timeout: 90_000 },
    async () => {
      accountNumber += 1;
      const alice = await pds.createAccount(`alice${accountNumber}`);
      await server.bigrock.publishingAccounts.add({
        network: 'mastodon',
        instance: mastodon.url,
        token: mastodon.token,
      });
      await server.bigrock.publishingAccounts.add({
        network: 'bluesky',
        handle: alice.handle,
        appPassword: alice.appPassword,
      });
      const text = `A rock at dawn, ${width} px`;
      const alt = 'A grey boulder on a beach, lit orange by the rising sun';

      await page.goto('/compose');
      await page.getByRole('heading', { name: 'Compose', level: 1 }).waitFor();
      await page.getByLabel('Text', { exact: true }).fill(text);
      await page.getByLabel('Add images').setInputFiles({ name: 'rock.png', mimeType: 'image/png', buffer: PNG });
      const altBox = page.getByLabel('Alt text of image 1');
      await altBox.waitFor();
      // The previews show the image on both networks.
      const mastodonPreview = page.getByRole('region', { name: 'Mastodon preview, @maria@social.test' });
      // No alt text yet: the image is decoration to a screen reader (alt=""), so found by its tag.
      await mastodonPreview.getByRole('list', { name: 'Images' }).locator('img').waitFor();
      await page.getByLabel('Now', { exact: true }).check();
      await noHorizontalScroll(width);

      // Without alt text the post is refused, at the image's alt text box, saying how to fix it.
      await page.getByRole('button', { name: 'Post now' }).click();
      await expect.poll(() => altBox.getAttribute('aria-invalid')).toBe('true');
      await page
        .getByText(
          'Alt text of image 1 is empty: describe image 1 for those who cannot see it, or turn off "Require alt text" in the queue\'s settings.',
          { exact: true },
        )
        .waitFor();
      expect(await server.bigrock.posts.list()).toEqual([]);

      await altBox.fill(alt);
      await page.getByText(`${alt.length} / 1,500`).waitFor();
      expect(await mastodonPreview.getByRole('img').getAttribute('alt')).toBe(alt);
      await startWorkers();
      await page.getByRole('button', { name: 'Post now' }).click();
      await page.getByRole('link', { name: 'Its history' }).click();
      await page.getByRole('heading', { name: 'Post', level: 1 }).waitFor();
      const [post] = await server.bigrock.posts.list();
      await expect.poll(() => postStatus(post?.id ?? ''), { timeout: 20_000 }).toBe('posted');
      await page.reload();
      // The post's page shows its image with its alt text, served by the API.
      const image = page.getByRole('list', { name: 'Images' }).getByRole('img');
      expect(await image.getAttribute('alt')).toBe(alt);
      await expect.poll(() => image.evaluate((element: { naturalWidth: number }) => element.naturalWidth)).toBe(1);
      const onMastodon = page.getByRole('region', { name: 'Mastodon · @maria@social.test' });
      const mastodonUrl = (await onMastodon.locator('a.delivery-url').getAttribute('href')) ?? '';
      expect(mastodonUrl).toMatch(new RegExp(`^${mastodon.url}/@maria/\\d+$`));
      const onBluesky = page.getByRole('region', { name: `Bluesky · ${alice.handle}` });
      const blueskyUrl = (await onBluesky.locator('a.delivery-url').getAttribute('href')) ?? '';
      expect(blueskyUrl).toMatch(/^https:\/\/bsky\.app\/profile\//);
      await noHorizontalScroll(width);

      // The alt text reached both: Mastodon's media description, the PDS record's image alt.
      const status = mastodon.statuses.find((candidate) => mastodonUrl.endsWith(`/${candidate.id}`));
      expect(status?.text).toBe(text);
      expect(mastodon.media.get(status?.mediaIds[0] ?? '')).toMatchObject({ description: alt, pollsLeft: 0 });
      const [record] = (await blueskyRecords(alice.did)) as unknown as Array<{
        uri: string;
        value: { text: string; embed?: { images: Array<{ alt: string }> } };
      }>;
      expect(record?.value.text).toBe(text);
      expect(record?.uri.split('/').at(-1)).toBe(blueskyUrl.split('/').at(-1));
      expect(record?.value.embed?.images.map((embedded) => embedded.alt)).toEqual([alt]);

      // The queue shows the post has an image.
      await page.goto('/queue');
      const article = page.getByRole('region', { name: 'Wed, Mar 4' }).getByRole('article', { name: `Post: ${text}` });
      await article.getByText('1 image', { exact: true }).waitFor();
    },
  );

  test("edits a queued post's images: new alt text, one added and asked for its own, one removed", async () => {
    await server.bigrock.publishingAccounts.add({ network: 'mastodon', instance: mastodon.url, token: mastodon.token });
    const text = `Two rocks, ${width} px`;
    const made = await server.bigrock.posts.create({
      text,
      media: [{ data: PNG.toString('base64'), mimeType: 'image/png', altText: 'A rock' }],
      when: { kind: 'queue' },
    });
    const [firstImage] = made.media;

    await page.goto('/queue');
    const article = page.getByRole('region', { name: 'Wed, Mar 4' }).getByRole('article', { name: `Post: ${text}` });
    await article.getByRole('button', { name: `Edit: ${text}`, exact: true }).click();
    // The stored image, served by the API, with its alt text ready to change.
    const stored = article.getByRole('listitem', { name: 'Image 1: a PNG image of the post' });
    await expect
      .poll(() => stored.getByRole('img').evaluate((element: { naturalWidth: number }) => element.naturalWidth))
      .toBe(1);
    const firstAlt = article.getByLabel('Alt text of image 1');
    expect(await firstAlt.inputValue()).toBe('A rock');
    await firstAlt.fill('A grey rock on wet sand');
    await article.getByLabel('Add images').setInputFiles({ name: 'second.png', mimeType: 'image/png', buffer: PNG });
    await article.getByLabel('Alt text of image 2').waitFor();
    await noHorizontalScroll(width);

    // The new image has no alt text: refused at its box, and nothing changed.
    await article.getByRole('button', { name: 'Save the changes' }).click();
    await article.getByText(/^Alt text of image 2 is empty: describe image 2/).waitFor();
    expect((await server.bigrock.posts.get(made.id)).media.map((image) => image.altText)).toEqual(['A rock']);

    await article.getByLabel('Alt text of image 2').fill('The same rock, closer');
    await article.getByRole('button', { name: 'Save the changes' }).click();
    await article.getByText('2 images', { exact: true }).waitFor();
    const saved = (await server.bigrock.posts.get(made.id)).media;
    expect(saved.map((image) => image.altText)).toEqual(['A grey rock on wet sand', 'The same rock, closer']);
    expect(saved[0]?.id).toBe(firstImage?.id);

    // The first image removed: the second is the post's only one, its alt text kept.
    await article.getByRole('button', { name: `Edit: ${text}`, exact: true }).click();
    await article.getByRole('button', { name: 'Remove image 1' }).click();
    await article.getByRole('button', { name: 'Save the changes' }).click();
    await article.getByText('1 image', { exact: true }).waitFor();
    expect((await server.bigrock.posts.get(made.id)).media).toEqual([saved[1]]);
  });
});
