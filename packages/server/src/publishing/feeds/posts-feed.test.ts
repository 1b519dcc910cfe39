import { decodeHTML } from 'entities';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';

import { renderPostsFeed, type PublishedPost } from './posts-feed.js';

const options = {
  name: 'Maria & <Co>',
  siteUrl: 'http://127.0.0.1:4545',
  selfUrl: 'http://127.0.0.1:4545/api/v1/feeds/posts.rss',
  workspaceId: 'default',
};

const hostile = 'Fish & chips < 5 € > "cheap" it\'s ]]> done 👋🏽 שלום עולם\u0001';
const posts: PublishedPost[] = [
  {
    id: 'p2',
    text: `${hostile}\n\nSecond paragraph <script>alert(1)</script>`,
    publishedAt: new Date('2027-01-12T09:30:00Z'),
    remoteUrls: { mastodon: 'https://social.test/@maria/2?a=1&b=2', bluesky: 'https://bsky.app/profile/m/post/2' },
  },
  { id: 'p1', text: 'Only a webhook', publishedAt: new Date('2027-01-11T08:00:00Z'), remoteUrls: {} },
];

/** The HTML of a feed field as the text a reader shows: its tags out, its entities decoded. */
const shownText = (html: string) =>
  decodeHTML(
    html
      .replace(/<br>/g, '\n')
      .replace(/<\/p><p>/g, '\n\n')
      .replace(/<\/?p>/g, ''),
  );

describe('the posts feed, read back by an independent parser', () => {
  it('writes RSS 2.0 that parses to the same posts, hostile text and all', () => {
    const xml = renderPostsFeed('rss', posts, options);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseRssFeed(xml);
    expect(feed.title).toBe('Bigrock: Maria & <Co>');
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items ?? [];
    expect(first?.title).toBe(hostile.replace('\u0001', ''));
    expect(shownText(first?.description ?? '')).toBe(
      `${hostile.replace('\u0001', '')}\n\nSecond paragraph <script>alert(1)</script>`,
    );
    expect(first?.description).not.toContain('<script>');
    expect(first?.link).toBe('https://social.test/@maria/2?a=1&b=2');
    expect(first?.guid).toEqual({ value: 'urn:bigrock:default:post:p2', isPermaLink: false });
    expect(new Date(first?.pubDate ?? '').toISOString()).toBe('2027-01-12T09:30:00.000Z');
    expect(second?.link).toBe('http://127.0.0.1:4545/#post-p1');
  });

  it('writes Atom 1.0 that parses to the same posts, with an author and ids', () => {
    const xml = renderPostsFeed('atom', posts, options);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseAtomFeed(xml);
    expect(feed.id).toBe('urn:bigrock:default:posts');
    expect(feed.authors?.[0]?.name).toBe('Maria & <Co>');
    expect(new Date(feed.updated ?? '').toISOString()).toBe('2027-01-12T09:30:00.000Z');
    const [first] = feed.entries ?? [];
    expect(first?.id).toBe('urn:bigrock:default:post:p2');
    expect(first?.title?.type).toBe('html');
    expect(decodeHTML(first?.title?.value ?? '')).toBe(hostile.replace('\u0001', ''));
    expect(shownText(first?.content?.value ?? '')).toBe(
      `${hostile.replace('\u0001', '')}\n\nSecond paragraph <script>alert(1)</script>`,
    );
    expect(first?.links?.[0]?.href).toBe('https://social.test/@maria/2?a=1&b=2');
  });

  it('makes the same bytes from the same posts, and an empty but valid feed from none', () => {
    expect(renderPostsFeed('rss', posts, options)).toBe(renderPostsFeed('rss', posts, options));
    for (const format of ['rss', 'atom'] as const) {
      const xml = renderPostsFeed(format, [], options);
      expect(XMLValidator.validate(xml)).toBe(true);
    }
    expect(parseRssFeed(renderPostsFeed('rss', [], options)).items ?? []).toEqual([]);
  });
});
