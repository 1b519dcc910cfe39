import { AppError } from '@bigrock/core';

import { createFeedTokens, etagOf, type FeedToken } from '../../workspaces/feed-token.js';
import type { SettingRepository } from '../../workspaces/setting.repository.js';
import { renderPostsFeed, type PublishedPostSource } from './posts-feed.js';

export interface PostsFeedServiceDeps {
  posts: PublishedPostSource;
  settings: SettingRepository;
  /** The server's session secret: the token is derived from it, so the address can be shown again. */
  sessionSecret: () => Promise<string>;
  clock: { now(): Date };
  workspaceId: string;
  workspaceName: () => Promise<string>;
}

/** The feeds' addresses, relative to the server: the caller adds the scheme and host. */
export interface PostsFeedLinks {
  rss: string;
  atom: string;
  createdAt: string;
}

/** The most posts a feed lists. */
export const POSTS_IN_FEED = 50;
export const POSTS_FEED_PATH = '/api/v1/feeds/posts';

/**
 * RSS and Atom feeds of the published posts, read by feed readers with a secret token in the
 * address (`?token=`) instead of the session, made and checked as the calendar feed's
 * (`createFeedTokens`); anything wrong is a 404 that says nothing of why.
 */
export function createPostsFeedService({
  posts,
  settings,
  sessionSecret,
  clock,
  workspaceId,
  workspaceName,
}: PostsFeedServiceDeps) {
  const tokens = createFeedTokens({ purpose: 'posts-feed', settings, sessionSecret, clock, workspaceId });

  function linksOf({ token, createdAt }: FeedToken): PostsFeedLinks {
    return { rss: `${POSTS_FEED_PATH}.rss?token=${token}`, atom: `${POSTS_FEED_PATH}.atom?token=${token}`, createdAt };
  }

  return {
    /** The feeds' addresses, made on first use. */
    async link(): Promise<PostsFeedLinks> {
      return linksOf(await tokens.ensure());
    },

    /** The addresses if made: null before the first `link` and after `revoke`. */
    async current(): Promise<PostsFeedLinks | null> {
      const feed = await tokens.current();
      return feed === null ? null : linksOf(feed);
    },

    /** New addresses; the old ones stop working. */
    async renew(): Promise<PostsFeedLinks> {
      return linksOf(await tokens.renew());
    },

    async revoke(): Promise<void> {
      await tokens.revoke();
    },

    /** The feed for a token, as RSS or Atom, with its ETag; not-found for a wrong or revoked token. */
    async read(
      format: 'rss' | 'atom',
      token: string | undefined,
      site: { siteUrl: string },
    ): Promise<{ text: string; etag: string }> {
      if (!(await tokens.matches(token))) {
        throw new AppError(
          'not-found',
          'No feed at this address: it was renewed or revoked. Get the current one from GET /api/v1/feeds/posts.',
        );
      }
      const text = renderPostsFeed(format, await posts.listPublished(POSTS_IN_FEED), {
        name: await workspaceName(),
        siteUrl: site.siteUrl,
        selfUrl: `${site.siteUrl}${POSTS_FEED_PATH}.${format}`,
        workspaceId,
      });
      return { text, etag: etagOf(text) };
    },
  };
}

export type PostsFeedService = ReturnType<typeof createPostsFeedService>;
