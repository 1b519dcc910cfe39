import { describe, expect, it } from 'vitest';

import { findFacetSpans } from './bluesky-facets.js';

/** The bytes a span covers, decoded: what Bluesky's app shows as the link, mention or tag. */
function covered(text: string, span: { byteStart: number; byteEnd: number }): string {
  return new TextDecoder().decode(new TextEncoder().encode(text).slice(span.byteStart, span.byteEnd));
}

describe('findFacetSpans', () => {
  it('finds a link, a mention and a hashtag after multi-byte text, in UTF-8 bytes', () => {
    const text = '👍🏽 café 東京 @maria.bsky.social see https://example.org/a?b=c. #rocks';
    const spans = findFacetSpans(text);
    expect(spans.map((span) => span.kind)).toEqual(['mention', 'link', 'tag']);
    expect(spans.map((span) => covered(text, span))).toEqual([
      '@maria.bsky.social',
      'https://example.org/a?b=c',
      '#rocks',
    ]);
    expect(spans[0]).toMatchObject({ handle: 'maria.bsky.social', byteStart: 9 + 6 + 7 });
    expect(spans[1]).toMatchObject({ uri: 'https://example.org/a?b=c' });
    expect(spans[2]).toMatchObject({ tag: 'rocks' });
  });

  it('counts a combining accent and right-to-left text in bytes', () => {
    const text = 'e\u0301 שלום #תגית';
    const [tag] = findFacetSpans(text);
    expect(tag).toEqual({ kind: 'tag', byteStart: 3 + 1 + 8 + 1, byteEnd: 3 + 1 + 8 + 1 + 1 + 8, tag: 'תגית' });
  });

  it('keeps a ZWJ emoji sequence before a link whole', () => {
    const text = '👨‍👩‍👧 https://example.org';
    const [link] = findFacetSpans(text);
    expect(link?.byteStart).toBe(new TextEncoder().encode('👨‍👩‍👧 ').length);
    expect(covered(text, link ?? { byteStart: 0, byteEnd: 0 })).toBe('https://example.org');
  });

  it('leaves out what is not a mention, a link or a tag', () => {
    expect(findFacetSpans('maria@example.org #123 @nodot #, ftp://x.org a#b')).toEqual([]);
  });

  it('leaves out a trailing full stop of a handle and punctuation of a tag', () => {
    const text = 'Thanks @maria.bsky.social. #goals!';
    expect(findFacetSpans(text).map((span) => covered(text, span))).toEqual(['@maria.bsky.social', '#goals']);
  });

  it('does not find a mention or a tag inside a link', () => {
    const text = 'https://example.org/@maria.bsky.social#top';
    expect(findFacetSpans(text).map((span) => span.kind)).toEqual(['link']);
  });
});
