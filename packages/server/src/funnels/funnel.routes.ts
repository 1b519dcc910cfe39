import {
  calendarDateSchema as calendarDate,
  createFunnelSchema,
  funnelTemplates,
  idSchema,
  planSchema,
  updateFunnelSchema,
} from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { FunnelService } from './funnel.service.js';

const funnelParams = z.object({ id: idSchema.describe('The id of the funnel, or its name') });
const asOfQuery = z.object({
  asOf: calendarDate
    .optional()
    .describe('Learn from what was logged up to this day and plan what is left from it; today by default'),
});
const templateQuery = z.object({
  start: calendarDate.optional().describe('The first day of the twelve weeks; today by default'),
});

export function funnelRoutes(funnels: FunnelService): FastifyPluginAsyncZod {
  return async function registerFunnelRoutes(app) {
    const tags = ['funnels'];

    app.get('/funnels', { schema: { tags, summary: 'Funnels with their stages' } }, () => funnels.list());

    app.post(
      '/funnels',
      {
        schema: { tags, summary: 'Add a funnel; stages name activities, made when missing', body: createFunnelSchema },
      },
      async (request, reply) => reply.status(201).send(await funnels.create(request.body)),
    );

    app.get('/funnels/:id', { schema: { tags, summary: 'A funnel', params: funnelParams } }, (request) =>
      funnels.find(request.params.id),
    );

    app.patch(
      '/funnels/:id',
      {
        schema: {
          tags,
          summary: 'Change a funnel; stages replace the stages',
          params: funnelParams,
          body: updateFunnelSchema,
        },
      },
      (request) => funnels.update(request.params.id, request.body),
    );

    app.delete(
      '/funnels/:id',
      { schema: { tags, summary: 'Delete a funnel', params: funnelParams } },
      async (request, reply) => {
        await funnels.delete(request.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/funnels/:id/solve',
      {
        schema: {
          tags,
          summary:
            'The rates each stage needs, the hours, feasibility, trade-offs, probability and learned conversions',
          params: funnelParams,
          querystring: asOfQuery,
        },
      },
      (request) => funnels.solve(request.params.id, { asOf: request.query.asOf }),
    );

    app.post(
      '/funnels/:id/apply',
      {
        schema: {
          tags,
          summary: "Make the solved rates the stage activities' target rates, linked to the funnel's goal",
          params: funnelParams,
          querystring: asOfQuery,
        },
      },
      (request) => funnels.apply(request.params.id, { asOf: request.query.asOf }),
    );

    app.post(
      '/plans/solve',
      { schema: { tags, summary: 'Solve a plan given whole, in the format of a plan file', body: planSchema } },
      (request) => funnels.solvePlan(request.body),
    );

    app.get(
      '/funnel-templates',
      { schema: { tags, summary: 'Ready-made funnels as plans over twelve weeks', querystring: templateQuery } },
      async (request) => {
        const start = request.query.start ?? (await funnels.today());
        return funnelTemplates().map(({ key, title, description, plan }) => ({
          key,
          title,
          description,
          plan: plan(start),
        }));
      },
    );
  };
}
