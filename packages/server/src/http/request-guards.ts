import { timingSafeEqual } from 'node:crypto';

import { AppError } from '@bigrock/core';
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'bigrock_session';

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

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A change needs the session: the SameSite=Strict cookie the web app gets with its page (a
 * cross-site page cannot send it), or the same secret as a bearer token for scripts. A browser's
 * Origin header, when present, must be our own.
 */
export function assertMayChange(request: FastifyRequest, secret: string, allowedHosts: ReadonlySet<string>): void {
  if (!unsafeMethods.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    const originHost = URL.canParse(origin) ? new URL(origin).host.toLowerCase() : '';
    if (!allowedHosts.has(originHost) || originHost !== (request.headers.host ?? '').toLowerCase()) {
      throw new AppError('forbidden-origin', `Changes are only accepted from Bigrock's own pages, not from ${origin}.`);
    }
  } else if (origin === 'null') {
    throw new AppError('forbidden-origin', "Changes are only accepted from Bigrock's own pages.");
  }
  const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!sameSecret(request.cookies[SESSION_COOKIE], secret) && !sameSecret(bearer, secret)) {
    throw new AppError(
      'unauthenticated',
      'Open Bigrock in the browser to get a session, or send "Authorization: Bearer <token>" (bigrock token prints it).',
    );
  }
}
