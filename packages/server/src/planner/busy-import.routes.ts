import { isoWeekSchema, textSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { BusyImportService } from './busy-import.service.js';

const busyQuery = z.object({
  week: isoWeekSchema.optional().describe('The first week to import; this week by default'),
  weeks: textSchema
    .regex(/^\d{1,2}$/, { message: 'must be a whole number of weeks from 1 to 12' })
    .optional()
    .describe('How many weeks from it (1 to 12); 1 by default'),
  fileName: textSchema.max(200).optional().describe('The name of the file, shown on its blocks'),
});

/**
 * Busy time from a calendar: the .ics file is the request body (any content type), made fixed
 * meeting blocks of the weeks asked for. In a scope of its own, which reads every body as text.
 */
export function busyImportRoutes(busy: BusyImportService): FastifyPluginAsyncZod {
  return async function registerBusyImportRoutes(app) {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    app.post(
      '/planner/busy',
      {
        schema: {
          tags: ['planner'],
          summary: 'Import busy time from an iCalendar file (the body) as fixed meeting blocks',
          querystring: busyQuery,
        },
      },
      async (request) => {
        const text = typeof request.body === 'string' ? request.body : '';
        return busy.importBusy(
          (async function* body() {
            yield text;
          })(),
          {
            week: request.query.week,
            weeks: request.query.weeks === undefined ? undefined : Number(request.query.weeks),
            fileName: request.query.fileName,
          },
        );
      },
    );
  };
}
