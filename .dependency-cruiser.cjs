/** Dependencies point inward: web, cli and server may use core; core uses none of them, nor Node. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'packages/core is the pure domain: no Node built-ins.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-imports-no-outer-layer',
      comment: 'packages/core must not import server, web or cli.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { path: ['^packages/(server|web|cli)', '@bigrock/(server|web|cli)'] },
    },
    {
      name: 'core-no-io-libraries',
      comment: 'packages/core must not reach a database, an HTTP stack or a UI library.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { path: 'node_modules/(kysely|better-sqlite3|pg|fastify|@fastify|react|react-dom|commander)/' },
    },
    {
      name: 'server-not-into-outer-layers',
      severity: 'error',
      from: { path: '^packages/server/src' },
      to: { path: ['^packages/(web|cli)', '@bigrock/(web|cli)'] },
    },
    {
      name: 'web-talks-to-the-api-only',
      comment: 'The web app reaches data through the HTTP API, never the server code.',
      severity: 'error',
      from: { path: '^packages/web/src' },
      to: { path: ['^packages/(server|cli)', '@bigrock/(server|cli)'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', 'node_modules'] },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
};
