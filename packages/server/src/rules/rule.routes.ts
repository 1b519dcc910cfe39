import { createRuleSchema, idSchema, updateRuleSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { RuleService } from './rule.service.js';

const idParams = z.object({ id: idSchema.describe("The rule's id or name") });
const runQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional().describe('true: say what it would do, and do nothing'),
});

/** The largest message a rule's webhook takes. */
const HOOK_BODY_LIMIT = 256 * 1024;

/** Rules: made, listed, changed, removed, run (or dry-run), their runs, and their incoming webhook. */
export function ruleRoutes(rules: RuleService): FastifyPluginAsyncZod {
  return async function registerRuleRoutes(app) {
    const tags = ['rules'];

    app.get('/rules', { schema: { tags, summary: 'The rules, with their triggers, filters and actions' } }, () =>
      rules.list(),
    );

    app.post(
      '/rules',
      {
        schema: {
          tags,
          summary: "Make a rule; a webhook trigger's signing secret is in this answer only",
          body: createRuleSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await rules.create(request.body)),
    );

    app.get('/rules/:id', { schema: { tags, summary: 'One rule', params: idParams } }, (request) =>
      rules.get(request.params.id),
    );

    app.patch(
      '/rules/:id',
      {
        schema: {
          tags,
          summary: 'Change a rule: the fields given replace its own (a changed trigger starts afresh)',
          params: idParams,
          body: updateRuleSchema,
        },
      },
      (request) => rules.update(request.params.id, request.body),
    );

    app.delete(
      '/rules/:id',
      { schema: { tags, summary: 'Remove a rule with its runs', params: idParams } },
      async (request, reply) => {
        await rules.remove(request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/rules/:id/run',
      {
        schema: {
          tags,
          summary: 'Run a rule now (a schedule as if due); dryRun=true says what it would do and does nothing',
          params: idParams,
          querystring: runQuery,
        },
      },
      (request) => rules.run(request.params.id, { dryRun: request.query.dryRun === 'true' }),
    );

    app.get(
      '/rules/:id/runs',
      {
        schema: {
          tags,
          summary: "A rule's last 50 runs, latest first: what the trigger found and what each action did",
          params: idParams,
        },
      },
      (request) => rules.runs(request.params.id),
    );

    // The signature covers the body's bytes: this route reads them as they came, whatever the type.
    await app.register(async function ruleHookRoute(scope) {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: HOOK_BODY_LIMIT }, (_request, body, done) => {
        done(null, body);
      });
      scope.withTypeProvider<ZodTypeProvider>().post(
        '/rules/:id/hook',
        {
          config: { access: 'hook' },
          schema: {
            tags,
            summary:
              "A rule's incoming webhook: a Standard Webhooks message signed with the rule's secret (webhook-id, webhook-timestamp, webhook-signature); the signature is the access",
            params: z.object({ id: idSchema.describe("The rule's id") }),
          },
        },
        async (request) => {
          const body = typeof request.body === 'string' ? request.body : '';
          return rules.receiveHook(request.params.id, request.headers, body);
        },
      );
    });
  };
}
