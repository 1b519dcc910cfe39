import {
  calendarDateSchema,
  createGoalSchema,
  editDataPointSchema,
  idSchema,
  logProgressSchema,
  updateGoalSchema,
} from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { ReadCache } from '../http/read-cache.js';
import { deletedItemDescription, sendDeleted } from '../undo/send-deleted.js';
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

export function goalRoutes(goals: GoalService, cache: ReadCache): FastifyPluginAsyncZod {
  return async function registerGoalRoutes(app) {
    const tags = ['goals'];

    app.get(
      '/goals',
      { schema: { tags, summary: 'Goals with their pace, check and chart series', querystring: listQuery } },
      async (request, reply) => {
        const options = { archived: request.query.archived === 'true', asOf: request.query.asOf };
        // Pace and checks depend on the data and on today's date, nothing else.
        const key = JSON.stringify(['goals', await goals.today(), options]);
        return cache.send(request, reply, key, () => goals.list(options));
      },
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

    app.patch(
      '/points/:id',
      {
        schema: {
          tags,
          summary: 'Change a logged data point: date, value or note',
          params: idParams,
          body: editDataPointSchema,
        },
      },
      (request) => goals.editDataPoint(request.params.id, request.body),
    );

    app.delete(
      '/points/:id',
      {
        schema: {
          tags,
          summary: 'Delete a logged data point',
          description: deletedItemDescription,
          params: idParams,
        },
      },
      async (request, reply) => sendDeleted(reply, await goals.deleteDataPoint(request.params.id)),
    );
  };
}
