import type { Rule, RuleRun } from '@bigrock/core';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { startMastodonTestServer, type MastodonTestServer } from '../test-support/mastodon-test-server.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';
import { shiftedClock } from '../test-support/test-bigrock.js';

describe.each(dialects)('the rules API on %s', (dialect) => {
  const clock = shiftedClock();
  let api: TestApp;
  let mastodon: MastodonTestServer;
  let hookRule: Rule;
  let secret: string;
  /** The posts the rules made, oldest first (the posts service's own list). */
  const made = async () => (await api.bigrock.posts.list()).reverse();

  beforeAll(async () => {
    mastodon = await startMastodonTestServer({ clock });
    api = await openTestApp(dialect, { clock });
    await api.bigrock.publishingAccounts.add({ network: 'mastodon', instance: mastodon.url, token: mastodon.token });
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await mastodon.close();
  });

  /** A message signed as Standard Webhooks says, by the standardwebhooks package. */
  function signed(id: string, body: string, at = clock.now(), key = secret) {
    return {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': Math.floor(at.getTime() / 1000).toString(),
      'webhook-signature': new Webhook(key).sign(id, at, body),
    };
  }
  const hook = (url: string, headers: Record<string, string>, payload: string) =>
    api.send({ method: 'POST', url, headers, payload, session: false });

  it('makes, lists, finds by name, changes and removes a rule', async () => {
    const created = await api.send({
      method: 'POST',
      url: '/api/v1/rules',
      payload: {
        name: 'Weekly note',
        trigger: { kind: 'schedule', everyMinutes: 60 },
        actions: [{ kind: 'post', template: 'It is {weekday}' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const { rule } = created.json<{ rule: Rule }>();
    expect(rule).toMatchObject({ name: 'Weekly note', enabled: true, filters: [], hookPath: null, checkedAt: null });
    expect(created.json()).not.toHaveProperty('secret');

    const found = await api.send({ method: 'GET', url: '/api/v1/rules/Weekly%20note' });
    expect(found.json<Rule>().id).toBe(rule.id);
    const changed = await api.send({ method: 'PATCH', url: `/api/v1/rules/${rule.id}`, payload: { enabled: false } });
    expect(changed.json<{ rule: Rule }>().rule.enabled).toBe(false);
    expect((await api.send({ method: 'GET', url: '/api/v1/rules' })).json<Rule[]>().map((item) => item.name)).toEqual([
      'Weekly note',
    ]);

    const dry = await api.send({ method: 'POST', url: `/api/v1/rules/${rule.id}/run?dryRun=true` });
    expect(dry.statusCode).toBe(200);
    expect(dry.json<RuleRun>()).toMatchObject({ dryRun: true, source: 'manual', status: 'done' });
    expect(dry.json<RuleRun>().items[0]?.actions[0]).toMatchObject({
      status: 'would',
      text: expect.stringMatching(/^It is (mon|tue|wed|thu|fri|sat|sun)$/),
    });
    expect(await made()).toEqual([]);
    const runs = await api.send({ method: 'GET', url: `/api/v1/rules/${rule.id}/runs` });
    expect(runs.json<RuleRun[]>().map((run) => run.dryRun)).toEqual([true]);

    expect((await api.send({ method: 'DELETE', url: `/api/v1/rules/${rule.id}` })).statusCode).toBe(204);
    const gone = await api.send({ method: 'GET', url: `/api/v1/rules/${rule.id}/runs` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error: { code: 'not-found', field: 'id' } });
  });

  it('refuses bad rules with a 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [
        { name: 'x', trigger: { kind: 'feed', url: 'ftp://x' }, actions: [{ kind: 'post', template: 'x' }] },
        'trigger.url',
      ],
      [{ name: 'x', trigger: { kind: 'webhook' }, actions: [] }, 'actions'],
      [
        {
          name: 'x',
          trigger: { kind: 'webhook' },
          filters: [{ kind: 'matches', pattern: '(?<' }],
          actions: [{ kind: 'post', template: 'x' }],
        },
        'filters.0.pattern',
      ],
      [
        {
          name: 'x',
          trigger: { kind: 'webhook' },
          filters: [{ kind: 'matches', pattern: '(x+x+)+y' }],
          actions: [{ kind: 'post', template: 'x' }],
        },
        'filters.0.pattern',
      ],
      [
        { name: 'x', trigger: { kind: 'schedule', everyMinutes: 60 }, actions: [{ kind: 'post', template: '{title' }] },
        'actions.0.template',
      ],
      [
        {
          name: 'x',
          trigger: { kind: 'schedule', everyMinutes: 60 },
          actions: [{ kind: 'post', template: '{title}' }],
        },
        'actions.0.template',
      ],
      [{ name: 'x', trigger: { kind: 'schedule' }, actions: [{ kind: 'post', template: 'x' }] }, 'trigger.at'],
      [
        { name: 'x', trigger: { kind: 'pace', goal: 'nope' }, actions: [{ kind: 'post', template: 'x' }] },
        'trigger.goal',
      ],
    ];
    for (const [payload, field] of cases) {
      const response = await api.send({ method: 'POST', url: '/api/v1/rules', payload: payload as object });
      expect(response.statusCode, field).toBe(400);
      expect(response.json<{ error: { field: string } }>().error.field).toBe(field);
    }
    expect((await api.send({ method: 'GET', url: '/api/v1/rules' })).json()).toEqual([]);
  });

  it('takes a signed message without the session, once per webhook-id', async () => {
    const created = await api.send({
      method: 'POST',
      url: '/api/v1/rules',
      payload: {
        name: 'From the shop',
        trigger: { kind: 'webhook' },
        filters: [{ kind: 'tag', value: 'launch' }],
        actions: [{ kind: 'post', template: 'Sold: {product} ({type})', when: 'now' }],
      },
    });
    expect(created.statusCode).toBe(201);
    ({ rule: hookRule, secret } = created.json<{ rule: Rule; secret: string }>());
    expect(secret).toMatch(/^whsec_/);
    expect(hookRule.hookPath).toBe(`/api/v1/rules/${hookRule.id}/hook`);

    const body = JSON.stringify({
      type: 'order.paid',
      timestamp: clock.now().toISOString(),
      data: { product: 'Mug <b>', tags: ['launch'] },
    });
    const first = await hook(hookRule.hookPath ?? '', signed('msg_1', body), body);
    expect(first.statusCode).toBe(200);
    expect(first.json<{ duplicate: boolean; run: RuleRun }>()).toMatchObject({
      duplicate: false,
      run: {
        source: 'hook',
        status: 'done',
        items: [{ key: 'msg_1', fields: { product: 'Mug <b>', type: 'order.paid' } }],
      },
    });
    expect((await made()).map((post) => post.text)).toEqual(['Sold: Mug <b> (order.paid)']);

    const again = await hook(hookRule.hookPath ?? '', signed('msg_1', body), body);
    expect(again.json()).toEqual({ duplicate: true, run: null });
    expect(await made()).toHaveLength(1);
  });

  it('refuses a message that does not verify with 401, whatever is wrong with it', async () => {
    const path = hookRule.hookPath ?? '';
    const body = JSON.stringify({ type: 'order.paid', data: { product: 'Cup' } });
    const old = new Date(clock.now().getTime() - 6 * 60_000);
    const attempts: Array<[string, Record<string, string>, string]> = [
      ['another secret', signed('msg_2', body, clock.now(), 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'), body],
      ['a changed body', signed('msg_2', body), `${body} `],
      ['older than 5 minutes', signed('msg_2', body, old), body],
      ['from the future', signed('msg_2', body, new Date(clock.now().getTime() + 6 * 60_000)), body],
      ['no headers', { 'content-type': 'application/json' }, body],
    ];
    for (const [why, headers, payload] of attempts) {
      const response = await hook(path, headers, payload);
      expect(response.statusCode, why).toBe(401);
      expect(response.json(), why).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    // A rule that is not there, or not a webhook rule, answers the same.
    expect((await hook('/api/v1/rules/nothere/hook', signed('msg_2', body), body)).statusCode).toBe(401);
    expect(await made()).toHaveLength(1);
    // Signed but not JSON: the message is wrong, not its sender.
    expect((await hook(path, signed('msg_3', 'not json'), 'not json')).statusCode).toBe(400);
  });

  it('reaches the hook by a percent-encoded path too, and nothing else without the session', async () => {
    const body = JSON.stringify({ type: 'order.paid', data: { product: 'Plate', tags: ['launch'] } });
    for (const [index, url] of [
      `/%61pi/v1/rules/${hookRule.id}/hook`,
      `/api/v1/rules/${hookRule.id}/%68ook`,
    ].entries()) {
      const response = await hook(url, signed(`msg_enc_${index}`, body), body);
      expect(response.statusCode, url).toBe(200);
      // The bad signature by the same spelling is refused as on the plain path.
      expect(
        (await hook(url, signed(`msg_bad_${index}`, body, clock.now(), 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'), body))
          .statusCode,
      ).toBe(401);
    }
    expect((await made()).slice(1).map((post) => post.text)).toEqual([
      'Sold: Plate (order.paid)',
      'Sold: Plate (order.paid)',
    ]);
    for (const url of ['/%61pi/v1/rules', `/%61pi/v1/rules/${hookRule.id}/run`, `/api/v1/rules/${hookRule.id}/%72un`]) {
      const response = await api.send({ method: 'POST', url, payload: {}, session: false });
      expect(response.statusCode, url).toBe(401);
    }
    expect(
      (await api.send({ method: 'GET', url: `/api/v1/rules/${hookRule.id}/runs`, session: false })).statusCode,
    ).toBe(401);
  });

  it('serves the published posts as RSS and Atom to a reader with the token, and to no one without it', async () => {
    // A post sent now and delivered to the Mastodon stand-in: published, with its page there.
    const post = await api.bigrock.posts.create({ text: 'Fish & chips < 5 € 👋🏽 שלום', when: { kind: 'now' } });
    await api.bigrock.deliveries.runDue();
    const [delivered] = (await api.bigrock.posts.get(post.id)).deliveries;
    expect(delivered).toMatchObject({ status: 'posted', remoteUrl: expect.stringContaining(mastodon.url) });
    expect((await api.send({ method: 'GET', url: '/api/v1/feeds/posts' })).json()).toEqual({ feed: null });
    const made = await api.send({ method: 'POST', url: '/api/v1/feeds/posts' });
    const { feed } = made.json<{ feed: { rss: string; atom: string } }>();
    expect(feed.rss).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/feeds\/posts\.rss\?token=[\w-]{43}$/);
    const local = (url: string) => url.replace(/^http:\/\/[^/]+/, '');

    const rss = await api.send({ method: 'GET', url: local(feed.rss), session: false });
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    // Every published post, latest first: the one just sent, and any the rules' posts sent before it.
    const posted = await api.bigrock.posts.list({ status: 'posted' });
    expect(posted[0]?.id).toBe(post.id);
    expect(parseRssFeed(rss.body).items?.map((item) => item.title)).toEqual(posted.map((one) => one.text));
    const atom = await api.send({ method: 'GET', url: local(feed.atom), session: false });
    expect(parseAtomFeed(atom.body).entries?.[0]?.links?.[0]?.href).toBe(delivered?.remoteUrl);

    const etag = String(rss.headers.etag);
    const unchanged = await api.send({
      method: 'GET',
      url: local(feed.rss),
      session: false,
      headers: { 'if-none-match': etag },
    });
    expect(unchanged.statusCode).toBe(304);

    for (const url of [
      '/api/v1/feeds/posts.rss',
      '/api/v1/feeds/posts.rss?token=nope',
      '/api/v1/feeds/posts.atom?token=',
    ]) {
      const response = await api.send({ method: 'GET', url, session: false });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('<rss');
    }
    const renewed = (await api.send({ method: 'POST', url: '/api/v1/feeds/posts/renew' })).json<{
      feed: { rss: string };
    }>();
    expect((await api.send({ method: 'GET', url: local(feed.rss), session: false })).statusCode).toBe(404);
    expect((await api.send({ method: 'GET', url: local(renewed.feed.rss), session: false })).statusCode).toBe(200);
    expect((await api.send({ method: 'DELETE', url: '/api/v1/feeds/posts' })).statusCode).toBe(204);
    expect((await api.send({ method: 'GET', url: local(renewed.feed.rss), session: false })).statusCode).toBe(404);
  });
});
