import { textSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { ifNoneMatch } from '../http/if-none-match.js';
import type { CalendarFeedLink, CalendarFeedService } from './calendar-feed.service.js';

const fileParams = z.object({
  file: textSchema.max(200).describe("The feed's secret token followed by .ics"),
});

/**
 * The calendar feed: its address (made, renewed and revoked with the session) and the feed
 * itself, read by calendar apps with the token in the address instead of the session.
 */
export function calendarFeedRoutes(feeds: CalendarFeedService): FastifyPluginAsyncZod {
  return async function registerCalendarFeedRoutes(app) {
    const tags = ['planner'];
    const withUrl = (link: CalendarFeedLink, host: string | undefined, protocol: string) => ({
      ...link,
      url: `${protocol}://${host ?? 'localhost'}${link.path}`,
    });

    app.get(
      '/planner/feed',
      { schema: { tags, summary: "The calendar feed's address, or null when it has none" } },
      async (request) => {
        const link = await feeds.current();
        return { feed: link === null ? null : withUrl(link, request.headers.host, request.protocol) };
      },
    );

    app.post(
      '/planner/feed',
      { schema: { tags, summary: "The calendar feed's address, made when it has none" } },
      async (request) => ({ feed: withUrl(await feeds.link(), request.headers.host, request.protocol) }),
    );

    app.post(
      '/planner/feed/renew',
      { schema: { tags, summary: 'A new address for the calendar feed; the old one stops working' } },
      async (request) => ({ feed: withUrl(await feeds.renew(), request.headers.host, request.protocol) }),
    );

    app.delete(
      '/planner/feed',
      { schema: { tags, summary: "Revoke the calendar feed's address" } },
      async (_request, reply) => {
        await feeds.revoke();
        return reply.status(204).send();
      },
    );

    app.get(
      '/planner/feed/:file',
      {
        config: { access: 'feed' },
        schema: {
          tags,
          summary: 'The plan as iCalendar (4 weeks back, 8 ahead), for calendar apps: the token is the access',
          params: fileParams,
        },
      },
      async (request, reply) => {
        const { text, etag } = await feeds.read(request.params.file);
        void reply.header('etag', etag).header('cache-control', 'no-cache');
        if (ifNoneMatch(request.headers['if-none-match'], etag)) return reply.status(304).send();
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'inline; filename="bigrock.ics"')
          .send(text);
      },
    );
  };
}
