import { idSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { DeletedItemService } from './deleted-item.service.js';

const idParams = z.object({ id: idSchema.describe("The deleted item's id, from the Deleted-Item header of a delete") });

export function deletedItemRoutes(deleted: DeletedItemService): FastifyPluginAsyncZod {
  return async function registerDeletedItemRoutes(app) {
    const tags = ['undo'];

    app.get(
      '/deleted',
      { schema: { tags, summary: 'What was deleted in the last 24 hours and can be restored, the last first' } },
      () => deleted.list(),
    );

    app.post(
      '/deleted/:id/restore',
      {
        schema: {
          tags,
          summary: 'Undo a delete: put the item back as it was',
          description:
            '404 for an unknown id; 409 when it was restored already or cannot come back (its goal or activity is gone, another timer runs); 410 after 24 hours.',
          params: idParams,
        },
      },
      (request) => deleted.restore(request.params.id),
    );
  };
}
