import type { PublishingNetwork } from '@bigrock/core';
import { Feed } from 'feed';

/** A post as the feed shows it: published, with where it went. */
export interface PublishedPost {
  id: string;
  text: string;
  publishedAt: Date;
  /** The page of the post on each network it went to (a webhook has none). */
  remoteUrls: Partial<Record<PublishingNetwork, string>>;
}

/** Where the feed's posts come from: the posts service, which lists the published ones, latest first. */
export interface PublishedPostSource {
  listPublished(limit: number): Promise<PublishedPost[]>;
}

export interface PostsFeedOptions {
  /** The workspace's name, in the feed's title. */
  name: string;
  /** The server's address, `http://127.0.0.1:4545`: the feed's link. */
  siteUrl: string;
  /** The feed's own address (without its token). */
  selfUrl: string;
  workspaceId: string;
}

// XML 1.0 cannot carry these characters at all, escaped or not; NUL never gets in (refused at input).
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- the control characters are the point: they are taken out
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const xmlSafe = (text: string) => text.replace(NOT_XML, '');

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A post's text as HTML: escaped, its paragraphs and lines kept. */
const htmlOf = (text: string) =>
  text
    .split(/\n{2,}/u)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('');

/** A title from the text: its first line, cut at 100 characters. */
function titleOf(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  return line.length > 100 ? `${line.slice(0, 99)}…` : line || 'Post';
}

/**
 * The published posts as an RSS 2.0 or Atom 1.0 document, written by the `feed` library. Each
 * post's guid is `urn:bigrock:<workspace>:post:<id>`, its link the first network's page (else the
 * app); the text goes as escaped HTML where the format takes HTML, as plain text in RSS titles.
 * Characters XML cannot carry are left out.
 *
 * @example renderPostsFeed('rss', [], { name: 'Maria', siteUrl: 'http://127.0.0.1:4545', selfUrl: 'http://127.0.0.1:4545/api/v1/feeds/posts.rss', workspaceId: 'default' })
 */
export function renderPostsFeed(
  format: 'rss' | 'atom',
  posts: readonly PublishedPost[],
  options: PostsFeedOptions,
): string {
  const newest = posts.reduce((latest, post) => Math.max(latest, post.publishedAt.getTime()), 0);
  const feed = new Feed({
    title: xmlSafe(`Bigrock: ${options.name}`),
    description: xmlSafe(`Posts published by ${options.name}`),
    id: `urn:bigrock:${encodeURIComponent(options.workspaceId)}:posts`,
    link: options.siteUrl,
    feed: options.selfUrl,
    // Fixed by the posts alone, so the same posts make the same bytes (and ETag).
    updated: new Date(newest),
    generator: 'Bigrock',
    copyright: '',
    author: { name: xmlSafe(options.name) },
  });
  for (const post of posts) {
    const text = xmlSafe(post.text);
    const link =
      post.remoteUrls.mastodon ?? post.remoteUrls.bluesky ?? `${options.siteUrl}/#post-${encodeURIComponent(post.id)}`;
    const id = `urn:bigrock:${encodeURIComponent(options.workspaceId)}:post:${encodeURIComponent(post.id)}`;
    feed.addItem({
      // Atom's title is typed HTML by the library; RSS readers take a title as text.
      title: format === 'atom' ? escapeHtml(titleOf(text)) : titleOf(text),
      id,
      guid: id,
      link,
      date: post.publishedAt,
      published: post.publishedAt,
      description: htmlOf(text),
      content: htmlOf(text),
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
