import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import type { DemoService } from '../demo/demo.service.js';
import { updateWorkspaceSchema, type WorkspaceService } from './workspace.service.js';

export function workspaceRoutes(workspace: WorkspaceService, demo: DemoService): FastifyPluginAsyncZod {
  return async function registerWorkspaceRoutes(app) {
    const tags = ['workspace'];
    app.get('/workspace', { schema: { tags, summary: 'The workspace and its time zone' } }, () => workspace.get());
    app.patch(
      '/workspace',
      { schema: { tags, summary: 'Rename the workspace or change its time zone', body: updateWorkspaceSchema } },
      (request) => workspace.update(request.body),
    );
    app.post(
      '/demo',
      { schema: { tags, summary: 'Fill an empty workspace with the seed example' } },
      async (_request, reply) => reply.status(201).send(await demo.load()),
    );
  };
}
