import { addAccountSchema, idSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AccountService } from './account.service.js';

const idParams = z.object({ id: idSchema.describe("The account's id") });

/** Publishing accounts: listed without their credentials, added after a check with the network, removed. */
export function accountRoutes(accounts: AccountService): FastifyPluginAsyncZod {
  return async function registerAccountRoutes(app) {
    const tags = ['publishing'];

    app.get('/accounts', { schema: { tags, summary: 'Publishing accounts (never their credentials)' } }, () =>
      accounts.list(),
    );

    app.post(
      '/accounts',
      {
        schema: {
          tags,
          summary:
            'Add a Mastodon, Bluesky or webhook account, checked with the network first; a webhook secret made here is in this answer only',
          body: addAccountSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await accounts.add(request.body)),
    );

    app.delete(
      '/accounts/:id',
      { schema: { tags, summary: 'Remove a publishing account and its credentials', params: idParams } },
      async (request, reply) => {
        await accounts.remove(request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
