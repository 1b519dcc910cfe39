import {
  activityBreakSchema,
  calendarDateSchema,
  createActivitySchema,
  idSchema,
  logActivitySchema,
  updateActivitySchema,
} from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { deletedItemDescription, sendDeleted } from '../undo/send-deleted.js';
import type { ActivityService } from './activity.service.js';

const activityParams = z.object({ id: idSchema.describe('The id of the activity, or its name') });
const idParams = z.object({ id: idSchema });
const asOfQuery = z.object({
  asOf: calendarDateSchema
    .optional()
    .describe('The day to measure pace on; today in the workspace time zone when left out'),
});

export function activityRoutes(activities: ActivityService): FastifyPluginAsyncZod {
  return async function registerActivityRoutes(app) {
    const tags = ['activities'];

    app.get(
      '/activities',
      { schema: { tags, summary: 'Activities with their hours a week and pace', querystring: asOfQuery } },
      (request) => activities.list({ asOf: request.query.asOf }),
    );

    app.post(
      '/activities',
      { schema: { tags, summary: 'Add a lead activity', body: createActivitySchema } },
      async (request, reply) => reply.status(201).send(await activities.create(request.body)),
    );

    app.get(
      '/activities/:id',
      {
        schema: {
          tags,
          summary: 'An activity with pace, logs, breaks and chart series',
          params: activityParams,
          querystring: asOfQuery,
        },
      },
      (request) => activities.get(request.params.id, { asOf: request.query.asOf }),
    );

    app.patch(
      '/activities/:id',
      {
        schema: {
          tags,
          summary: 'Change some fields of an activity',
          params: activityParams,
          body: updateActivitySchema,
        },
      },
      (request) => activities.update(request.params.id, request.body),
    );

    app.delete(
      '/activities/:id',
      { schema: { tags, summary: 'Delete an activity and its logs', params: activityParams } },
      async (request, reply) => {
        await activities.delete(request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/activities/:id/logs',
      { schema: { tags, summary: 'Log a count: "8 calls"', params: activityParams, body: logActivitySchema } },
      async (request, reply) => reply.status(201).send(await activities.log(request.params.id, request.body)),
    );

    app.delete(
      '/activity-logs/:id',
      { schema: { tags, summary: 'Delete a logged count', description: deletedItemDescription, params: idParams } },
      async (request, reply) => sendDeleted(reply, await activities.deleteLog(request.params.id)),
    );

    app.post(
      '/activities/:id/breaks',
      {
        schema: {
          tags,
          summary: 'Plan a break: the pace line waits over it',
          params: activityParams,
          body: activityBreakSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await activities.addBreak(request.params.id, request.body)),
    );

    app.delete(
      '/activity-breaks/:id',
      { schema: { tags, summary: 'Delete a planned break', params: idParams } },
      async (request, reply) => {
        await activities.deleteBreak(request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
