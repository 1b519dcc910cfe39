import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { startFeedTestServer, type FeedTestServer } from '../test-support/feed-test-server.js';
import { openTestBigrock, shiftedClock, type TestBigrock } from '../test-support/test-bigrock.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { startRulePoller } from './rule-poller.js';
import { RUNS_KEPT } from './rule.repository.js';

describe.each(dialects)('rules on %s', (dialect) => {
  const clock = shiftedClock();
  const waits: number[] = [];
  let test: TestBigrock;
  /** The posts the rules made since the last test, oldest first, as the posts service keeps them. */
  const posts = {
    before: new Set<string>(),
    async made() {
      const all = (await test.bigrock.posts.list()).filter((post) => !this.before.has(post.id)).reverse();
      return all.map((post) => ({
        text: post.text,
        ...(Object.keys(post.overrides).length > 0 && { overrides: post.overrides }),
        when: { kind: post.whenKind },
      }));
    },
    async forget() {
      for (const post of await test.bigrock.posts.list()) this.before.add(post.id);
    },
  };
  let feed: FeedTestServer;
  let receiver: WebhookReceiver;
  let postsReceiver: WebhookReceiver;

  beforeAll(async () => {
    clock.moveTo('2027-01-11T08:00:00Z');
    [feed, receiver] = await Promise.all([
      startFeedTestServer([
        { guid: 'a1', link: 'https://blog.test/1', title: 'Old post one' },
        { link: 'https://blog.test/2', title: 'Old post two, no guid' },
      ]),
      startWebhookReceiver(),
    ]);
    postsReceiver = await startWebhookReceiver();
    test = await openTestBigrock(dialect, {
      clock,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    // The account the rules' posts go to (nothing delivers them here: they wait in the queue).
    await test.bigrock.publishingAccounts.add({ network: 'webhook', url: postsReceiver.url });
  }, 60_000);
  afterAll(async () => {
    await test.cleanup();
    await Promise.all([feed.close(), receiver.close(), postsReceiver.close()]);
  });
  afterEach(async () => {
    await posts.forget();
    waits.length = 0;
  });

  const later = (minutes: number) => clock.advance(minutes * 60_000);

  it('polls a feed: the first poll posts nothing, a new item posts once, a 304 and a changed item nothing', async () => {
    const { rules } = test.bigrock;
    const { rule } = await rules.create({
      name: 'Blog to social',
      trigger: { kind: 'feed', url: feed.url },
      actions: [{ kind: 'post', template: 'New on the blog: {title} {link}', overrides: { bluesky: '{title}' } }],
    });

    const first = await rules.runDue();
    expect(first.runs.map((run) => [run.status, run.note])).toEqual([
      ['primed', 'First poll: 2 items marked seen; nothing posted.'],
    ]);
    expect(await posts.made()).toEqual([]);

    // Not due again until 15 minutes have passed; then a 304 that does nothing and leaves no run.
    expect((await rules.runDue()).runs).toEqual([]);
    later(15);
    expect((await rules.runDue()).runs).toEqual([]);
    expect(feed.requests.at(-1)).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"/) });
    expect(feed.requests.at(-1)?.ifModifiedSince).toBeDefined();

    feed.items.unshift({ guid: 'a3', link: 'https://blog.test/3', title: 'Fish & chips <3' });
    later(15);
    const second = await rules.runDue();
    expect(second.runs).toHaveLength(1);
    expect(await posts.made()).toEqual([
      {
        text: 'New on the blog: Fish & chips <3 https://blog.test/3',
        overrides: { bluesky: 'Fish & chips <3' },
        when: { kind: 'queue' },
      },
    ]);
    expect(second.runs[0]?.items[0]?.actions).toEqual([
      expect.objectContaining({
        kind: 'post',
        status: 'done',
        postId: expect.any(String),
        text: 'New on the blog: Fish & chips <3 https://blog.test/3',
      }),
    ]);

    later(15);
    expect((await rules.runDue()).runs).toEqual([]);
    // The same guid with a changed title is the same item: remembered by its guid, not its content.
    feed.items[0] = { guid: 'a3', link: 'https://blog.test/3-renamed', title: 'Fish and chips, corrected' };
    // The item without a guid is remembered by its link.
    later(15);
    expect((await rules.runDue()).runs).toEqual([]);
    expect(feed.requests.at(-1)?.status).toBe(200);
    expect(await posts.made()).toHaveLength(1);

    const runs = await rules.runs(rule.id);
    expect(runs.map((run) => run.status)).toEqual(['done', 'primed']);
    expect((await rules.get(rule.id)).checkedAt).toMatch(/^2027-01-11T/);
  });

  it('dry-runs a feed rule: says what it would post, posts nothing and leaves the seen items as they were', async () => {
    const { rules } = test.bigrock;
    feed.items.unshift({ guid: 'a4', link: 'https://blog.test/4', title: 'Launch day', categories: ['News'] });
    await test.bigrock.activities.create({ name: 'posts' });
    const { rule } = await rules.create({
      name: 'Launch news',
      trigger: { kind: 'feed', url: feed.url },
      filters: [{ kind: 'contains', field: 'title', value: 'launch' }],
      actions: [
        { kind: 'post', template: '{title}', when: 'now' },
        { kind: 'log', activity: 'posts' },
      ],
    });
    // Primed first (for real), then one more item comes.
    await rules.run(rule.id);
    feed.items.unshift({ guid: 'a5', link: 'https://blog.test/5', title: 'Launch, part two' });

    const dry = await rules.run(rule.id, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, status: 'done', note: '1 new item of 5 in the feed.' });
    expect(dry.items[0]?.actions.map((action) => [action.status, action.detail])).toEqual([
      ['would', 'Would post it now.'],
      ['would', expect.stringMatching(/^Would log 1 posts? on posts\.$/)],
    ]);
    expect(await posts.made()).toEqual([]);
    expect((await test.bigrock.activities.get('posts')).logs).toEqual([]);

    const real = await rules.run(rule.id);
    expect(real.items.map((item) => item.fields.title)).toEqual(['Launch, part two']);
    expect(await posts.made()).toEqual([{ text: 'Launch, part two', when: { kind: 'now' } }]);
    expect((await test.bigrock.activities.get('posts')).logs).toMatchObject([{ count: 1, note: 'Rule "Launch news"' }]);
  });

  it('records a filtered-out item with each filter’s verdict and no action', async () => {
    const { rules } = test.bigrock;
    const { rule } = await rules.create({
      name: 'Only news',
      trigger: { kind: 'feed', url: feed.url },
      filters: [
        { kind: 'category', value: 'news' },
        { kind: 'matches', field: 'title', pattern: '^launch' },
      ],
      actions: [{ kind: 'post', template: '{title}' }],
    });
    await rules.run(rule.id);
    feed.items.unshift({ guid: 'a6', link: 'https://blog.test/6', title: 'Launch recap', categories: ['Diary'] });
    const run = await rules.run(rule.id);
    expect(run.status).toBe('nothing');
    expect(run.items[0]).toMatchObject({ passed: false, actions: [] });
    expect(run.items[0]?.filters.map((entry) => entry.passed)).toEqual([false, true]);
    expect(await posts.made()).toEqual([]);
  });

  it('sends a signed webhook, trying again with backoff and the same webhook-id, each try recorded', async () => {
    const { rules, publishingAccounts } = test.bigrock;
    const { account, secret } = await publishingAccounts.add({ network: 'webhook', url: receiver.url });
    const { rule } = await rules.create({
      name: 'Tell the partner',
      trigger: { kind: 'schedule', everyMinutes: 60 },
      actions: [{ kind: 'webhook', accountId: account.id }],
    });
    receiver.answerNext(503);
    receiver.answerNext(429, { 'retry-after': '30' });
    const before = receiver.received.length;
    const run = await rules.run(rule.id);
    const outcome = run.items[0]?.actions[0];
    expect(outcome).toMatchObject({ kind: 'webhook', status: 'done', detail: expect.stringMatching(/try 3/) });
    expect(outcome?.tries?.map((attempt) => [attempt.status, attempt.ok])).toEqual([
      [503, false],
      [429, false],
      [204, true],
    ]);
    expect(waits).toEqual([2_000, 30_000]);
    const messages = receiver.received.slice(before);
    expect(new Set(messages.map((message) => message.headers['webhook-id'])).size).toBe(1);
    expect(outcome?.tries?.[0]?.webhookId).toBe(messages[0]?.headers['webhook-id']);
    // Signed as the standardwebhooks package signs (its verify reads the real clock; this test's is in 2027).
    for (const message of messages) {
      const at = new Date(Number(message.headers['webhook-timestamp']) * 1000);
      expect(message.headers['webhook-signature']).toBe(
        new Webhook(secret ?? '').sign(message.headers['webhook-id'] ?? '', at, message.body),
      );
    }
    expect(new Set(messages.map((message) => message.body)).size).toBe(1);
    const payload = JSON.parse(messages[2]?.body ?? '{}') as unknown;
    expect(payload).toMatchObject({
      type: 'rule.fired',
      data: { rule: { name: 'Tell the partner' }, item: { weekday: 'mon' } },
    });

    // Bounded: three tries, then the action fails and says why; a 4xx is not tried again.
    for (let index = 0; index < 3; index += 1) receiver.answerNext(500);
    const failed = await rules.run(rule.id);
    expect(failed.status).toBe('failed');
    expect(failed.items[0]?.actions[0]?.tries).toHaveLength(3);
    receiver.answerNext(410);
    const refused = await rules.run(rule.id);
    expect(refused.items[0]?.actions[0]?.tries).toHaveLength(1);
    expect(refused.items[0]?.actions[0]?.detail).toMatch(/410/);
  });

  it('fires a schedule once per due time, missed runs collapsing into one', async () => {
    const { rules } = test.bigrock;
    const { rule } = await rules.create({
      name: 'Hourly count',
      trigger: { kind: 'schedule', everyMinutes: 60 },
      actions: [{ kind: 'log', activity: 'posts', count: 2 }],
    });
    const logged = async () =>
      (await test.bigrock.activities.get('posts')).logs.filter((log) => log.count === 2).length;
    expect((await rules.runDue()).runs.filter((run) => run.ruleId === rule.id)).toEqual([]);
    later(5 * 60 + 30); // the machine was off for five hours
    const after = (await rules.runDue()).runs.filter((run) => run.ruleId === rule.id);
    expect(after).toHaveLength(1);
    expect(await logged()).toBe(1);
    expect((await rules.runDue()).runs.filter((run) => run.ruleId === rule.id)).toEqual([]);
    later(30);
    expect((await rules.runDue()).runs.filter((run) => run.ruleId === rule.id)).toHaveLength(1);
    expect(await logged()).toBe(2);
  });

  it('fires when a goal crosses from on track to behind, once per crossing', async () => {
    const { rules, goals } = test.bigrock;
    clock.moveTo('2027-02-01T12:00:00Z');
    const goal = await goals.create({
      title: 'Make 100 calls',
      target: 100,
      unit: 'calls',
      startDate: '2027-02-01',
      deadline: '2027-02-11',
    });
    await goals.logProgress(goal.id, { value: 10, date: '2027-02-01' });
    const { rule } = await rules.create({
      name: 'Behind on calls',
      trigger: { kind: 'pace', goal: goal.id },
      actions: [{ kind: 'post', template: '{name} is {status}: {actual} of {expected} {unit}' }],
    });
    const mine = async () => (await rules.runDue()).runs.filter((run) => run.ruleId === rule.id);
    expect(await mine()).toEqual([]); // the first check learns where it stands
    clock.moveTo('2027-02-04T12:00:00Z'); // 30 expected, 10 done: behind
    const fired = await mine();
    expect(fired).toHaveLength(1);
    expect((await posts.made()).map((post) => post.text)).toEqual(['Make 100 calls is behind: 10 of 30 calls']);
    clock.moveTo('2027-02-04T12:10:00Z');
    expect(await mine()).toEqual([]);
    await goals.logProgress(goal.id, { value: 30, date: '2027-02-04' }); // back on the line
    clock.moveTo('2027-02-04T12:20:00Z');
    expect(await mine()).toEqual([]);
    clock.moveTo('2027-02-07T12:20:00Z'); // 60 expected, 40 done: behind again
    expect(await mine()).toHaveLength(1);
    expect(await posts.made()).toHaveLength(2);
  });

  it('records a feed that keeps failing once, not at every poll', async () => {
    const { rules } = test.bigrock;
    const { rule } = await rules.create({
      name: 'Gone feed',
      trigger: { kind: 'feed', url: 'http://127.0.0.1:9/feed.xml', everyMinutes: 5 },
      actions: [{ kind: 'post', template: '{title}' }],
    });
    for (let poll = 0; poll < 3; poll += 1) {
      await rules.runDue();
      later(5);
    }
    const runs = await rules.runs(rule.id);
    expect(runs.map((run) => [run.status, run.note])).toEqual([
      ['failed', expect.stringMatching(/^The feed did not answer/)],
    ]);
    await rules.update(rule.id, { enabled: false });
  });

  it('fires when an activity falls behind, from the poller loop in the app', async () => {
    const { rules, activities } = test.bigrock;
    clock.moveTo('2027-03-01T12:00:00Z'); // a Monday
    await activities.create({ name: 'calls', rate: 10, ratePeriod: 'day', startDate: '2027-03-01' });
    await activities.log('calls', { count: 10, date: '2027-03-01' });
    const { rule } = await rules.create({
      name: 'Calls behind',
      trigger: { kind: 'pace', activity: 'calls' },
      actions: [{ kind: 'post', template: '{name}: {actual} of {expected} {unit}, {status}' }],
    });
    const poller = startRulePoller(rules, { intervalMs: 3_600_000 });
    try {
      await poller.tick(); // learns it is on track
      clock.moveTo('2027-03-04T12:00:00Z'); // 30 expected by Wednesday's end, 10 done
      await poller.tick();
      await poller.tick();
    } finally {
      await poller.stop();
    }
    const fired = (await rules.runs(rule.id)).filter((run) => run.status === 'done');
    expect(fired).toHaveLength(1);
    expect((await posts.made()).map((post) => post.text)).toEqual([
      expect.stringMatching(/^calls: 10 of 30 calls, behind$/),
    ]);
  });

  it('keeps the last 200 runs of a rule, and shows the last 50', async () => {
    const { rules, db } = test.bigrock;
    const { rule } = await rules.create({
      name: 'Busy',
      enabled: false,
      trigger: { kind: 'webhook' },
      actions: [{ kind: 'post', template: '{type}' }],
    });
    const first = await rules.run(rule.id, { dryRun: true });
    for (let index = 0; index < RUNS_KEPT; index += 1) {
      clock.advance(1); // each run its own millisecond: runs are ordered by when they started
      await rules.run(rule.id, { dryRun: true });
    }
    const stored = await db.selectFrom('rule_runs').select('id').where('rule_id', '=', rule.id).execute();
    expect(stored).toHaveLength(RUNS_KEPT);
    expect(stored.map((row) => row.id)).not.toContain(first.id);
    expect(await rules.runs(rule.id)).toHaveLength(50);
  }, 60_000);

  it('refuses a rule it could not run, naming the field, and saves nothing', async () => {
    const { rules } = test.bigrock;
    const count = (await rules.list()).length;
    const base = { name: 'Bad', trigger: { kind: 'feed', url: feed.url } };
    await expect(rules.create({ ...base, actions: [{ kind: 'post', template: 'x {titel}' }] })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'actions.0.template',
      message: expect.stringContaining('{titel} is not a field of a feed item: use {title}, {link}'),
    });
    await expect(
      rules.create({
        ...base,
        filters: [{ kind: 'matches', pattern: '(a+)+$' }],
        actions: [{ kind: 'post', template: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'invalid-input', field: 'filters.0.pattern' });
    await expect(
      rules.create({
        ...base,
        filters: [{ kind: 'matches', pattern: '(' }],
        actions: [{ kind: 'post', template: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'invalid-input', field: 'filters.0.pattern' });
    await expect(rules.create({ ...base, actions: [{ kind: 'webhook', accountId: 'nope' }] })).rejects.toMatchObject({
      field: 'actions.0.accountId',
    });
    await expect(rules.create({ ...base, actions: [{ kind: 'log', activity: 'nothing' }] })).rejects.toMatchObject({
      field: 'actions.0.activity',
    });
    await expect(
      rules.create({
        name: 'Blog to social',
        trigger: { kind: 'webhook' },
        actions: [{ kind: 'post', template: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'name' });
    expect(await rules.list()).toHaveLength(count);
  });

  it('backs up a rule, its hook secret only when asked, and restores it to run again', async () => {
    const { rules, backup } = test.bigrock;
    const { rule, secret } = await rules.create({
      name: 'From the shop',
      trigger: { kind: 'webhook' },
      actions: [{ kind: 'post', template: 'Sold: {product}' }],
    });
    expect(secret).toMatch(/^whsec_/);
    let text = '';
    for await (const chunk of backup.backup({ includeCredentials: true })) text += chunk;
    const tables = (JSON.parse(text) as { tables: Record<string, Array<Record<string, unknown>>> }).tables;
    expect(tables.rules?.find((row) => row.id === rule.id)?.hook_secret).toBe(`plain:${secret ?? ''}`);
    expect(Object.keys(tables)).not.toContain('rule_runs');
    await backup.restore(
      (async function* oneChunk() {
        yield text;
      })(),
    );
    expect((await rules.get(rule.id)).hookPath).toBe(`/api/v1/rules/${rule.id}/hook`);
  });
});
