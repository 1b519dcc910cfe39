import {
  addBlockSchema,
  applyTemplateSchema,
  calendarDateSchema,
  carryRockSchema,
  editBlockSchema,
  idSchema,
  isoWeekSchema,
  rockDateSchema,
  setRockSchema,
  textSchema,
  todayText,
} from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { requestLocale, wantsText } from '../http/request-locale.js';
import type { PlannerService } from './planner.service.js';

const nameParams = z.object({ name: idSchema.describe('The template, by name (social-selling, freelancer, coach…)') });
const blockParams = z.object({
  id: idSchema.describe("The block's id; a block of a week not made yet goes by t.<template block>.<date>"),
});
const weekQuery = z.object({
  week: isoWeekSchema.optional().describe('The ISO week, such as 2027-W03; this week by default'),
  hoursAvailable: textSchema
    .regex(/^\d{1,3}(\.\d{1,4})?$/, { message: 'must be a number of hours from 0 to 168, such as 40 or 32.5' })
    .optional()
    .describe('Hours available in the week, for the capacity; the workspace working hours that week by default'),
});
const recordQuery = z.object({
  week: isoWeekSchema.optional().describe('The last week looked at; this week by default'),
  weeks: textSchema
    .regex(/^\d{1,2}$/, { message: 'must be a whole number of weeks from 1 to 26' })
    .optional()
    .describe('How many weeks to look back over; 4 by default'),
});
const dateQuery = z.object({
  date: calendarDateSchema.optional().describe('The day; today in the workspace time zone by default'),
});

const todayQuery = dateQuery.extend({
  format: z.enum(['json', 'text']).optional().describe('json (the default) or text, as `bigrock today` prints it'),
});

export function plannerRoutes(planner: PlannerService): FastifyPluginAsyncZod {
  return async function registerPlannerRoutes(app) {
    const tags = ['planner'];

    app.get('/planner/templates', { schema: { tags, summary: 'Weekly templates: shipped and stored' } }, () =>
      planner.templates(),
    );

    app.get(
      '/planner/templates/:name',
      { schema: { tags, summary: "A weekly template's blocks", params: nameParams } },
      (request) => planner.template(request.params.name),
    );

    app.post(
      '/planner/templates/:name/apply',
      {
        schema: {
          tags,
          summary: 'Make the template the active one and a week from it',
          params: nameParams,
          body: applyTemplateSchema.nullish(),
        },
      },
      (request) => planner.applyTemplate(request.params.name, request.body ?? {}),
    );

    app.get(
      '/planner/week',
      {
        schema: {
          tags,
          summary: "A week's blocks and big rocks, plan against actual, capacity",
          querystring: weekQuery,
        },
      },
      (request) =>
        planner.week({
          week: request.query.week,
          hoursAvailable: request.query.hoursAvailable === undefined ? undefined : Number(request.query.hoursAvailable),
        }),
    );

    app.get(
      '/planner/record',
      {
        schema: {
          tags,
          summary: 'Which blocks are kept and which are always broken, over the last weeks',
          querystring: recordQuery,
        },
      },
      (request) =>
        planner.record({
          week: request.query.week,
          weeks: request.query.weeks === undefined ? undefined : Number(request.query.weeks),
        }),
    );

    app.post(
      '/planner/blocks',
      { schema: { tags, summary: 'Add a block to a week, or to the template with every', body: addBlockSchema } },
      async (request, reply) => reply.status(201).send(await planner.addBlock(request.body)),
    );

    app.patch(
      '/planner/blocks/:id',
      {
        schema: {
          tags,
          summary: 'Move, shorten or change a block of a week',
          params: blockParams,
          body: editBlockSchema,
        },
      },
      (request) => planner.editBlock(request.params.id, request.body),
    );

    app.post(
      '/planner/blocks/:id/skip',
      { schema: { tags, summary: 'Skip a block of a week', params: blockParams } },
      (request) => planner.skipBlock(request.params.id),
    );

    app.delete(
      '/planner/blocks/:id',
      { schema: { tags, summary: 'Remove a block from its week', params: blockParams } },
      async (request, reply) => {
        await planner.removeBlock(request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/planner/rocks',
      { schema: { tags, summary: 'Set the big rock of a day', body: setRockSchema } },
      async (request, reply) => reply.status(201).send(await planner.setRock(request.body)),
    );

    app.post(
      '/planner/rocks/done',
      { schema: { tags, summary: "Mark a day's big rock done", body: rockDateSchema.nullish() } },
      (request) => planner.rockDone(request.body ?? {}),
    );

    app.post(
      '/planner/rocks/carry',
      { schema: { tags, summary: "Carry a day's big rock over, saying why", body: carryRockSchema } },
      (request) => planner.rockCarry(request.body),
    );

    app.get(
      '/planner/rocks/start',
      {
        schema: {
          tags,
          summary: "Whether a day's big rock may be started (the carry-over rule)",
          querystring: dateQuery,
        },
      },
      (request) => planner.rockStart(request.query.date),
    );

    app.get(
      '/planner/today',
      {
        schema: {
          tags,
          summary:
            "The day: blocks, big rock, what is behind, yesterday's plan against actual; as the text `bigrock today` prints with format=text or Accept: text/plain, in the Accept-Language's locale",
          querystring: todayQuery,
        },
      },
      async (request, reply) => {
        const day = await planner.day({ date: request.query.date });
        if (!wantsText(request, request.query.format)) return day;
        return reply
          .header('content-type', 'text/plain; charset=utf-8')
          .header('vary', 'Accept, Accept-Language')
          .send(todayText(day, requestLocale(request)));
      },
    );
  };
}
