import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://127.0.0.1:4545';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    // The server serves this folder (WEB_DIST_DIR in packages/server/src/http/start-server.ts).
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React changes less often than the app: in a chunk of its own it stays cached across releases.
        // The other libraries go with the pages that use them (the charts, zod's schemas, papaparse),
        // so that the first page loads none it does not need: one vendor chunk for all of them
        // would put them all in the first load.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': {
        target: apiServer,
        changeOrigin: true,
        // The API accepts changes only from its own origin. The dev server is another origin on the same
        // host, so it speaks for the page; the session cookie is shared across ports once you have opened
        // the real server (bigrock serve) in this browser.
        headers: { origin: apiServer },
      },
    },
  },
});
