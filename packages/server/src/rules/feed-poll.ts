import type { RuleItem } from '@bigrock/core';
import { parseFeed } from 'feedsmith';

/** A feed item as a rule sees it: its fields, and what it is remembered by. */
export interface PolledItem {
  /** The guid or id, else the link; null when it has neither (it cannot be remembered, so it is left out). */
  key: string | null;
  item: RuleItem;
}

export type FeedPoll =
  | { status: 'unchanged' }
  | { status: 'fetched'; etag: string | null; lastModified: string | null; title: string; items: PolledItem[] };

/** The largest feed read: a bigger one is refused rather than held in memory. */
const MAX_FEED_BYTES = 5 * 1024 * 1024;

/** Why a poll failed, in words for the run's note. */
export class FeedPollError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedPollError';
  }
}

const plain = (html: string | undefined) =>
  (html ?? '')
    .replace(/<[^>]*>/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
const dateText = (value: unknown) =>
  typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : '';

function polled(
  fields: {
    id?: string;
    link?: string;
    title?: string;
    summary?: string;
    content?: string;
    author?: string;
    published?: unknown;
  },
  categories: string[],
  feed: string,
): PolledItem {
  const id = fields.id?.trim() || undefined;
  const link = fields.link?.trim() || undefined;
  const summary = plain(fields.summary ?? fields.content);
  return {
    key: id ?? link ?? null,
    item: {
      fields: {
        title: plain(fields.title),
        link: link ?? '',
        summary,
        content: plain(fields.content ?? fields.summary),
        author: fields.author?.trim() ?? '',
        published: dateText(fields.published),
        id: id ?? link ?? '',
        categories: categories.join(', '),
        feed,
      },
      categories,
      tags: [],
    },
  };
}

/**
 * The items of an RSS, Atom, RDF or JSON feed in its text, parsed by feedsmith, in the order the
 * feed lists them.
 */
export function readFeedItems(text: string): { title: string; items: PolledItem[] } {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    throw new FeedPollError(
      `This is not an RSS or Atom feed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  switch (parsed.format) {
    case 'rss': {
      const title = parsed.feed.title ?? '';
      return {
        title,
        items: (parsed.feed.items ?? []).map((item) =>
          polled(
            {
              id: item.guid?.value,
              link: item.link,
              title: item.title,
              summary: item.description,
              content: item.content?.encoded,
              author: item.authors?.[0]?.name ?? item.dc?.creators?.[0],
              published: item.pubDate ?? item.dc?.dates?.[0],
            },
            (item.categories ?? []).map((category) => category.name ?? '').filter(Boolean),
            title,
          ),
        ),
      };
    }
    case 'atom': {
      const title = parsed.feed.title?.value ?? '';
      return {
        title,
        items: (parsed.feed.entries ?? []).map((entry) => {
          const links = entry.links ?? [];
          const link = (links.find((candidate) => (candidate.rel ?? 'alternate') === 'alternate') ?? links[0])?.href;
          return polled(
            {
              id: entry.id,
              link,
              title: entry.title?.value,
              summary: entry.summary?.value,
              content: entry.content?.value,
              author: entry.authors?.[0]?.name,
              published: entry.published ?? entry.updated,
            },
            (entry.categories ?? []).map((category) => category.label ?? category.term ?? '').filter(Boolean),
            title,
          );
        }),
      };
    }
    case 'rdf': {
      const title = parsed.feed.title ?? '';
      return {
        title,
        items: (parsed.feed.items ?? []).map((item) =>
          polled(
            {
              id: item.rdf?.about,
              link: item.link,
              title: item.title,
              summary: item.description,
              published: item.dc?.dates?.[0],
            },
            [],
            title,
          ),
        ),
      };
    }
    case 'json': {
      const title = parsed.feed.title ?? '';
      return {
        title,
        items: (parsed.feed.items ?? []).map((item) => ({
          ...polled(
            {
              id: item.id,
              link: item.url,
              title: item.title,
              summary: item.summary ?? item.content_text ?? item.content_html,
              content: item.content_text ?? item.content_html,
              published: item.date_published,
            },
            [],
            title,
          ),
        })),
      };
    }
  }
}

async function bodyText(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_FEED_BYTES) throw new FeedPollError(`The feed is larger than ${MAX_FEED_BYTES} bytes.`);
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FEED_BYTES) {
      await reader.cancel();
      throw new FeedPollError(`The feed is larger than ${MAX_FEED_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * Fetches a feed, sending back the ETag and Last-Modified of the last poll: a 304 is "unchanged".
 * Redirects are followed (feeds move); the body is read up to 5 MB.
 */
export async function pollFeed(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<FeedPoll> {
  const send = options.fetch ?? fetch;
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8',
    'user-agent': 'Bigrock feed rules',
  };
  if (validators.etag !== null) headers['if-none-match'] = validators.etag;
  if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;
  let response: Response;
  try {
    response = await send(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 20_000) });
  } catch (error) {
    throw new FeedPollError(`The feed did not answer: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (response.status === 304) {
    await response.body?.cancel();
    return { status: 'unchanged' };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new FeedPollError(`The feed answered ${response.status} ${response.statusText}.`);
  }
  const text = await bodyText(response);
  const { title, items } = readFeedItems(text);
  return {
    status: 'fetched',
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    title,
    items,
  };
}
