export { buildApp, type AppOptions } from './build-app.js';
export { startServer, WEB_DIST_DIR } from './start-server.js';
export { SESSION_COOKIE } from './request-guards.js';
