import {
  countBluesky,
  countMastodon,
  DEFAULT_MASTODON_LIMITS,
  formatCount,
  formatNumber,
  type Locale,
  type PublishingAccount,
  type TextCount,
} from '@bigrock/core';

/** A text counted the way the account's network counts it; null for a webhook, which has no limit. */
export function countFor(account: PublishingAccount, text: string, contentWarning: string): TextCount | null {
  if (account.network === 'mastodon')
    return countMastodon(text, { contentWarning, limits: account.limits ?? DEFAULT_MASTODON_LIMITS });
  if (account.network === 'bluesky') return countBluesky(text);
  return null;
}

/**
 * A counter as the previews show it: `31 of 500 characters`, or `310 of 300 characters: 10
 * characters over`. The locale is the reader's (the browser's) unless given.
 */
export function counterText(count: TextCount, locale?: Locale): string {
  const of = `${formatNumber(count.used, 0, locale)} of ${formatCount(count.limit, 'character', 'characters', locale)}`;
  return count.over ? `${of}: ${formatCount(-count.remaining, 'character', 'characters', locale)} over` : of;
}
