import { reviewQuerySchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import type { ReviewService } from './review.service.js';

export function reviewRoutes(reviews: ReviewService): FastifyPluginAsyncZod {
  return async function registerReviewRoutes(app) {
    const tags = ['review'];
    app.get(
      '/review',
      {
        schema: {
          tags,
          summary:
            "A week's review: hours by class and activity against targets, goals' pace, funnel conversions, revenue and hourly value with their trend, wasters, triage suggestions, what to change next week",
          querystring: reviewQuerySchema,
        },
      },
      (request) => reviews.review(request.query),
    );
    app.get(
      '/review.pdf',
      {
        schema: {
          tags,
          summary: 'The same review as a PDF (real text, charts drawn), as a download',
          querystring: reviewQuerySchema,
        },
      },
      async (request, reply) => {
        const { bytes, filename } = await reviews.pdf(request.query);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      },
    );
  };
}
