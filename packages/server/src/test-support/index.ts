export * from './test-bigrock.js';
export * from './start-test-server.js';
export * from './timer-chain.js';
export * from './pdf-text.js';
export * from './review-week.js';
export * from './mastodon-test-server.js';
export * from './webhook-receiver.js';
export * from './feed-test-server.js';
