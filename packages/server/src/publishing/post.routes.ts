import {
  createPostSchema,
  idSchema,
  isoWeekSchema,
  MAX_IMAGE_BYTES,
  MAX_POST_IMAGES,
  updatePostSchema,
} from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { altTextSettingSchema, postListQuerySchema, queueSettingsSchema, type PostService } from './post.service.js';

const idParams = z.object({ id: idSchema.describe("The post's id") });
const mediaParams = z.object({
  id: idSchema.describe("The post's id"),
  mediaId: idSchema.describe("The image's id, from the post's media"),
});

/**
 * The body limit of the routes that take a post with its images in base64 (4 × 8 MB is 44.7 MB of
 * base64): above the app's 10 MB, for these two routes only.
 */
const POST_BODY_LIMIT = Math.ceil((MAX_POST_IMAGES * MAX_IMAGE_BYTES * 4) / 3) + 4 * 1024 * 1024;
const weekQuery = z.object({
  week: isoWeekSchema.optional().describe('The ISO week, such as 2027-W03; this week by default'),
});

/** Posts (compose, list, show, edit or move, delete, send now) and the queue (slots, pause, resume, the week). */
export function postRoutes(posts: PostService): FastifyPluginAsyncZod {
  return async function registerPostRoutes(app) {
    const tags = ['publishing'];

    app.post(
      '/posts',
      {
        bodyLimit: POST_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Compose a post to the given accounts (all by default): in the next free slot of the queue, at a time, or now; a text too long for a network is a 400 that says by how much; images in `media` as base64, with alt text (required unless turned off: PUT /queue/alt-text)',
          body: createPostSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await posts.create(request.body)),
    );

    app.get(
      '/posts',
      {
        schema: {
          tags,
          summary: 'Posts, newest time first; ?status=missed is the Missed list',
          querystring: postListQuerySchema,
        },
      },
      (request) => posts.list(request.query),
    );

    app.get(
      '/posts/:id',
      {
        schema: {
          tags,
          summary: "A post with each target's status, remote URL, reason and attempts",
          params: idParams,
        },
      },
      (request) => posts.get(request.params.id),
    );

    app.get(
      '/posts/:id/media/:mediaId',
      {
        schema: {
          tags,
          summary: "One of a post's images, its bytes with its type, for a preview",
          params: mediaParams,
        },
      },
      async (request, reply) => {
        const image = await posts.image(request.params.id, request.params.mediaId);
        return reply
          .header('content-type', image.mimeType)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .send(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength));
      },
    );

    app.patch(
      '/posts/:id',
      {
        bodyLimit: POST_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Edit a post not yet sent, or move it (to the next free slot, a time, or now); `media` given replaces its images (keep one by its id)',
          params: idParams,
          body: updatePostSchema,
        },
      },
      (request) => posts.update(request.params.id, request.body),
    );

    app.delete(
      '/posts/:id',
      { schema: { tags, summary: 'Delete a post: what is not yet sent is cancelled, for sure', params: idParams } },
      async (request, reply) => {
        await posts.remove(request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/posts/:id/send-now',
      { schema: { tags, summary: 'Send a queued, missed or failed post now', params: idParams } },
      (request) => posts.sendNow(request.params.id),
    );

    app.get(
      '/queue',
      { schema: { tags, summary: "The queue's week: each slot with its posts", querystring: weekQuery } },
      (request) => posts.week(request.query.week),
    );

    app.get(
      '/queue/slots',
      { schema: { tags, summary: "The queue's slots, paused or not, and the grace for missed posts" } },
      () => posts.queue(),
    );

    app.put(
      '/queue/slots',
      { schema: { tags, summary: "Set the queue's weekly slots (and the grace)", body: queueSettingsSchema } },
      (request) => posts.setQueue(request.body),
    );

    app.post(
      '/queue/pause',
      { schema: { tags, summary: 'Pause the queue: nothing is sent; slots are still taken' } },
      () => posts.pause(),
    );

    app.post('/queue/resume', { schema: { tags, summary: 'Resume the queue' } }, () => posts.resume());

    app.put(
      '/queue/alt-text',
      {
        schema: {
          tags,
          summary: 'Require alt text on every image of a post (the default), or stop requiring it',
          body: altTextSettingSchema,
        },
      },
      (request) => posts.setAltTextRequired(request.body),
    );
  };
}
