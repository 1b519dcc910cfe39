import { calendarDateSchema, createGoalSchema, idSchema, logProgressSchema, updateGoalSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { GoalService } from './goal.service.js';

const idParams = z.object({ id: idSchema });
const asOfQuery = z.object({
  asOf: calendarDateSchema
    .optional()
    .describe('The day to measure pace on; today in the workspace time zone when left out'),
});
const listQuery = asOfQuery.extend({
  archived: z.enum(['true', 'false']).optional().describe('true lists archived goals instead of active ones'),
});

export function goalRoutes(goals: GoalService): FastifyPluginAsyncZod {
  return async function registerGoalRoutes(app) {
    const tags = ['goals'];

    app.get(
      '/goals',
      { schema: { tags, summary: 'Goals with their pace, check and chart series', querystring: listQuery } },
      (request) => goals.list({ archived: request.query.archived === 'true', asOf: request.query.asOf }),
    );

    app.get(
      '/goal-sources',
      { schema: { tags, summary: 'What a goal can be fed from: activities, time entries’ names and tags, channels' } },
      () => goals.sourceChoices(),
    );

    app.post('/goals', { schema: { tags, summary: 'Create a goal', body: createGoalSchema } }, async (request, reply) =>
      reply.status(201).send(await goals.create(request.body)),
    );

    app.get(
      '/goals/:id',
      {
        schema: {
          tags,
          summary: 'A goal with pace, check, series and data points',
          params: idParams,
          querystring: asOfQuery,
        },
      },
      (request) => goals.get(request.params.id, { asOf: request.query.asOf }),
    );

    app.patch(
      '/goals/:id',
      { schema: { tags, summary: 'Change some fields of a goal', params: idParams, body: updateGoalSchema } },
      (request) => goals.update(request.params.id, request.body),
    );

    app.post('/goals/:id/archive', { schema: { tags, summary: 'Archive a goal', params: idParams } }, (request) =>
      goals.archive(request.params.id),
    );

    app.post(
      '/goals/:id/unarchive',
      { schema: { tags, summary: 'Bring back an archived goal', params: idParams } },
      (request) => goals.unarchive(request.params.id),
    );

    app.get('/goals/:id/check', { schema: { tags, summary: 'The SMARTER goal check', params: idParams } }, (request) =>
      goals.check(request.params.id),
    );

    app.post(
      '/goals/:id/points',
      { schema: { tags, summary: 'Log progress', params: idParams, body: logProgressSchema } },
      async (request, reply) => reply.status(201).send(await goals.logProgress(request.params.id, request.body)),
    );

    app.delete(
      '/points/:id',
      { schema: { tags, summary: 'Delete a logged data point', params: idParams } },
      async (request, reply) => {
        await goals.deleteDataPoint(request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
