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
import { auditRoutes } from '../audit/audit.routes.js';
import { funnelRoutes } from '../funnels/funnel.routes.js';
import { goalRoutes } from '../goals/goal.routes.js';
import { focusRoutes } from '../focus/focus.routes.js';
import { notificationRoutes } from '../notifications/notification.routes.js';
import { busyImportRoutes } from '../planner/busy-import.routes.js';
import { calendarFeedRoutes } from '../planner/calendar-feed.routes.js';
import { plannerRoutes } from '../planner/planner.routes.js';
import { accountRoutes } from '../publishing/account.routes.js';
import { postRoutes } from '../publishing/post.routes.js';
import { postsFeedRoutes } from '../publishing/feeds/posts-feed.routes.js';
import { ruleRoutes } from '../rules/rule.routes.js';
import { importExportRoutes } from '../tracking/import/import.routes.js';
import { trackingRoutes } from '../tracking/tracking.routes.js';
import { deletedItemRoutes } from '../undo/deleted-item.routes.js';
import { workspaceRoutes } from '../workspaces/workspace.routes.js';
import { moneyRoutes } from '../money/money.routes.js';
import { reviewRoutes } from '../review/review.routes.js';
import { triageRoutes } from '../triage/triage.routes.js';
import { reportRoutes } from '../reports/reports.routes.js';
import { errorHandler, frameworkErrorHandler } from './error-handler.js';
import { createReadCache } from './read-cache.js';
import { accessOf, allowedHostHeaders, assertAccess, assertAllowedHost, SESSION_COOKIE } from './request-guards.js';
import { securityHeaders } from './security-headers.js';

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
  // Port 0 asks the system for a free port: the names are allowed on the one it gives, once listening.
  const allowedHosts =
    config.port === 0 ? new Set<string>() : allowedHostHeaders(config.host, config.port, config.allowedHosts);

  const app = Fastify({
    logger,
    bodyLimit: 10 * 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (config.port !== 0 || typeof address !== 'object' || address === null) return;
    for (const name of allowedHostHeaders(config.host, address.port, config.allowedHosts)) allowedHosts.add(name);
  });
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
    assertAccess(request, accessOf(request), secret, allowedHosts);
  });
  app.addHook('onSend', async (_request, reply) => {
    void reply.headers(securityHeaders);
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
  const publicRoute = { schema: { hide: true }, config: { access: 'public' } } as const;
  app.get('/api/openapi.json', publicRoute, () => app.swagger());
  app.get('/api/health', publicRoute, () => ({ ok: true, dialect: bigrock.dialect }));

  await app.register(
    async function api(scope) {
      // Each route of the API says what it needs; one that says nothing reads with GET and writes otherwise.
      scope.addHook('onRoute', (route) => {
        const methods = [route.method].flat();
        const reads = methods.every((method) => method === 'GET' || method === 'HEAD');
        route.config = { ...route.config, access: route.config?.access ?? (reads ? 'read' : 'write') };
      });
      await scope.register(goalRoutes(bigrock.goals, createReadCache(bigrock.dataVersion)));
      await scope.register(activityRoutes(bigrock.activities));
      await scope.register(funnelRoutes(bigrock.funnels));
      await scope.register(workspaceRoutes(bigrock.workspace, bigrock.demo));
      await scope.register(trackingRoutes(bigrock.entries, bigrock.outcomes));
      await scope.register(importExportRoutes(bigrock.imports, bigrock.exports, bigrock.backup));
      await scope.register(deletedItemRoutes(bigrock.undo));
      await scope.register(plannerRoutes(bigrock.planner));
      await scope.register(moneyRoutes(bigrock.money));
      await scope.register(focusRoutes(bigrock.focus));
      await scope.register(notificationRoutes(bigrock.notifications));
      await scope.register(reviewRoutes(bigrock.review));
      await scope.register(calendarFeedRoutes(bigrock.calendarFeed));
      await scope.register(busyImportRoutes(bigrock.busyImport));
      await scope.register(triageRoutes(bigrock.triage));
      await scope.register(auditRoutes(bigrock.audit));
      await scope.register(accountRoutes(bigrock.publishingAccounts));
      await scope.register(postRoutes(bigrock.posts));
      await scope.register(postsFeedRoutes(bigrock.postsFeed));
      await scope.register(ruleRoutes(bigrock.rules));
      await scope.register(reportRoutes(bigrock.reports));
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = webDir !== undefined && existsSync(webDir);
  function sendIndex(reply: FastifyReply) {
    if (!hasWeb) throw new AppError('not-found', 'The web app is not built: run npm run build.');
    void reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'strict' });
    return reply.header('cache-control', 'no-store').sendFile('index.html', { cacheControl: false });
  }
  if (hasWeb) {
    // reply.sendFile for the page everywhere; the files' own routes in a scope that makes them public.
    await app.register(fastifyStatic, { root: webDir, serve: false });
    await app.register(async function webFiles(scope) {
      scope.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' };
      });
      await scope.register(fastifyStatic, { root: webDir, index: false, wildcard: false, decorateReply: false });
    });
    app.get('/', publicRoute, (_request, reply) => sendIndex(reply));
  }
  return app;
}
