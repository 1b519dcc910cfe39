import { existsSync } from 'node:fs';

import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { AppError } from '@bigrock/core';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';

import type { Bigrock } from '../bigrock.js';
import { activityRoutes } from '../activities/activity.routes.js';
import { funnelRoutes } from '../funnels/funnel.routes.js';
import { goalRoutes } from '../goals/goal.routes.js';
import { importExportRoutes } from '../tracking/import/import.routes.js';
import { trackingRoutes } from '../tracking/tracking.routes.js';
import { workspaceRoutes } from '../workspaces/workspace.routes.js';
import { errorHandler } from './error-handler.js';
import { allowedHostHeaders, assertAllowedHost, assertMayChange, SESSION_COOKIE } from './request-guards.js';

export interface AppOptions {
  bigrock: Bigrock;
  /** The built web app; the API alone is served when it is missing. */
  webDir?: string;
  logger?: FastifyServerOptions['logger'];
}

/** The HTTP face of Bigrock: the JSON API under /api/v1, its OpenAPI document and the web app. */
export async function buildApp({ bigrock, webDir, logger = false }: AppOptions): Promise<FastifyInstance> {
  const { config } = bigrock;
  const secret = await bigrock.sessionSecret();
  const allowedHosts = allowedHostHeaders(config.host, config.port, config.allowedHosts);

  const app = Fastify({ logger, bodyLimit: 10 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    // Client-side routes get the app; a missing file (a stale /assets/ script, favicon.ico) is a 404.
    const isAppRoute = request.method === 'GET' && !path.startsWith('/api/') && !/\.\w+$/.test(path);
    if (!isAppRoute || webDir === undefined) {
      return errorHandler(new AppError('not-found', `Nothing here: ${request.method} ${path}.`), request, reply);
    }
    return sendIndex(reply);
  });

  await app.register(fastifyCookie);
  app.addHook('onRequest', async (request) => {
    assertAllowedHost(request, allowedHosts);
    if (request.url.startsWith('/api/')) assertMayChange(request, secret, allowedHosts);
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Bigrock API', version: '1.0.0', description: 'SMARTER goals, activities and tracking.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, () => ({ ok: true, dialect: bigrock.dialect }));

  await app.register(
    async function api(scope) {
      await scope.register(goalRoutes(bigrock.goals));
      await scope.register(activityRoutes(bigrock.activities));
      await scope.register(funnelRoutes(bigrock.funnels));
      await scope.register(workspaceRoutes(bigrock.workspace, bigrock.demo));
      await scope.register(trackingRoutes(bigrock.entries, bigrock.outcomes));
      await scope.register(importExportRoutes(bigrock.imports, bigrock.exports, bigrock.backup));
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = webDir !== undefined && existsSync(webDir);
  function sendIndex(reply: FastifyReply) {
    if (!hasWeb) throw new AppError('not-found', 'The web app is not built: run npm run build.');
    void reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'strict' });
    return reply.header('cache-control', 'no-store').sendFile('index.html');
  }
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, index: false, wildcard: false });
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  }
  return app;
}
