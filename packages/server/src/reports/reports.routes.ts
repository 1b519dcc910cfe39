import { hoursReportQuerySchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import type { ReportService } from './report.service.js';

export function reportRoutes(reports: ReportService): FastifyPluginAsyncZod {
  return async function registerReportRoutes(app) {
    app.get(
      '/reports/hours',
      {
        schema: {
          tags: ['reports'],
          summary:
            'Hours of a range (range= or from= and to=) by activity, class, tag, source, week or heatmap; as CSV with format=csv or Accept: text/csv',
          querystring: hoursReportQuerySchema,
        },
      },
      async (request, reply) => {
        const csv =
          request.query.format === 'csv' ||
          (request.query.format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''));
        if (!csv) return reports.hours(request.query);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="bigrock-hours.csv"')
          .send(await reports.hoursCsv(request.query));
      },
    );
  };
}
