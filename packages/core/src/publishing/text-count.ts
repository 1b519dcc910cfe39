/**
 * Post lengths counted the way each network counts them, so that a counter in Bigrock says "over"
 * exactly when the network would refuse the post.
 */

let segmenter: Intl.Segmenter | undefined;

/**
 * The number of user-perceived characters (extended grapheme clusters): a flag, a family emoji or
 * an "é" written as e + combining accent each count one.
 *
 * @example graphemeCount('👍🏽 ok') // 4
 */
export function graphemeCount(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/**
 * Bytes of the text in UTF-8, without encoding it.
 *
 * @example utf8Length('é') // 2
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export interface TextCount {
  /** Characters as the network counts them. */
  used: number;
  limit: number;
  /** Negative when over. */
  remaining: number;
  over: boolean;
}

function countOf(used: number, limit: number): TextCount {
  return { used, limit, remaining: limit - used, over: used > limit };
}

/** What a Mastodon instance says of its limits in `/api/v2/instance` (`configuration.statuses`). */
export interface MastodonLimits {
  maxCharacters: number;
  charactersReservedPerUrl: number;
}

export const DEFAULT_MASTODON_LIMITS: MastodonLimits = { maxCharacters: 500, charactersReservedPerUrl: 23 };

/** Characters that end a link's sentence rather than the link, as in "see https://x.org." */
const CLOSING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '’', '”', ')', ']']);

const countOfChar = (text: string, char: string) => text.split(char).length - 1;

/** The link without the punctuation after it; a closing parenthesis the link opened stays (…/Rock_(geology)). */
function trimLink(url: string): string {
  let trimmed = url;
  for (;;) {
    const last = trimmed.at(-1);
    if (last === undefined || !CLOSING_PUNCTUATION.has(last)) return trimmed;
    if (last === ')' && countOfChar(trimmed, '(') >= countOfChar(trimmed, ')')) return trimmed;
    trimmed = trimmed.slice(0, -1);
  }
}

/**
 * Web links with their scheme, as Mastodon and Bluesky both recognise them in a post: http or
 * https, a host, then anything up to white space; closing punctuation is left out.
 */
export function findLinks(text: string): Array<{ start: number; end: number; url: string }> {
  const links: Array<{ start: number; end: number; url: string }> = [];
  for (const match of text.matchAll(/(?<=^|[\s(])https?:\/\/[^\s/?#]+[^\s]*/giu)) {
    const url = trimLink(match[0]);
    const host = /^https?:\/\/([^/?#:]+)/iu.exec(url)?.[1] ?? '';
    if (!host.includes('.') && host !== 'localhost') continue;
    links.push({ start: match.index, end: match.index + url.length, url });
  }
  return links;
}

/**
 * Mentions as Mastodon reads them: `@user` or `@user@instance.example`, not inside a word or a link.
 */
export function findMastodonMentions(text: string): Array<{ start: number; end: number; username: string }> {
  const mentions: Array<{ start: number; end: number; username: string }> = [];
  for (const match of text.matchAll(
    /(?<=^|[^\p{L}\p{N}_/@])@([a-z0-9_]+(?:\.[a-z0-9_]+)*)(@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?/giu,
  )) {
    mentions.push({ start: match.index, end: match.index + match[0].length, username: match[1] ?? '' });
  }
  return mentions;
}

/**
 * A Mastodon status's length as the instance counts it: the content warning and the text together,
 * in graphemes, each link counted as `charactersReservedPerUrl` whatever its length, and each
 * mention by its local part (`@maria@social.example` counts as `@maria`).
 *
 * @example countMastodon('Read https://example.org/a/very/long/path', { contentWarning: '' }).used // 28
 */
export function countMastodon(
  text: string,
  { contentWarning = '', limits = DEFAULT_MASTODON_LIMITS }: { contentWarning?: string; limits?: MastodonLimits } = {},
): TextCount {
  const links = findLinks(text);
  const mentions = findMastodonMentions(text).filter(
    (mention) => !links.some((link) => mention.start < link.end && link.start < mention.end),
  );
  const spans = [
    ...links.map((link) => ({ ...link, counted: 'x'.repeat(limits.charactersReservedPerUrl) })),
    ...mentions.map((mention) => ({ ...mention, counted: `@${mention.username}` })),
  ].sort((a, b) => a.start - b.start);
  let countable = '';
  let at = 0;
  for (const span of spans) {
    countable += text.slice(at, span.start) + span.counted;
    at = span.end;
  }
  countable += text.slice(at);
  return countOf(graphemeCount(contentWarning + countable), limits.maxCharacters);
}

export const BLUESKY_MAX_GRAPHEMES = 300;

/**
 * A Bluesky post's length: graphemes of the whole text, links included as written, against 300.
 *
 * @example countBluesky('👨‍👩‍👧 ok').used // 4
 */
export function countBluesky(text: string): TextCount {
  return countOf(graphemeCount(text), BLUESKY_MAX_GRAPHEMES);
}
