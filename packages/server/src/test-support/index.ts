export * from './test-bigrock.js';
export * from './start-test-server.js';
export * from './timer-chain.js';
