// The goals list (GET /api/v1/goals) against a running server: the demo's 5 goals, and 20 goals
// holding 1,000,000 data points restored from a generated backup. Run alone with
// `node bench/goals-list.js` (after npm run build), or as part of `npm run bench`.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { generateGoals } from './generate-goals.js';
import { load } from './http-load.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/bigrock.js');
const serverMain = join(root, 'packages/server/dist/main.js');
const CLOCK_TICKS_PER_MS = 100 / 1000;

/** The CPU time a process has used so far, in milliseconds (Linux), or null elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_MS;
  } catch {
    return null;
  }
}

/** A port nobody listens on: the server answers only to the Host it was started with. */
async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

async function startServer(env, extraArgs = []) {
  const child = spawn(process.execPath, [...extraArgs, serverMain], {
    env: { ...env, BIGROCK_PORT: String(await freePort()) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout) {
    output += chunk;
    const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
    if (url !== undefined) return { child, url };
  }
  throw new Error(`The server did not start: ${output}`);
}

async function stopServer(child) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await once(child, 'exit');
}

/** Times the list on one data directory; `label` names it in the figures. */
async function measure(env, { sequential, concurrent }) {
  const { child, url } = await startServer(env);
  try {
    const list = `${url}/api/v1/goals`;
    const health = `${url}/api/health`;
    await load(list, { concurrency: 1, requests: 10 });
    await load(health, { concurrency: 1, requests: 100 });

    const cpuBefore = cpuMs(child.pid);
    const alone = await load(list, { concurrency: 1, requests: sequential });
    const cpuAfter = cpuMs(child.pid);
    const healthAlone = await load(health, { concurrency: 1, requests: sequential * 4 });

    const listLoaded = await load(list, { concurrency: 16, requests: concurrent });
    const healthLoaded = await load(health, { concurrency: 16, requests: concurrent * 4 });
    const bytes = (await (await fetch(list)).arrayBuffer()).byteLength;
    return {
      bytes,
      aloneMs: alone.median,
      healthAloneMs: healthAlone.median,
      cpuMsPerRequest: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / sequential,
      loaded: listLoaded,
      healthLoaded,
    };
  } finally {
    await stopServer(child);
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/** The list's figures on the demo and on 20 goals with `points` data points; keeps nothing. */
export async function benchGoalsList({ points = 1_000_000, goals = 20, log = console.log } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'bigrock-bench-goals-'));
  const run = (env, args) => promisify(execFile)(process.execPath, [bin, ...args], { env, maxBuffer: 1 << 24 });
  try {
    const base = { PATH: process.env.PATH, BIGROCK_TZ: 'Europe/Paris' };
    const demoEnv = { ...base, BIGROCK_DATA: join(work, 'demo') };
    log('Loading the demo…');
    await run(demoEnv, ['demo']);
    log('Timing the goals list of the demo…');
    const demo = await measure(demoEnv, { sequential: 200, concurrent: 800 });

    const bigEnv = { ...base, BIGROCK_DATA: join(work, 'big') };
    const file = join(work, 'goals.json');
    log(`Generating ${goals} goals with ${points.toLocaleString('en')} data points…`);
    const bytes = await generateGoals(file, { goals, points, today: today() });
    // Newer CLIs ask before replacing a workspace, or want --yes when nobody can answer.
    const { stdout: help } = await run(bigEnv, ['restore', '--help']);
    log('Restoring them…');
    const started = performance.now();
    await run(bigEnv, ['restore', file, ...(help.includes('--yes') ? ['--yes'] : [])]);
    const restoreSeconds = (performance.now() - started) / 1000;
    log(`Timing the goals list of ${goals} goals…`);
    const big = await measure(bigEnv, {
      sequential: Number(process.env.BENCH_LIST_SEQUENTIAL ?? 30),
      concurrent: Number(process.env.BENCH_LIST_CONCURRENT ?? 160),
    });
    return { goals, points, backupBytes: bytes, restoreSeconds, demo, big };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await benchGoalsList({ points: Number(process.env.BENCH_POINTS ?? 1_000_000) });
  console.log(JSON.stringify(figures, null, 2));
}
