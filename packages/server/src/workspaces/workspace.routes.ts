import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import type { DemoService } from '../demo/demo.service.js';
import { updateWorkspaceSchema, type WorkspaceService } from './workspace.service.js';

export function workspaceRoutes(workspace: WorkspaceService, demo: DemoService): FastifyPluginAsyncZod {
  return async function registerWorkspaceRoutes(app) {
    const tags = ['workspace'];
    app.get('/workspace', { schema: { tags, summary: 'The workspace, its time zone and its working hours' } }, () =>
      workspace.get(),
    );
    app.patch(
      '/workspace',
      {
        schema: {
          tags,
          summary: 'Rename the workspace, change its time zone or its working hours',
          body: updateWorkspaceSchema,
        },
      },
      (request) => workspace.update(request.body),
    );
    app.post(
      '/demo',
      { schema: { tags, summary: 'Fill an empty workspace with the seed example' } },
      async (_request, reply) => reply.status(201).send(await demo.load()),
    );
  };
}
