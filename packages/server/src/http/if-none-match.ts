/**
 * Whether an If-None-Match header names this ETag, weak or strong (or is `*`): then the client's
 * copy is current and the answer is a 304.
 *
 * @example ifNoneMatch('W/"a", "b"', '"b"') // true
 */
export function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
