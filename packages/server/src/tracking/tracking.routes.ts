import {
  bucketUnits,
  calendarDateSchema,
  continueTimerSchema,
  createEntrySchema,
  createOutcomeSchema,
  entryFilterOf,
  entryFilterQuerySchema,
  editTimerSchema,
  idSchema,
  resolveIdleSchema,
  splitEntrySchema,
  startTimerSchema,
  updateEntrySchema,
} from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { deletedItemDescription, sendDeleted } from '../undo/send-deleted.js';
import type { OutcomeService } from './outcome.service.js';
import type { TimeEntryService } from './time-entry.service.js';

const idParams = z.object({ id: idSchema });
export const dayRangeQuery = z.object({
  from: calendarDateSchema
    .optional()
    .describe('The first day, in the workspace time zone; a week before `to` by default'),
  to: calendarDateSchema.optional().describe('The last day, included; today by default'),
});
const entriesQuery = dayRangeQuery.extend(entryFilterQuerySchema.shape);
const summaryQuery = entriesQuery.extend({
  unit: z.enum(bucketUnits).optional().describe('Add up by day (default), ISO week or month'),
});

export function trackingRoutes(entries: TimeEntryService, outcomes: OutcomeService): FastifyPluginAsyncZod {
  return async function registerTrackingRoutes(app) {
    const tags = ['tracking'];

    app.get('/timer', { schema: { tags, summary: 'The running timer, or null' } }, async () => ({
      running: await entries.timer(),
    }));
    app.post(
      '/timer/start',
      { schema: { tags, summary: 'Start a timer; the running one stops', body: startTimerSchema } },
      async (request, reply) => reply.status(201).send(await entries.startTimer(request.body)),
    );
    app.post('/timer/stop', { schema: { tags, summary: 'Stop the running timer' } }, () => entries.stopTimer());
    app.post(
      '/timer/idle',
      {
        schema: {
          tags,
          summary:
            'Take idle time out of the running timer: stop it when the idle time began, then start it again (discard), or log the idle time apart and start it again (split), or leave it stopped (stop)',
          body: resolveIdleSchema,
        },
      },
      (request) => entries.resolveIdle(request.body),
    );
    app.post(
      '/timer/continue',
      {
        schema: {
          tags,
          summary: "Start again an entry's activity, tags and note (the last stopped entry by default)",
          body: continueTimerSchema.nullish(),
        },
      },
      async (request, reply) => reply.status(201).send(await entries.continueTimer(request.body ?? {})),
    );
    app.patch(
      '/timer',
      { schema: { tags, summary: "Change the running timer's start", body: editTimerSchema } },
      (request) => entries.editTimer(request.body),
    );
    app.get(
      '/activity-names',
      {
        schema: {
          tags,
          summary: "Activity names to offer as one is typed: the latest entries', the activities', then the others",
        },
      },
      async () => ({ names: await entries.activityNames() }),
    );

    app.get(
      '/entries',
      {
        schema: {
          tags,
          summary: 'Time entries that overlap the days, in start order; of a client, a project, billable or not',
          querystring: entriesQuery,
        },
      },
      (request) => entries.list(request.query, entryFilterOf(request.query)),
    );
    app.post(
      '/entries',
      { schema: { tags, summary: 'Add a time entry by hand', body: createEntrySchema } },
      async (request, reply) => reply.status(201).send(await entries.add(request.body)),
    );
    app.get(
      '/entries/summary',
      { schema: { tags, summary: 'Time by day, week or month, per activity', querystring: summaryQuery } },
      (request) => entries.summary(request.query, entryFilterOf(request.query)),
    );
    app.get(
      '/entries/review',
      { schema: { tags, summary: 'The review inbox: gaps, overlaps, very long entries', querystring: dayRangeQuery } },
      (request) => entries.review(request.query),
    );
    app.get('/entries/:id', { schema: { tags, summary: 'A time entry', params: idParams } }, (request) =>
      entries.get(request.params.id),
    );
    app.patch(
      '/entries/:id',
      { schema: { tags, summary: 'Change a time entry', params: idParams, body: updateEntrySchema } },
      (request) => entries.update(request.params.id, request.body),
    );
    app.post(
      '/entries/:id/split',
      {
        schema: { tags, summary: 'Split a time entry in two at an instant', params: idParams, body: splitEntrySchema },
      },
      async (request, reply) => reply.status(201).send(await entries.split(request.params.id, request.body)),
    );
    app.delete(
      '/entries/:id',
      { schema: { tags, summary: 'Delete a time entry', description: deletedItemDescription, params: idParams } },
      async (request, reply) => sendDeleted(reply, await entries.remove(request.params.id)),
    );

    app.get(
      '/outcomes',
      { schema: { tags, summary: 'Revenue, clients and leads dated in the days', querystring: dayRangeQuery } },
      (request) => outcomes.list(request.query),
    );
    app.post(
      '/outcomes',
      { schema: { tags, summary: 'Record revenue, a client or leads', body: createOutcomeSchema } },
      async (request, reply) => reply.status(201).send(await outcomes.add(request.body)),
    );
    app.delete(
      '/outcomes/:id',
      { schema: { tags, summary: 'Delete an outcome', description: deletedItemDescription, params: idParams } },
      async (request, reply) => sendDeleted(reply, await outcomes.remove(request.params.id)),
    );
  };
}
