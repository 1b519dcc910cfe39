/** The networks Bigrock posts to. */
export const publishingNetworks = ['mastodon', 'bluesky', 'webhook'] as const;
export type PublishingNetwork = (typeof publishingNetworks)[number];
