import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { SettingRepository } from './setting.repository.js';

/** A feed's secret token, and when it was made. */
export interface FeedToken {
  token: string;
  createdAt: string;
}

interface StoredToken {
  salt: string;
  hash: string;
  createdAt: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** A text's ETag: a hash of it, so an unchanged feed answers a poll with a 304. */
export const etagOf = (text: string) => `"${sha256(text).toString('base64url').slice(0, 27)}"`;

/**
 * The secret token of a feed read without the session (the calendar feed, the posts feeds). The
 * token is an HMAC of a random salt under the session secret, so the address can be shown again
 * while only the salt and the token's SHA-256 are stored (setting `<purpose>.<workspace>`); a
 * request's token is hashed and compared in constant time. Renewing draws a new salt: the old
 * address stops working.
 */
export function createFeedTokens({
  purpose,
  settings,
  sessionSecret,
  clock,
  workspaceId,
}: {
  purpose: string;
  settings: SettingRepository;
  sessionSecret: () => Promise<string>;
  clock: { now(): Date };
  workspaceId: string;
}) {
  const key = `${purpose}.${workspaceId}`;

  async function stored(): Promise<StoredToken | undefined> {
    const value = await settings.get(key);
    if (value === undefined) return undefined;
    const parsed = JSON.parse(value) as Partial<StoredToken>;
    if (typeof parsed.salt !== 'string' || typeof parsed.hash !== 'string') return undefined;
    return { salt: parsed.salt, hash: parsed.hash, createdAt: String(parsed.createdAt ?? '') };
  }

  async function tokenOf(salt: string): Promise<string> {
    return createHmac('sha256', await sessionSecret())
      .update(`${purpose}:${workspaceId}:${salt}`)
      .digest('base64url');
  }

  async function shown(feed: StoredToken): Promise<FeedToken> {
    return { token: await tokenOf(feed.salt), createdAt: feed.createdAt };
  }

  async function create(): Promise<StoredToken> {
    const salt = randomBytes(16).toString('base64url');
    const feed = {
      salt,
      hash: sha256(await tokenOf(salt)).toString('base64url'),
      createdAt: clock.now().toISOString(),
    };
    await settings.put(key, JSON.stringify(feed));
    return feed;
  }

  return {
    /** The token, made on first use. */
    async ensure(): Promise<FeedToken> {
      return shown((await stored()) ?? (await create()));
    },
    /** The token if made: null before the first `ensure` and after `revoke`. */
    async current(): Promise<FeedToken | null> {
      const feed = await stored();
      return feed === undefined ? null : shown(feed);
    },
    /** A new token; the old one stops working. */
    async renew(): Promise<FeedToken> {
      return shown(await create());
    },
    async revoke(): Promise<void> {
      await settings.remove(key);
    },
    /** Whether `token` is the current one: hashed and compared in constant time. */
    async matches(token: string | undefined): Promise<boolean> {
      if (token === undefined) return false;
      const feed = await stored();
      const given = sha256(token);
      const expected = feed === undefined ? undefined : Buffer.from(feed.hash, 'base64url');
      return expected !== undefined && expected.length === given.length && timingSafeEqual(given, expected);
    },
  };
}
