import { textSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { ifNoneMatch } from '../../http/if-none-match.js';
import type { PostsFeedLinks, PostsFeedService } from './posts-feed.service.js';

const tokenQuery = z.object({
  token: textSchema.max(200).optional().describe("The feed's secret token, from GET /feeds/posts"),
});

/**
 * The published posts as RSS and Atom: their addresses (made, renewed and revoked with the
 * session), and the feeds, read by feed readers with the token in the address instead.
 */
export function postsFeedRoutes(feeds: PostsFeedService): FastifyPluginAsyncZod {
  return async function registerPostsFeedRoutes(app) {
    const tags = ['publishing'];
    const absolute = (links: PostsFeedLinks, host: string | undefined, protocol: string) => {
      const origin = `${protocol}://${host ?? 'localhost'}`;
      return { rss: `${origin}${links.rss}`, atom: `${origin}${links.atom}`, createdAt: links.createdAt };
    };

    app.get(
      '/feeds/posts',
      { schema: { tags, summary: "The posts feeds' addresses, or null when not made" } },
      async (request) => {
        const links = await feeds.current();
        return { feed: links === null ? null : absolute(links, request.headers.host, request.protocol) };
      },
    );

    app.post(
      '/feeds/posts',
      { schema: { tags, summary: "The posts feeds' addresses, made when there are none" } },
      async (request) => ({
        feed: absolute(await feeds.link(), request.headers.host, request.protocol),
      }),
    );

    app.post(
      '/feeds/posts/renew',
      { schema: { tags, summary: 'New addresses for the posts feeds; the old ones stop working' } },
      async (request) => ({ feed: absolute(await feeds.renew(), request.headers.host, request.protocol) }),
    );

    app.delete(
      '/feeds/posts',
      { schema: { tags, summary: "Revoke the posts feeds' addresses" } },
      async (_request, reply) => {
        await feeds.revoke();
        return reply.status(204).send();
      },
    );

    for (const format of ['rss', 'atom'] as const) {
      app.get(
        `/feeds/posts.${format}`,
        {
          config: { access: 'feed' },
          schema: {
            tags,
            summary: `The published posts as ${format === 'rss' ? 'RSS 2.0' : 'Atom 1.0'}, for feed readers: the token is the access`,
            querystring: tokenQuery,
          },
        },
        async (request, reply) => {
          const { text, etag } = await feeds.read(format, request.query.token, {
            siteUrl: `${request.protocol}://${request.headers.host ?? 'localhost'}`,
          });
          void reply.header('etag', etag).header('cache-control', 'no-cache');
          if (ifNoneMatch(request.headers['if-none-match'], etag)) return reply.status(304).send();
          return reply
            .type(format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8')
            .send(text);
        },
      );
    }
  };
}
