import type { FastifyRequest } from 'fastify';

/**
 * The locale a plain-text answer is written in: the first language of the request's
 * Accept-Language that Intl knows (the command line sends its own), else the server's.
 */
export function requestLocale(request: FastifyRequest): string | undefined {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim();
    if (tag === undefined || tag === '' || tag === '*') continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical !== undefined && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0) return canonical;
    } catch {
      // Not a language tag: the next one, or the server's own.
    }
  }
  return undefined;
}

/** Whether the request asks for plain text: format=text, or Accept: text/plain without a format. */
export function wantsText(request: FastifyRequest, format: string | undefined): boolean {
  return format === 'text' || (format === undefined && /\btext\/plain\b/.test(request.headers.accept ?? ''));
}
