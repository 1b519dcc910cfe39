// Delivery that never posts twice, under load and crashes: 10,000 posts due at the same instant to
// a webhook account whose local receiver verifies every signature (the standardwebhooks package)
// and counts messages by webhook-id. On PostgreSQL four worker processes (pg-boss), two of them
// killed with SIGKILL mid-run (at about 30 % and 60 % delivered) and started again; on SQLite the
// app's in-process loop, in one process killed at about half and started again. Timed from the
// first worker's start to the last delivery saved as posted; then every post is checked: received,
// under one webhook-id only, that id the idempotency key saved for it, its delivery posted.
// Run alone with `node bench/publishing.js` (after npm run build), or as part of `npm run bench`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';
import { Webhook } from 'standardwebhooks';

import { DEFAULT_WORKSPACE_ID, openBigrock } from '../packages/server/dist/bigrock.js';
import { loadConfig } from '../packages/server/dist/config/config.js';
import { newId } from '../packages/server/dist/db/new-id.js';
import { DEFAULT_LEASE_MS } from '../packages/server/dist/publishing/delivery.service.js';
import { createPostRepository } from '../packages/server/dist/publishing/post.repository.js';

const worker = fileURLToPath(new URL('delivery-worker.js', import.meta.url));
const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const RUNS = Number(process.env.BENCH_PUBLISHING_RUNS ?? 3);
const POSTGRES_URL = process.env.BENCH_PUBLISHING_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Worker processes on PostgreSQL, pg-boss workers in each, and when two of them are killed. */
const PROCESSES = 4;
const WORKERS_PER_PROCESS = Number(process.env.BENCH_WORKERS ?? 2);
const POSTGRES_KILLS = [0.3, 0.6];
const SQLITE_KILLS = [0.5];
/** The sweep (PostgreSQL) and the loop (SQLite) as `bigrock worker` runs them, and the lease of a send. */
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 5000);
// The lease of a send: the shipped one (20 s, renewed while the network call lasts) unless
// BENCH_LEASE_MS says otherwise; a killed worker's send is taken over when it lapses.
const LEASE_MS = process.env.BENCH_LEASE_MS ? Number(process.env.BENCH_LEASE_MS) : DEFAULT_LEASE_MS;
/** How long the receiver takes to answer, after it has kept the message: a kill can land in between. */
const RECEIVER_DELAY_MS = Number(process.env.BENCH_RECEIVER_DELAY_MS ?? 0);
const TIMEOUT_MS = 10 * 60_000;
/** BENCH_PUBLISHING_ONLY=postgres or sqlite: one side only. */
const ONLY = process.env.BENCH_PUBLISHING_ONLY ?? '';
export const PUBLISHING_GOALS = { postgresSeconds: 60 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 1) => Number(value.toFixed(digits));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The machine's CPU ticks so far and those stolen by the hypervisor (Linux), as in bench/run.js. */
function cpuTicks() {
  if (!existsSync('/proc/stat')) return null;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.reduce((sum, value) => sum + value, 0), steal: fields[7] ?? 0 };
}

/**
 * A webhook receiver as Standard Webhooks asks one to be: each message's signature verified with
 * the account's secret, its webhook-id kept; a message whose id it has seen is a resend, answered
 * 2xx and not taken again (counted apart).
 */
