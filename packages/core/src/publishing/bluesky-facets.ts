import { findLinks, utf8Length } from './text-count.js';

/** A run of a Bluesky post that is a link, a mention or a hashtag, in UTF-8 bytes as facets count. */
export type FacetSpan =
  | { kind: 'link'; byteStart: number; byteEnd: number; uri: string }
  | { kind: 'mention'; byteStart: number; byteEnd: number; handle: string }
  | { kind: 'tag'; byteStart: number; byteEnd: number; tag: string };

/** A handle is a domain name: labels of letters, digits and hyphens, the last one not all digits. */
const HANDLE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/iu;

export const MAX_TAG_LENGTH = 64;

/**
 * The links, mentions and hashtags of a Bluesky post, with their UTF-8 byte offsets, in the order
 * they appear. Mentions carry the handle; the DID it stands for is found by whoever posts.
 *
 * @example findFacetSpans('café #rocks') // [{ kind: 'tag', byteStart: 6, byteEnd: 12, tag: 'rocks' }]
 */
export function findFacetSpans(text: string): FacetSpan[] {
  const spans: Array<FacetSpan & { start: number; end: number }> = [];
  const bytesAt = (index: number) => utf8Length(text.slice(0, index));
  const links = findLinks(text);
  for (const link of links) {
    spans.push({
      kind: 'link',
      start: link.start,
      end: link.end,
      byteStart: bytesAt(link.start),
      byteEnd: bytesAt(link.end),
      uri: link.url,
    });
  }
  const inLink = (start: number) => links.some((link) => start >= link.start && start < link.end);

  for (const match of text.matchAll(/(?<=^|[\s(])@([a-z0-9.-]+)/giu)) {
    const handle = (match[1] ?? '').replace(/[.-]+$/u, '');
    if (!HANDLE.test(handle) || inLink(match.index)) continue;
    const end = match.index + 1 + handle.length;
    spans.push({
      kind: 'mention',
      start: match.index,
      end,
      byteStart: bytesAt(match.index),
      byteEnd: bytesAt(end),
      handle: handle.toLowerCase(),
    });
  }

  for (const match of text.matchAll(/(?<=^|\s)[#＃]([^\s#＃]+)/gu)) {
    const tag = (match[1] ?? '').replace(/\p{P}+$/u, '');
    if (tag === '' || /^\d+$/u.test(tag) || [...tag].length > MAX_TAG_LENGTH || inLink(match.index)) continue;
    const end = match.index + match[0].length - ((match[1] ?? '').length - tag.length);
    spans.push({ kind: 'tag', start: match.index, end, byteStart: bytesAt(match.index), byteEnd: bytesAt(end), tag });
  }

  return spans.sort((a, b) => a.start - b.start).map(({ start: _start, end: _end, ...span }) => span);
}
