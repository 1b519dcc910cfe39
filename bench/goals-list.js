// The goals list (GET /api/v1/goals) against a running server: the demo's 5 goals, and 20 goals
// holding 1,000,000 data points restored from a generated backup. Run alone with
// `node bench/goals-list.js` (after npm run build), or as part of `npm run bench`.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { generateGoals } from './generate-goals.js';
import { load as loadAll } from './http-load.js';

/** The load's figures, or an error if any request was not answered 200: a figure of refusals means nothing. */
async function loadOk(url, options) {
  const figures = await loadAll(url, options);
  if (figures.failed > 0)
    throw new Error(`${figures.failed} of ${options.requests} requests to ${url} were not answered 200.`);
  return figures;
}

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

export async function startServer(env, extraArgs = []) {
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

export async function stopServer(child) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await once(child, 'exit');
}

/** Times the list on one data directory; `label` names it in the figures. */
async function measure(env, { sequential, concurrent }) {
  const { child, url } = await startServer(env);
  const load1 = loadavg()[0];
  try {
    const list = `${url}/api/v1/goals`;
    const health = `${url}/api/health`;
    // Reading data needs the session: the bearer token, as a script sends it; and gzip, as every
    // browser accepts it.
    const { stdout: token } = await promisify(execFile)(process.execPath, [bin, 'token'], { env });
    const headers = { authorization: `Bearer ${token.trim()}`, 'accept-encoding': 'gzip, deflate, br' };
    const load = (target, options) => loadOk(target, { ...options, headers });
    // Warm up as the measures will run: alone, then 16 at once (the JIT settles in the first burst).
    await load(list, { concurrency: 1, requests: 10 });
    await load(health, { concurrency: 1, requests: 100 });
    await load(list, { concurrency: 16, requests: 500 });
    await load(health, { concurrency: 16, requests: 1000 });

    const cpuBefore = cpuMs(child.pid);
    const alone = await load(list, { concurrency: 1, requests: sequential });
    const cpuAfter = cpuMs(child.pid);
    const healthAlone = await load(health, { concurrency: 1, requests: sequential * 4 });

    const listLoaded = await load(list, { concurrency: 16, requests: concurrent });
    const healthLoaded = await load(health, { concurrency: 16, requests: concurrent * 4 });
    const answer = await fetch(list, { headers });
    const standings = await answer.json();
    const bytes = JSON.stringify(standings).length;
    const wireBytes = Number(answer.headers.get('content-length'));

    // After a write, the list is computed again: one data point logged, then the list read.
    const firstGoal = standings[0].goal.id;
    const afterWrite = [];
    for (let index = 0; index < sequential; index += 1) {
      const logged = await fetch(`${url}/api/v1/goals/${firstGoal}/points`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ value: 1 }),
      });
      if (logged.status !== 201) throw new Error(`Logging a point was answered ${logged.status}.`);
      const started = performance.now();
      const read = await fetch(list, { headers });
      await read.arrayBuffer();
      if (read.status !== 200) throw new Error(`The list was answered ${read.status}.`);
      afterWrite.push(performance.now() - started);
    }
    afterWrite.sort((a, b) => a - b);
    return {
      load: load1,
      bytes,
      wireBytes,
      afterWriteMs: afterWrite[Math.floor(afterWrite.length / 2)],
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

/**
 * The same measures before pace came from day totals (commit 5a7727e: every data point read and
 * folded in JavaScript, calendar dates through Luxon), by this script on this machine while
 * others built, with 2 requests alone and 16 at once for the 20 goals.
 */
export const BEFORE = {
  load: 15,
  demo: {
    aloneMs: 134,
    healthAloneMs: 1.35,
    cpuMsPerRequest: 33.3,
    loaded: { median: 3072, p99: 10659, perSecond: 4.8, failed: 0 },
    healthLoaded: { median: 9.7, p99: 112 },
  },
  big: {
    aloneMs: 51648,
    healthAloneMs: 12.1,
    cpuMsPerRequest: 12385,
    loaded: { median: 248935, p99: 365280, perSecond: 0.044, failed: 0 },
    healthLoaded: { median: 18.4, p99: 29 },
  },
};

const GOAL_MS = 20;
/** The answer's size before: 201 chart points a goal, never compressed. */
const BEFORE_BYTES = 278_366;
const GOAL_RATIO = 3;
const ms = (value) => (value >= 100 ? Math.round(value).toLocaleString('en') : String(Number(value.toPrecision(2))));
const ratio = (list, health) => `${Number((list.median / health.median).toPrecision(2)).toLocaleString('en')}×`;

/** The BENCHMARKS.md section of the goals list, before and after side by side. */
export function goalsListMarkdown(figures, before = BEFORE) {
  const { demo, big } = figures;
  const verdict = (ok) => (ok ? 'met' : '**not met**');
  const row = (measure, was, now, goal = '', met = '') => `| ${measure} | ${was} | ${now} | ${goal} | ${met} |`;
  return `## The goals list (GET /api/v1/goals)

Data: the demo's 5 goals; and ${figures.goals} goals holding ${figures.points.toLocaleString('en')} data points between them
(a year of points each, up to ${Math.ceil(figures.points / figures.goals / 365)} a day, values with cents), restored from a generated backup
(${Math.round(figures.backupBytes / 2 ** 20)} MB) in ${figures.restoreSeconds.toFixed(0)} s. The server (\`packages/server/dist/main.js\`, SQLite) and the load loop
(\`bench/http-load.js\`: clients on kept-alive connections, each sending its next request when the
last is answered) share the two cores of a shared machine: the load average was
${demo.load.toFixed(1)} and ${big.load.toFixed(1)} when the two were measured (${before.load} before). Latencies are medians unless
marked p99; the ratios to \`GET /api/health\` (a trivial read) at the same concurrency are the
figures that hold on a busy machine.

| measure | before | after | goal | |
|---|---|---|---|---|
${row('demo, one request at a time', `${ms(before.demo.aloneMs)} ms`, `${ms(demo.aloneMs)} ms`)}
${row('demo, server CPU per request', `${ms(before.demo.cpuMsPerRequest)} ms`, `${ms(demo.cpuMsPerRequest)} ms`)}
${row('demo, 16 at once', `${ms(before.demo.loaded.median)} ms (p99 ${ms(before.demo.loaded.p99)} ms, ${ms(before.demo.loaded.perSecond)}/s)`, `${ms(demo.loaded.median)} ms (p99 ${ms(demo.loaded.p99)} ms, ${ms(demo.loaded.perSecond)}/s)`)}
${row('health, 16 at once, beside the demo', `${ms(before.demo.healthLoaded.median)} ms`, `${ms(demo.healthLoaded.median)} ms`)}
${row('demo list ÷ health, 16 at once', ratio(before.demo.loaded, before.demo.healthLoaded), ratio(demo.loaded, demo.healthLoaded), `≤ ${GOAL_RATIO}×`, verdict(demo.loaded.median <= GOAL_RATIO * demo.healthLoaded.median))}
${row(`${figures.goals} goals, one request at a time`, `${ms(before.big.aloneMs)} ms`, `${ms(big.aloneMs)} ms`, `< ${GOAL_MS} ms`, verdict(big.aloneMs < GOAL_MS))}
${row(`${figures.goals} goals, just after a write`, `${ms(before.big.aloneMs)} ms`, `${ms(big.afterWriteMs)} ms`, `< ${GOAL_MS} ms`, verdict(big.afterWriteMs < GOAL_MS))}
${row(`${figures.goals} goals, server CPU per request`, `${ms(before.big.cpuMsPerRequest)} ms`, `${ms(big.cpuMsPerRequest)} ms`)}
${row(`${figures.goals} goals, one at a time ÷ health alone`, `${Math.round(before.big.aloneMs / before.big.healthAloneMs).toLocaleString('en')}×`, `${Math.round(big.aloneMs / big.healthAloneMs)}×`)}
${row(`${figures.goals} goals, 16 at once`, `${ms(before.big.loaded.median)} ms (p99 ${ms(before.big.loaded.p99)} ms${before.big.loaded.failed > 0 ? `, ${before.big.loaded.failed} of 16 timed out` : ''})`, `${ms(big.loaded.median)} ms (p99 ${ms(big.loaded.p99)} ms)`)}
${row(`${figures.goals} goals list ÷ health, 16 at once`, ratio(before.big.loaded, before.big.healthLoaded), ratio(big.loaded, big.healthLoaded), `≤ ${GOAL_RATIO}×`, verdict(big.loaded.median <= GOAL_RATIO * big.healthLoaded.median))}
${row(`response, ${figures.goals} goals`, `${Math.round(BEFORE_BYTES / 1024)} KiB`, `${Math.round(big.bytes / 1024)} KiB of JSON, ${Math.round(big.wireBytes / 1024)} KiB gzipped`)}

Where the time went (node --cpu-prof of the server): for the demo's 5 goals, four fifths in Luxon,
parsing the same dates again for every date of every chart (\`daysBetween\`, \`addDays\`); for a
million points, reading and folding every one of them. Pace now reads each goal's day totals
(\`goal_days\`, kept by the writes: ARCHITECTURE.md), and plain dates are counted in UTC without
Luxon. A card of the list draws 60 chart points (the goal's own page 200), each the last day
total on or before its date, looked up in one query for all the goals. The answer is then kept,
as JSON and gzipped, until the data changes (a data version from the database: SQLite's
\`data_version\` and \`total_changes()\`, PostgreSQL's snapshot) or the day does: a request then
costs two small queries (today in the workspace's zone, the version) and the socket. "Just after
a write" is the list computed again, each time after one data point is logged. For scale, a read
as small as one can be but through the session check and one query (\`GET /api/v1/workspace\`)
costs about 1.5 times \`/api/health\` at 16 at once; the list's ratio moves between 2 and 3 from
run to run.
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await benchGoalsList({ points: Number(process.env.BENCH_POINTS ?? 1_000_000) });
  console.log(JSON.stringify(figures, null, 2));
  console.log(goalsListMarkdown(figures));
}