async function startReceiver() {
  const state = {
    secret: null,
    /** webhook-id → { text, at (ms since the bench's start of the run) } of its first message. */
    ids: new Map(),
    messages: 0,
    resends: 0,
    badSignatures: 0,
    startedAt: performance.now(),
    lastNewAt: 0,
  };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      state.messages += 1;
      let payload;
      try {
        payload = new Webhook(state.secret).verify(body, request.headers);
      } catch {
        state.badSignatures += 1;
        response.writeHead(400).end('bad signature');
        return;
      }
      const id = request.headers['webhook-id'];
      if (state.ids.has(id)) state.resends += 1;
      else {
        state.lastNewAt = performance.now() - state.startedAt;
        state.ids.set(id, { text: payload.data.text, at: state.lastNewAt });
      }
      const answer = () => response.writeHead(204).end();
      if (RECEIVER_DELAY_MS > 0) setTimeout(answer, RECEIVER_DELAY_MS);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks/bigrock`,
    state,
    reset(secret) {
      Object.assign(state, {
        secret,
        ids: new Map(),
        messages: 0,
        resends: 0,
        badSignatures: 0,
        startedAt: performance.now(),
        lastNewAt: 0,
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function startWorker(env) {
  const child = spawn(process.execPath, [worker], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`a worker exited (${code ?? signal}) before it was ready`)));
    child.stdout.on('data', (chunk) => {
      if (chunk.toString().includes('ready')) resolve();
    });
  });
  // Killed on purpose before it was ready: not an error of the run.
  ready.catch(() => {});
  return { child, ready };
}

const exited = (child) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');

/**
 * Writes `count` posts to the account, all due at `at`, through the post repository as
 * posts.create writes them (a post, its delivery queued at version 1), 500 to a transaction: made
 * one by one through the service, 10,000 take longer than its minute of leeway for a time just past.
 */
async function createPosts(bigrock, account, count, at) {
  const posts = createPostRepository(bigrock.db, bigrock.dialect, DEFAULT_WORKSPACE_ID);
  const now = new Date().toISOString();
  for (let first = 0; first < count; first += 500) {
    await posts.transaction(async (trx) => {
      for (let index = first; index < Math.min(count, first + 500); index++) {
        await trx.insert({
          id: newId(),
          text: `Bench post ${index}`,
          overrides: {},
          contentWarning: null,
          whenKind: 'at',
          scheduledAt: at.toISOString(),
          at: now,
          deliveries: [{ id: newId(), accountId: account.id, network: account.network }],
          media: [],
        });
      }
    });
  }
}

/**
 * One run: a fresh database (a data directory, or a PostgreSQL schema), POSTS posts due at the
 * same instant, then `processes` workers started, killed at the fractions delivered in `kills` and
 * started again, timed until every delivery is posted; then checked.
 */
async function deliveryRun({ dialect, receiver, log }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bigrock-bench-publishing-'));
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const secretKey = randomBytes(32).toString('base64');
  const env = {
    PATH: process.env.PATH,
    BIGROCK_DATA: dataDir,
    BIGROCK_TZ: 'UTC',
    DATABASE_URL: dialect === 'postgres' ? POSTGRES_URL : '',
    BIGROCK_SECRET_KEY: dialect === 'postgres' ? secretKey : '',
    BENCH_SCHEMA: dialect === 'postgres' ? schema : '',
    BENCH_WORKERS: String(WORKERS_PER_PROCESS),
    BENCH_POLL_MS: String(POLL_MS),
    BENCH_LEASE_MS: String(LEASE_MS),
  };
  const admin = dialect === 'postgres' ? new pg.Client({ connectionString: POSTGRES_URL }) : null;
  if (admin !== null) {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  }
  const processes = dialect === 'postgres' ? PROCESSES : 1;
  const kills = dialect === 'postgres' ? POSTGRES_KILLS : SQLITE_KILLS;
  const children = [];
  let bigrock;
  try {
    bigrock = await openBigrock(loadConfig(env), { schema: dialect === 'postgres' ? schema : undefined });
    const { account, secret } = await bigrock.publishingAccounts.add({ network: 'webhook', url: receiver.url });
    receiver.reset(secret);

    // Due at the start of this minute, all of them: every one is due when the workers start.
    const dueAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    log(`Publishing on ${dialect}: making ${POSTS.toLocaleString('en')} posts due at ${dueAt.toISOString()}…`);
    const madeStarted = performance.now();
    await createPosts(bigrock, account, POSTS, dueAt);
    const makeSeconds = (performance.now() - madeStarted) / 1000;
    const posted = async () =>
      Number(
        (
          await bigrock.db
            .selectFrom('post_deliveries')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', '=', 'posted')
            .executeTakeFirstOrThrow()
        ).n,
      );

    log(`Publishing on ${dialect}: ${processes} worker process${processes > 1 ? 'es' : ''}, delivering…`);
    const load = loadavg()[0];
    const ticksBefore = cpuTicks();
    receiver.reset(secret);
    const started = performance.now();
    for (let index = 0; index < processes; index++) children.push(startWorker(env));
    // A worker that dies on its own (not killed here) makes the run mean nothing: it stops the bench.
    await Promise.all(children.map(({ ready }) => ready));
    const killed = [];
    let done = 0;
    let lastCheck = 0;
    while (done < POSTS) {
      const delivered = receiver.state.ids.size;
      const due = kills[killed.length];
      if (due !== undefined && delivered >= due * POSTS) {
        // The nth kill takes the nth process; another starts at once in its place.
        const victim = children[killed.length];
        if (victim.child.exitCode !== null || victim.child.signalCode !== null)
          throw new Error(`A worker exited on its own (${victim.child.exitCode ?? victim.child.signalCode}).`);
        victim.child.kill('SIGKILL');
        await exited(victim.child);
        killed.push({ atSeconds: (performance.now() - started) / 1000, delivered });
        children.push(startWorker(env));
      }
      // The database is asked less often than the receiver, and at once when all have arrived.
      if (delivered >= POSTS || performance.now() - lastCheck > 500) {
        lastCheck = performance.now();
        done = await posted();
      }
      if (performance.now() - started > TIMEOUT_MS)
        throw new Error(`Only ${done} of ${POSTS} posted after ${TIMEOUT_MS / 1000} s (${delivered} received).`);
      if (done < POSTS) await sleep(dialect === 'postgres' ? 20 : 50);
    }
    const seconds = (performance.now() - started) / 1000;
    const died = children.filter(({ child }, index) => index >= kills.length && child.exitCode !== null);
    if (died.length > 0) throw new Error(`${died.length} worker process(es) exited on their own during the run.`);
    const ticksAfter = cpuTicks();
    const receivedSeconds = (receiver.state.lastNewAt - (started - receiver.state.startedAt)) / 1000;
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map(({ child }) => exited(child)));

    // The checks: every post once, by webhook-id, under the key saved for it.
    const rows = await bigrock.db
      .selectFrom('post_deliveries as d')
      .innerJoin('posts as p', 'p.id', 'd.post_id')
      .select(['p.text', 'd.status', 'd.idempotency_key'])
      .execute();
    const { state } = receiver;
    const idOfText = new Map();
    let textsTwice = 0;
    for (const [id, { text }] of state.ids) {
      if (idOfText.has(text)) textsTwice += 1;
      idOfText.set(text, id);
    }
    const problems = [];
    if (rows.length !== POSTS) problems.push(`${rows.length} deliveries in the database`);
    if (state.ids.size !== POSTS) problems.push(`${state.ids.size} distinct webhook-ids received`);
    if (textsTwice > 0) problems.push(`${textsTwice} posts received under a second webhook-id`);
    if (state.badSignatures > 0) problems.push(`${state.badSignatures} messages with a bad signature`);
    const notPosted = rows.filter((row) => row.status !== 'posted').length;
    if (notPosted > 0) problems.push(`${notPosted} deliveries not posted`);
    const wrongKey = rows.filter((row) => idOfText.get(row.text) !== row.idempotency_key).length;
    if (wrongKey > 0) problems.push(`${wrongKey} posts received under another id than their saved key`);
    if (problems.length > 0) throw new Error(`Publishing on ${dialect}: ${problems.join('; ')}.`);
    const attempts = await bigrock.db.selectFrom('post_attempts').select(['outcome']).execute();
    const stealPercent =
      ticksBefore === null || ticksAfter === null
        ? null
        : (100 * (ticksAfter.steal - ticksBefore.steal)) / Math.max(1, ticksAfter.total - ticksBefore.total);
    return {
      seconds,
      receivedSeconds,
      postsPerSecond: POSTS / seconds,
      makeSeconds,
      messages: state.messages,
      resends: state.resends,
      attempts: attempts.length,
      takenOver: attempts.filter((attempt) => attempt.outcome === 'unknown').length,
      kills: killed,
      load,
      stealPercent,
    };
  } finally {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map(({ child }) => exited(child)));
    await bigrock?.close();
    if (admin !== null) {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await client.connect();
    return (await client.query('show server_version')).rows[0].server_version.split(' ')[0];
  } catch (error) {
    return { error: error.message };
  } finally {
    await client.end().catch(() => {});
  }
}

function summary(runs) {
  const pick = (name) => runs.map((run) => run[name]);
  return {
    runs,
    seconds: round(median(pick('seconds'))),
    minSeconds: round(Math.min(...pick('seconds'))),
    maxSeconds: round(Math.max(...pick('seconds'))),
    receivedSeconds: round(median(pick('receivedSeconds'))),
    postsPerSecond: Math.round(median(pick('postsPerSecond'))),
    makeSeconds: round(median(pick('makeSeconds'))),
    resends: median(pick('resends')),
    maxResends: Math.max(...pick('resends')),
    takenOver: median(pick('takenOver')),
    loads: pick('load').map((load) => round(load, 2)),
    stealPercent: runs.every((run) => run.stealPercent !== null) ? round(Math.max(...pick('stealPercent'))) : null,
  };
}

export async function benchPublishing({ log = console.log } = {}) {
  const receiver = await startReceiver();
  try {
    const version = await postgresAnswers();
    let postgres = null;
    if (ONLY === 'sqlite') log('PostgreSQL left out (BENCH_PUBLISHING_ONLY=sqlite).');
    else if (typeof version === 'string') {
      const runs = [];
      for (let run = 1; run <= RUNS; run++) {
        log(`Publishing on PostgreSQL ${version}: run ${run} of ${RUNS}`);
        runs.push(await deliveryRun({ dialect: 'postgres', receiver, log }));
        log(JSON.stringify(runs.at(-1)));
      }
      postgres = { version, ...summary(runs) };
    } else {
      log(`No PostgreSQL at ${new URL(POSTGRES_URL).host} (${version.error}): its figures are left out.`);
    }
    const sqliteRuns = [];
    for (let run = 1; run <= (ONLY === 'postgres' ? 0 : RUNS); run++) {
      log(`Publishing on SQLite: run ${run} of ${RUNS}`);
      sqliteRuns.push(await deliveryRun({ dialect: 'sqlite', receiver, log }));
      log(JSON.stringify(sqliteRuns.at(-1)));
    }
    return {
      posts: POSTS,
      runs: RUNS,
      processes: PROCESSES,
      workersPerProcess: WORKERS_PER_PROCESS,
      pollMs: POLL_MS,
      leaseMs: LEASE_MS,
      receiverDelayMs: RECEIVER_DELAY_MS,
      postgres,
      sqlite: sqliteRuns.length === 0 ? null : summary(sqliteRuns),
    };
  } finally {
    await receiver.close();
  }
}

export function publishingMarkdown(figures) {
  const verdict = (ok) => (ok ? 'met' : '**not met**');
  const { postgres, sqlite } = figures;
  const sides = [postgres, sqlite];
  const cell = (side, text) => (side === null ? 'not measured' : text(side));
  const kills = (side) =>
    side.runs
      .map((run) =>
        run.kills.map((kill) => `${kill.atSeconds.toFixed(1)} s (${kill.delivered.toLocaleString('en')})`).join(', '),
      )
      .join('; ');
  const line = (label, text) => `| ${label} | ${sides.map((side) => cell(side, text)).join(' | ')} |`;
  return `## Publishing: ${figures.posts.toLocaleString('en')} posts, workers killed mid-run

${figures.posts.toLocaleString('en')} posts due at the same instant to one webhook account; a local receiver verifies
each signature with the standardwebhooks package and keeps each webhook-id once (answering
${figures.receiverDelayMs} ms after it has kept a message). Timed from the first worker's start to the last delivery
saved as posted; median of ${figures.runs} runs, each in a fresh database. Then checked, every run:
${figures.posts.toLocaleString('en')} distinct webhook-ids, no post under a second id, each id the idempotency key saved
for its post, every delivery posted, no bad signature. The sweep (PostgreSQL) and the loop
(SQLite) every ${figures.pollMs / 1000} s as \`bigrock worker\` runs them; the lease of a send ${figures.leaseMs / 1000} s (${figures.leaseMs === DEFAULT_LEASE_MS ? 'as shipped, ' : ''}renewed while its network call lasts).

| | PostgreSQL${postgres === null ? '' : ` ${postgres.version}`}: ${figures.processes} processes × ${figures.workersPerProcess} pg-boss workers, 2 killed (SIGKILL) and started again | SQLite: the in-process loop, its process killed (SIGKILL) and started again |
|---|---|---|
${line('wall time, first worker start to the last post saved as posted', (side) => `${side.seconds} s (runs ${side.minSeconds} to ${side.maxSeconds} s)`)}
${line('throughput', (side) => `${side.postsPerSecond.toLocaleString('en')} posts/s`)}
| goal | < ${PUBLISHING_GOALS.postgresSeconds} s: ${postgres === null ? 'not measured' : verdict(postgres.seconds < PUBLISHING_GOALS.postgresSeconds)} | |
${line('the last new webhook-id at the receiver', (side) => `${side.receivedSeconds} s`)}
${line('messages received again under a webhook-id already kept (resends, taken once), median (most)', (side) => `${side.resends} (${side.maxResends})`)}
${line('sends taken over from a killed worker (attempts ended "unknown"), median', (side) => String(side.takenOver))}
${line('posts lost; posts received under two ids', () => '0; 0 (checked)')}
${line('kills at (posts received by then), each run', kills)}
${line('writing the posts (not timed above)', (side) => `${side.makeSeconds} s`)}
${line("load average (1 min) at each run's start", (side) => side.loads.join(', '))}
${line('CPU stolen by the hypervisor, the most of the runs', (side) => (side.stealPercent === null ? 'unknown' : `${side.stealPercent} %`))}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await benchPublishing();
  console.log(JSON.stringify(figures, null, 2));
  console.log(publishingMarkdown(figures));
}
