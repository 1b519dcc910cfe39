import { abandonFocusSchema, focusStatsQuerySchema, interruptFocusSchema, startFocusSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import type { FocusService } from './focus.service.js';

/** The focus session: start, interrupt, pause, resume, done, abandon, the current one, and statistics. */
export function focusRoutes(focus: FocusService): FastifyPluginAsyncZod {
  return async function registerFocusRoutes(app) {
    const tags = ['focus'];
    const write = { access: 'write' } as const;

    app.get(
      '/focus/current',
      {
        schema: {
          tags,
          summary: "The open focus session (or null), the planned length a new one takes, and today's big rock",
        },
        config: { access: 'read' },
      },
      () => focus.current(),
    );

    app.post(
      '/focus/start',
      {
        schema: {
          tags,
          summary: "Start a focus session on today's big rock, a block or an activity; any running timer stops",
          body: startFocusSchema,
        },
        config: write,
      },
      async (request, reply) => reply.status(201).send(await focus.start(request.body)),
    );

    app.post(
      '/focus/interrupt',
      {
        schema: {
          tags,
          summary: 'Log an interruption (internal or external) without stopping',
          body: interruptFocusSchema,
        },
        config: write,
      },
      async (request, reply) => reply.status(201).send(await focus.interrupt(request.body)),
    );

    app.post(
      '/focus/pause',
      { schema: { tags, summary: 'Pause the session: its time entry stops until it resumes' }, config: write },
      () => focus.pause(),
    );

    app.post(
      '/focus/resume',
      { schema: { tags, summary: 'Resume the session: a new time entry of it starts' }, config: write },
      () => focus.resume(),
    );

    app.post('/focus/done', { schema: { tags, summary: 'Finish the session' }, config: write }, () => focus.done());

    app.post(
      '/focus/abandon',
      { schema: { tags, summary: 'Abandon the session, saying why', body: abandonFocusSchema }, config: write },
      (request) => focus.abandon(request.body),
    );

    app.get(
      '/focus/stats',
      {
        schema: {
          tags,
          summary:
            'Focus a day, sessions finished and abandoned, interruptions an hour, and the weekday × hour heatmap',
          querystring: focusStatsQuerySchema,
        },
        config: { access: 'read' },
      },
      (request) => focus.stats(request.query),
    );
  };
}
