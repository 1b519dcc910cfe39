import type { PublishingAccount } from '@bigrock/core';
import { describe, expect, it } from 'vitest';

import { countFor, counterText } from './post-counter';

function account(network: PublishingAccount['network'], maxCharacters = 500): PublishingAccount {
  return {
    id: network,
    network,
    name: network,
    url: 'https://example.org',
    limits:
      network === 'mastodon'
        ? {
            maxCharacters,
            charactersReservedPerUrl: 23,
            maxMediaAttachments: 4,
            imageSizeLimit: null,
            supportedMimeTypes: [],
          }
        : null,
    hasCredentials: true,
    createdAt: '2026-03-04T10:00:00.000Z',
  };
}

const mastodon = account('mastodon');
const bluesky = account('bluesky');

describe('the compose counters', () => {
  it('count a skin-toned emoji, a family, a flag and an accent written as two code points as one character each', () => {
    const text = '👋🏽 👨‍👩‍👧 🇫🇷 e\u0301';
    // Seven graphemes: four characters and three spaces, though JavaScript sees 21 code units.
    expect(text.length).toBe(21);
    expect(counterText(countFor(bluesky, text, '') ?? fail(), 'en-US')).toBe('7 of 300 characters');
    expect(counterText(countFor(mastodon, text, '') ?? fail(), 'en-US')).toBe('7 of 500 characters');
  });

  it('count Japanese and Hebrew by their characters, whichever way they are written', () => {
    expect(countFor(bluesky, '東京でお会いしましょう', '')?.used).toBe(11);
    expect(countFor(mastodon, 'שלום עולם', '')?.used).toBe(9);
  });

  it('count a link as 23 on Mastodon and as written on Bluesky, and the content warning on Mastodon only', () => {
    const text = 'Read https://example.org/a/very/long/path/that/goes/on';
    expect(countFor(mastodon, text, 'spoilers')?.used).toBe(5 + 23 + 8);
    expect(countFor(bluesky, text, 'spoilers')?.used).toBe(5 + 49);
  });

  it('say how far over the limit a text is, in the reader’s figures', () => {
    const over = countFor(account('mastodon', 1000), 'x'.repeat(1234), '') ?? fail();
    expect(counterText(over, 'en-US')).toBe('1,234 of 1,000 characters: 234 characters over');
    expect(counterText(countFor(bluesky, 'x'.repeat(301), '') ?? fail(), 'de')).toBe(
      '301 of 300 characters: 1 character over',
    );
  });

  it('leave a webhook uncounted: it has no limit', () => {
    expect(countFor(account('webhook'), 'x'.repeat(5000), '')).toBeNull();
  });
});

function fail(): never {
  throw new Error('expected a count');
}
