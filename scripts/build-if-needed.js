// `npm start` runs this first: it builds what is missing or older than its sources, and nothing
// else, so a second start does not wait for a build. Each step is rebuilt when one of its outputs
// is missing or older than the newest of its inputs; a step's outputs are the inputs of the steps
// after it, so a change flows down. TypeScript has its own incremental build (tsc -b); the CLI's
// bundle and the web app (Vite) have none, hence this. `--check` says what would be built and
// exits 1 if anything would, without building.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The newest file under each of `paths` (files or folders; missing ones count for nothing). */
function newest(paths, skip = () => false) {
  let found = { path: null, mtimeMs: -Infinity };
  const visit = (path) => {
    if (skip(path)) return;
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return;
    }
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (stats.mtimeMs > found.mtimeMs) found = { path, mtimeMs: stats.mtimeMs };
  };
  for (const path of paths) visit(path);
  return found;
}

/** The oldest of `paths`, or the first that is missing (mtimeMs -Infinity). */
function oldest(paths) {
  let found = { path: null, mtimeMs: Infinity };
  for (const path of paths) {
    let mtimeMs;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return { path, mtimeMs: -Infinity };
    }
    if (mtimeMs < found.mtimeMs) found = { path, mtimeMs };
  }
  return found;
}

/**
 * Why `step` must be built, paths relative to `root`, or null when each of its parts has outputs
 * newer than all its inputs. A part is compared with its own outputs: tsc -b touches the build
 * info of the projects whose sources changed, and of those only.
 */
export function staleness(step, root) {
  for (const part of step.parts) {
    const output = oldest(part.outputs);
    if (output.mtimeMs === -Infinity) return `${relative(root, output.path)} is missing`;
    const input = newest(part.inputs, part.skip);
    if (input.mtimeMs > output.mtimeMs)
      return `${relative(root, input.path)} is newer than ${relative(root, output.path)}`;
  }
  return null;
}

/**
 * Runs each step that is stale, in order, and returns the names of those it ran.
 *
 * @example
 * buildIfNeeded(buildSteps(root)) // [] when all is built; ['the web app'] after a change to packages/web/src
 */
export function buildIfNeeded(steps, { check = false, log = console.log, root = process.cwd() } = {}) {
  const built = [];
  for (const step of steps) {
    const reason = staleness(step, root);
    if (reason === null) continue;
    log(`${check ? 'Would build' : 'Building'} ${step.name}: ${reason}.`);
    built.push(step.name);
    if (check) continue;
    const { status, error } = spawnSync(step.command[0], step.command.slice(1), { cwd: step.cwd, stdio: 'inherit' });
    if (error !== undefined || status !== 0)
      throw new Error(`Building ${step.name} failed (${error?.message ?? `exit status ${status}`}).`);
  }
  if (built.length === 0) log(`Up to date: ${steps.map(({ name }) => name).join(', ')}.`);
  return built;
}

const isTestFile = (path) => /\.test\.tsx?$/.test(path);

/** What `npm run build` does, step by step, with what each step reads and writes. */
export function buildSteps(root) {
  const at = (...paths) => paths.map((path) => join(root, path));
  const compiled = ['core', 'server', 'cli'];
  const viteBin = require.resolve('vite/package.json', { paths: [root] });
  const bundle = join(root, 'packages/cli/dist/bundle');
  return [
    {
      name: 'TypeScript',
      // tsc -b touches each project's build info after a build, even one that finds nothing to emit.
      parts: compiled.map((name) => ({
        inputs: [
          ...at(`packages/${name}/src`, `packages/${name}/tsconfig.json`),
          ...at('tsconfig.base.json', 'tsconfig.json', 'package-lock.json'),
        ],
        // Test files are left out of the projects (their tsconfig excludes them): tsc -b finds a
        // changed test nothing to build, and leaves the build info as it was.
        skip: isTestFile,
        outputs: at(`packages/${name}/tsconfig.tsbuildinfo`),
      })),
      command: [process.execPath, require.resolve('typescript/bin/tsc', { paths: [root] }), '-b'],
      cwd: root,
    },
    {
      name: 'the CLI bundle',
      parts: [
        {
          inputs: [
            ...compiled.flatMap((name) => at(`packages/${name}/dist`)),
            ...at('packages/cli/scripts/bundle.mjs', 'packages/cli/package.json', 'package-lock.json'),
          ],
          // The bundle's own folder (and the code cache the CLI writes there) is its output, not an input.
          skip: (path) => path === bundle,
          outputs: [join(bundle, 'bigrock.cjs'), join(bundle, 'import-worker.cjs')],
        },
      ],
      command: [process.execPath, join(root, 'packages/cli/scripts/bundle.mjs')],
      cwd: join(root, 'packages/cli'),
    },
    {
      name: 'the web app',
      parts: [
        {
          inputs: [
            ...at('packages/web/src', 'packages/web/index.html', 'packages/web/vite.config.ts'),
            ...at('packages/web/package.json', 'packages/web/tsconfig.json', 'packages/core/dist', 'package-lock.json'),
          ],
          skip: isTestFile,
          outputs: at('packages/web/dist/index.html'),
        },
      ],
      command: [
        process.execPath,
        join(dirname(viteBin), JSON.parse(readFileSync(viteBin, 'utf8')).bin.vite),
        'build',
        '--logLevel',
        'warn',
      ],
      cwd: join(root, 'packages/web'),
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const check = process.argv.includes('--check');
  try {
    const built = buildIfNeeded(buildSteps(root), { check, root });
    if (check && built.length > 0) process.exitCode = 1;
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
