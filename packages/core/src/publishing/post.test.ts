import { describe, expect, it } from 'vitest';

import { createPostSchema, postLengthProblem, postStatus, postTextFor } from './post.js';

const mastodon = { network: 'mastodon' as const, name: '@maria@social.test', limits: null };
const bluesky = { network: 'bluesky' as const, name: 'maria.test', limits: null };

describe('postLengthProblem', () => {
  it('says by how much a text is over, for which network, and where to shorten it', () => {
    const problem = postLengthProblem({ text: 'é'.repeat(310) }, [mastodon, bluesky]);
    expect(problem).toMatchObject({ field: 'text', network: 'bluesky', count: { used: 310, limit: 300 } });
    expect(problem?.message).toBe(
      'text is 10 characters over Bluesky’s limit of 300 (maria.test): shorten it, or give overrides.bluesky.',
    );
  });

  it('checks an override against its own network only', () => {
    const post = { text: 'x'.repeat(400), overrides: { bluesky: 'short' } };
    expect(postLengthProblem(post, [mastodon, bluesky])).toBeNull();
    expect(postLengthProblem({ ...post, overrides: { bluesky: 'y'.repeat(301) } }, [bluesky])?.field).toBe(
      'overrides.bluesky',
    );
  });

  it("counts Mastodon's content warning and the instance's own limit", () => {
    const limited = {
      ...mastodon,
      limits: {
        maxCharacters: 20,
        charactersReservedPerUrl: 23,
        maxMediaAttachments: 4,
        imageSizeLimit: null,
        supportedMimeTypes: [],
      },
    };
    expect(postLengthProblem({ text: 'x'.repeat(15) }, [limited])).toBeNull();
    const problem = postLengthProblem({ text: 'x'.repeat(15), contentWarning: 'spoilers!' }, [limited]);
    expect(problem?.message).toContain('4 characters over Mastodon’s limit of 20');
    expect(problem?.message).toContain('the content warning counts too');
  });

  it('leaves webhooks unlimited', () => {
    expect(
      postLengthProblem({ text: 'x'.repeat(5000) }, [{ network: 'webhook', name: 'hooks', limits: null }]),
    ).toBeNull();
  });
});

describe('posts', () => {
  it('give each network its override or the text', () => {
    expect(postTextFor('bluesky', 'base', { bluesky: 'sky' })).toBe('sky');
    expect(postTextFor('mastodon', 'base', { bluesky: 'sky' })).toBe('base');
    expect(postTextFor('webhook', 'base', { mastodon: 'm' })).toBe('base');
  });

  it('go to the queue unless told when', () => {
    expect(createPostSchema.parse({ text: ' hi ' })).toMatchObject({ text: 'hi', when: { kind: 'queue' } });
    expect(createPostSchema.safeParse({ text: 'hi', when: { kind: 'at', at: 'tomorrow' } }).success).toBe(false);
    expect(createPostSchema.safeParse({ text: 'hi', when: { kind: 'at', at: '2027-01-04 09:00' } }).success).toBe(true);
  });

  it('stand as their most pressing delivery', () => {
    expect(postStatus(['posted', 'failed', 'queued'])).toBe('failed');
    expect(postStatus(['posted', 'queued'])).toBe('queued');
    expect(postStatus(['posted', 'cancelled'])).toBe('posted');
    expect(postStatus(['cancelled'])).toBe('cancelled');
  });
});
