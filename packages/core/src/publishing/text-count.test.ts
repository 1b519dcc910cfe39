import { describe, expect, it } from 'vitest';

import { countBluesky, countMastodon, graphemeCount, utf8Length } from './text-count.js';

const limits = { maxCharacters: 500, charactersReservedPerUrl: 23 };

describe('graphemeCount', () => {
  it.each([
    ['a thumbs up with a skin tone is one', '👍🏽', 1],
    ['a family joined by zero-width joiners is one', '👨‍👩‍👧‍👦', 1],
    ['a rainbow flag (ZWJ sequence) is one', '🏳️‍🌈', 1],
    ['a flag of two regional indicators is one', '🇫🇷', 1],
    ['e with a combining acute accent is one', 'e\u0301', 1],
    ['stacked combining marks stay on their letter', 'a\u0301\u0323\u0308b', 2],
    ['CJK characters count one each', '東京タワー', 5],
    ['Hebrew right-to-left text counts its letters', 'שלום עולם', 9],
    ['Arabic with a right-to-left mark', 'مرحبا\u200f', 6],
  ])('%s', (_, text, expected) => {
    expect(graphemeCount(text)).toBe(expected);
  });
});

describe('utf8Length', () => {
  it('agrees with an encoder on every kind of character', () => {
    for (const text of ['abc', 'é', 'e\u0301', '東京', '👍🏽', '👨‍👩‍👧‍👦', 'שלום', '\u{10FFFF}']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('countMastodon', () => {
  it('counts every link as the reserved length, however long or short it is', () => {
    const long = `Read https://example.org/${'a'.repeat(200)}`;
    expect(countMastodon(long, { limits }).used).toBe('Read '.length + 23);
    expect(countMastodon('https://x.io', { limits }).used).toBe(23);
    expect(countMastodon('a https://x.io b', { limits: { ...limits, charactersReservedPerUrl: 10 } }).used).toBe(
      2 + 10 + 2,
    );
  });

  it('leaves the full stop after a link out of the link', () => {
    expect(countMastodon('See https://example.org/page.', { limits }).used).toBe('See '.length + 23 + 1);
    expect(countMastodon('(https://example.org/Rock_(geology))', { limits }).used).toBe(1 + 23 + 1);
  });

  it('counts a mention by its local part only', () => {
    expect(countMastodon('hi @maria@social.example.org!', { limits }).used).toBe('hi @maria!'.length);
    expect(countMastodon('hi @maria', { limits }).used).toBe('hi @maria'.length);
  });

  it('does not take an email address for a mention', () => {
    expect(countMastodon('write to maria@social.example.org', { limits }).used).toBe(33);
  });

  it('counts the content warning with the text', () => {
    const count = countMastodon('x'.repeat(490), { contentWarning: 'spoilers!!!', limits });
    expect(count).toEqual({ used: 501, limit: 500, remaining: -1, over: true });
    expect(countMastodon('x'.repeat(489), { contentWarning: 'spoilers!!!', limits }).over).toBe(false);
  });

  it('counts emoji, accents, CJK and right-to-left text by grapheme', () => {
    expect(countMastodon('👍🏽👨‍👩‍👧 e\u0301 東京 שלום', { limits }).used).toBe(2 + 1 + 1 + 1 + 2 + 1 + 4);
  });

  it("reads the instance's own limit", () => {
    expect(countMastodon('x'.repeat(501), { limits: { ...limits, maxCharacters: 5000 } }).over).toBe(false);
  });
});

describe('countBluesky', () => {
  it('counts 300 graphemes, links as written', () => {
    expect(countBluesky('x'.repeat(300))).toEqual({ used: 300, limit: 300, remaining: 0, over: false });
    expect(countBluesky('https://example.org').used).toBe(19);
  });

  it('takes 300 family emoji but not 301, though each is many code units', () => {
    expect(countBluesky('👨‍👩‍👧‍👦'.repeat(300)).over).toBe(false);
    expect(countBluesky('👨‍👩‍👧‍👦'.repeat(301)).over).toBe(true);
  });

  it('counts combining accents, CJK and right-to-left text by grapheme', () => {
    expect(countBluesky('e\u0301'.repeat(300)).over).toBe(false);
    expect(countBluesky('東'.repeat(301)).over).toBe(true);
    expect(countBluesky('مرحبا بالعالم').used).toBe(13);
  });
});
