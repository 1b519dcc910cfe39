import { activityRoiQuerySchema, auditQuerySchema, channelMappingInputSchema, channelNameSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AuditService } from './audit.service.js';

const channelParams = z.object({ channel: channelNameSchema });

export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
  return async function registerAuditRoutes(app) {
    const tags = ['audit'];
    app.get(
      '/audit',
      {
        schema: {
          tags,
          summary:
            'The time audit of a range: hours and revenue attributed per activity (the model named), effective rates, the wasters, hours by class per week, channels',
          querystring: auditQuerySchema,
        },
      },
      (request) => audit.auditOf(request.query),
    );
    app.get(
      '/audit/roi',
      {
        schema: {
          tags,
          summary:
            "One activity's return over a range: its hours and days, their worth at your rate, the clients and revenue credited",
          querystring: activityRoiQuerySchema,
        },
      },
      (request) => audit.roiOf(request.query),
    );
    app.get('/audit/channels', { schema: { tags, summary: 'The channels and the activities each maps to' } }, () =>
      audit.listChannels(),
    );
    app.put(
      '/audit/channels/:channel',
      {
        schema: {
          tags,
          summary: 'Map a channel to the activities whose hours feed it (replaces its list)',
          params: channelParams,
          body: channelMappingInputSchema,
        },
      },
      (request) => audit.setChannel(request.params.channel, request.body),
    );
    app.delete(
      '/audit/channels/:channel',
      { schema: { tags, summary: 'Remove a channel mapping', params: channelParams } },
      async (request, reply) => {
        await audit.removeChannel(request.params.channel);
        return reply.status(204).send();
      },
    );
  };
}
