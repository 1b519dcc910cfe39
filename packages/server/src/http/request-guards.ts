import { timingSafeEqual } from 'node:crypto';

import { AppError } from '@bigrock/core';
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'bigrock_session';

/**
 * What a route needs, declared by the route itself (`config: { access }`) and checked from that
 * declaration, never by matching the URL: the router decodes and normalises paths, so a guard that
 * reads the raw URL can be walked past (`/%61pi/v1/restore` is `/api/v1/restore` to the router).
 * - `public`: anyone on an allowed Host (the app's page and files, health, the OpenAPI document);
 * - `read`: the session (cookie or bearer token), from our own pages or a script;
 * - `write`: the same, for a change;
 * - `feed`: the calendar feed and the posts' RSS and Atom feeds, read without the session:
 *   calendar apps and feed readers have no cookie and send no header of ours, so the route checks
 *   the secret token in its own address (and answers 404 to a wrong one). The Host must still be ours.
 * - `hook`: a rule's incoming webhook, sent by another service (no cookie, no browser): the route
 *   checks the message's Standard Webhooks signature under the rule's own secret and answers 401
 *   to anything that does not verify. The Host must still be ours.
 * A route that declares nothing is `write`, whatever its method: deny by default.
 */
export const routeAccesses = ['public', 'read', 'write', 'feed', 'hook'] as const;
export type RouteAccess = (typeof routeAccesses)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

/** The `host:port` values a request may carry; anything else is a rebinding attempt. */
export function allowedHostHeaders(host: string, port: number, extra: readonly string[]): Set<string> {
  const names = new Set([...loopbackNames, host.includes(':') ? `[${host}]` : host, ...extra]);
  return new Set([...names].map((name) => `${name.toLowerCase()}:${port}`));
}

/**
 * A page on another site can point its own hostname at 127.0.0.1 (DNS rebinding) and then talk
 * to us as "same origin"; the Host header still carries its name, so we refuse it.
 */
export function assertAllowedHost(request: FastifyRequest, allowed: ReadonlySet<string>): void {
  const host = (request.headers.host ?? '').toLowerCase();
  if (!allowed.has(host)) {
    throw new AppError(
      'forbidden-host',
      `This server only answers to ${[...allowed].join(', ')}; the request named "${host}".`,
    );
  }
}

/** The access a request needs: its route's declaration; an unknown path is public to read, else a write. */
export function accessOf(request: FastifyRequest): RouteAccess {
  if (request.is404) return request.method === 'GET' || request.method === 'HEAD' ? 'public' : 'write';
  return request.routeOptions.config.access ?? 'write';
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A browser says where a request comes from: `Sec-Fetch-Site` (every current browser) and
 * `Origin`. Only our own pages may reach the data, whatever the content type: a page on another
 * port of localhost is "same-site" and would carry the SameSite=Strict cookie, so only
 * `same-origin` passes (and `none`, a user's own navigation, for reads). Scripts send neither.
 */
function assertFromOurPages(request: FastifyRequest, access: 'read' | 'write', allowedHosts: ReadonlySet<string>) {
  const site = request.headers['sec-fetch-site'];
  const fromSite = Array.isArray(site) ? site[0] : site;
  if (fromSite !== undefined && fromSite !== 'same-origin' && !(access === 'read' && fromSite === 'none')) {
    throw new AppError('forbidden-origin', "Bigrock's data is only open to Bigrock's own pages, not to other sites.");
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const originHost = URL.canParse(origin) ? new URL(origin).host.toLowerCase() : '';
  if (!allowedHosts.has(originHost) || originHost !== (request.headers.host ?? '').toLowerCase()) {
    throw new AppError(
      'forbidden-origin',
      `Bigrock's data is only open to Bigrock's own pages, not to ${origin === 'null' ? 'this page' : origin}.`,
    );
  }
}

/**
 * Reading or changing data needs the session: the SameSite=Strict cookie the web app gets with its
 * page (a cross-site page cannot send it), or the same secret as a bearer token for scripts; and a
 * browser's request must come from our own pages.
 */
export function assertAccess(
  request: FastifyRequest,
  access: RouteAccess,
  secret: string,
  allowedHosts: ReadonlySet<string>,
): void {
  if (access === 'public' || access === 'feed' || access === 'hook') return;
  assertFromOurPages(request, access, allowedHosts);
  const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!sameSecret(request.cookies[SESSION_COOKIE], secret) && !sameSecret(bearer, secret)) {
    throw new AppError(
      'unauthenticated',
      'Open Bigrock in the browser to get a session, or send "Authorization: Bearer <token>" (bigrock token prints it).',
    );
  }
}
