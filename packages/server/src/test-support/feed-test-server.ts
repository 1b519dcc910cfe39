import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedTestItem {
  guid?: string;
  link?: string;
  title: string;
  description?: string;
  categories?: string[];
}

export interface FeedTestServer {
  url: string;
  /** The items the feed lists, newest first; changing them changes the ETag. */
  items: FeedTestItem[];
  /** The conditional headers each request carried, and what it was answered. */
  requests: Array<{ ifNoneMatch: string | undefined; ifModifiedSince: string | undefined; status: number }>;
  close(): Promise<void>;
}

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function rssOf(items: readonly FeedTestItem[]): string {
  const entries = items
    .map(
      (item) => `<item>
  <title>${escape(item.title)}</title>
  ${item.link === undefined ? '' : `<link>${escape(item.link)}</link>`}
  ${item.guid === undefined ? '' : `<guid isPermaLink="false">${escape(item.guid)}</guid>`}
  ${item.description === undefined ? '' : `<description>${escape(item.description)}</description>`}
  ${(item.categories ?? []).map((category) => `<category>${escape(category)}</category>`).join('')}
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The test blog</title><link>https://blog.test/</link><description>x</description>
${entries}
</channel></rss>`;
}

/**
 * An RSS feed served over HTTP on 127.0.0.1, as a blog serves one: an ETag and a Last-Modified
 * with each answer, and a 304 to a request that sends either back while the feed is unchanged.
 */
export async function startFeedTestServer(items: FeedTestItem[] = []): Promise<FeedTestServer> {
  const state: FeedTestServer = {
    url: '',
    items,
    requests: [],
    close: () => Promise.resolve(),
  };
  const modifiedAt = new Map<string, string>();
  const server = createServer((request, response) => {
    const body = rssOf(state.items);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (!modifiedAt.has(etag))
      modifiedAt.set(etag, new Date(Date.now() - 1000 * (1000 - modifiedAt.size)).toUTCString());
    const lastModified = modifiedAt.get(etag) ?? '';
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    const unchanged = ifNoneMatch !== undefined ? ifNoneMatch === etag : ifModifiedSince === lastModified;
    const status = unchanged ? 304 : 200;
    state.requests.push({ ifNoneMatch, ifModifiedSince, status });
    response.writeHead(status, { etag, 'last-modified': lastModified, 'content-type': 'application/rss+xml' });
    response.end(unchanged ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
