// Bundles the CLI into one CommonJS file, dist/bundle/bigrock.cjs, and warms V8's code cache for
// it (bin/bigrock.js loads both). A short command such as `bigrock timer start` otherwise spends
// most of its time finding, reading and compiling hundreds of small ES modules.
// Runs after `tsc -b`, from the compiled JavaScript in dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const cli = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(cli, 'dist/bundle');

// The import's worker thread gets a bundle of its own, next to the CLI's and built with it from the
// same sources, so that the two halves of their messages always match. In place of the module that
// finds the worker next to itself in the server's dist/, the CLI's bundle looks next to itself.
const importWorkerLocation = {
  name: 'import-worker-location',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]import-worker-url\.js$/ }, () => ({
      contents:
        "import { join } from 'node:path';\n" +
        "import { pathToFileURL } from 'node:url';\n" +
        "export const importWorkerUrl = pathToFileURL(join(__dirname, 'import-worker.cjs'));",
      loader: 'js',
    }));
  },
};
// The version, written into the bundle rather than read from package.json at every start.
const writtenVersion = {
  name: 'written-version',
  setup(plugin) {
    const { version } = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'));
    plugin.onLoad({ filter: /[\\/]cli[\\/]dist[\\/]version\.js$/ }, () => ({
      contents: `export const version = ${JSON.stringify(version)};`,
      loader: 'js',
    }));
  },
};
// The heavy clients that only some commands use (Bluesky's, Mastodon's, the PDF writer, pg-boss) stay out of
// the bundle, which every command reads and compiles: they are required when first used, from the
// server package's folder, where npm installs them whether or not it hoists them to the root.
const fromServerPackage = {
  name: 'from-server-package',
  setup(plugin) {
    plugin.onResolve({ filter: /^(@atproto\/api|masto|pdf-lib|pg-boss)$/ }, (args) => ({
      path: args.path,
      namespace: 'from-server-package',
    }));
    plugin.onLoad({ filter: /.*/, namespace: 'from-server-package' }, (args) => ({
      contents:
        "const { createRequire } = require('node:module');\n" +
        "const { join } = require('node:path');\n" +
        `module.exports = createRequire(join(__dirname, '../../../server/package.json'))(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};
const shared = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
};

const worker = await build({
  ...shared,
  entryPoints: [join(cli, '../server/dist/tracking/import/import-worker.js')],
  outfile: join(outdir, 'import-worker.cjs'),
});
const main = await build({
  ...shared,
  // main.ts awaits at the top level, which CommonJS cannot; this entry does the same without it.
  stdin: {
    contents: [
      "import { processIo } from './dist/cli-context.js';",
      "import { endQuietlyWhenOutputCloses } from './dist/quiet-output.js';",
      "import { runCli } from './dist/program.js';",
      'endQuietlyWhenOutputCloses();',
      'runCli(process.argv.slice(2), processIo).then((code) => { process.exitCode = code; });',
    ].join('\n'),
    resolveDir: cli,
    sourcefile: 'bundle-entry.js',
  },
  outfile: join(outdir, 'bigrock.cjs'),
  // A native addon, an optional one, and the HTTP server, which bin/bigrock.js loads unbundled for
  // `serve` (a bundle run through vm cannot import() a module on Node 20).
  external: ['better-sqlite3', 'pg-native', '@bigrock/server/http'],
  plugins: [importWorkerLocation, writtenVersion, fromServerPackage],
});
const outputFiles = [...worker.outputFiles, ...main.outputFiles];
// Each file replaced in one step, so that a CLI started during a build finds the old or the new one.
mkdirSync(outdir, { recursive: true });
for (const file of outputFiles) {
  writeFileSync(`${file.path}.${process.pid}`, file.contents);
  renameSync(`${file.path}.${process.pid}`, file.path);
}
rmSync(join(outdir, 'bigrock.cjs.cache'), { force: true });

// One run writes the code cache next to the bundle (bin/bigrock.js does, when there is none):
// starting a timer compiles the path the CLI takes most often.
const data = mkdtempSync(join(tmpdir(), 'bigrock-bundle-'));
try {
  execFileSync(process.execPath, [join(cli, 'bin/bigrock.js'), 'timer', 'start', 'Warm-up'], {
    env: { BIGROCK_DATA: data, BIGROCK_TZ: 'UTC' },
    stdio: 'ignore',
  });
} finally {
  rmSync(data, { recursive: true, force: true });
}
