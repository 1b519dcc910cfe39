import { createTriageTaskSchema, idSchema, triageOverrideSchema, updateTriageTaskSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { TriageService } from './triage.service.js';

const taskParams = z.object({ id: idSchema.describe('The id of the triage task') });

export function triageRoutes(triage: TriageService): FastifyPluginAsyncZod {
  return async function registerTriageRoutes(app) {
    const tags = ['triage'];

    app.get('/triage/tasks', { schema: { tags, summary: 'The recurring tasks to triage' } }, () => triage.list());

    app.post(
      '/triage/tasks',
      {
        schema: {
          tags,
          summary: 'Add a recurring task: hours (estimated, or an activity to measure), energy, money',
          body: createTriageTaskSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await triage.create(request.body)),
    );

    app.get('/triage/tasks/:id', { schema: { tags, summary: 'A recurring task', params: taskParams } }, (request) =>
      triage.get(request.params.id),
    );

    app.patch(
      '/triage/tasks/:id',
      {
        schema: { tags, summary: 'Change some fields of a task', params: taskParams, body: updateTriageTaskSchema },
      },
      (request) => triage.update(request.params.id, request.body),
    );

    app.delete(
      '/triage/tasks/:id',
      { schema: { tags, summary: 'Remove a task from triage', params: taskParams } },
      async (request, reply) => {
        await triage.remove(request.params.id);
        return reply.status(204).send();
      },
    );

    app.put(
      '/triage/tasks/:id/override',
      {
        schema: {
          tags,
          summary: 'Override the recommendation: the action to take instead, and why',
          params: taskParams,
          body: triageOverrideSchema,
        },
      },
      (request) => triage.override(request.params.id, request.body),
    );

    app.delete(
      '/triage/tasks/:id/override',
      { schema: { tags, summary: 'Follow the recommendation again', params: taskParams } },
      (request) => triage.clearOverride(request.params.id),
    );

    app.get(
      '/triage/plan',
      {
        schema: {
          tags,
          summary:
            'Each task’s recommendation (drop, automate, delegate, batch, produce) and why, with the hours and money it frees a month; the totals; the rules',
        },
      },
      () => triage.plan(),
    );
  };
}
