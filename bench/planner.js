// The planner's speed: the calendar feed of 12 weeks, the week's plan against what was tracked
// with a year of time entries in the database, both from a running server, and `bigrock today`
// against Node's own start, measured in the same run. Run alone with `node bench/planner.js`
// (after npm run build), or as part of `npm run bench`.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/bigrock.js');
const serverMain = join(root, 'packages/server/dist/main.js');
const RUNS = 15;
export const PLANNER_GOALS = { feedMs: 50, weekMs: 50, todayRatio: 2 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 1) => Number(value.toFixed(digits));
const pad = (value) => String(value).padStart(2, '0');
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * A year of tracked time up to today, as a CSV: every day, entries of 20 to 110 minutes from 08:00
 * UTC to about 18:00 (fewer at weekends), on the seed template's activities and a few others.
 */
function trackedYear(path) {
  const activities = ['posts and invitations', 'Facebook', 'conversations', 'team training', 'admin', 'email'];
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  let text = 'Activity,Start,End\n';
  let rows = 0;
  for (let date = today - 365 * 86_400_000; date <= today; date += 86_400_000) {
    const weekend = [0, 6].includes(new Date(date).getUTCDay());
    let at = date + 8 * 3_600_000;
    const stop = date + (weekend ? 11 : 18) * 3_600_000;
    for (let index = 0; at < stop && at + 20 * 60_000 < Date.now(); index++) {
      const length = (20 + ((rows * 7919) % 90)) * 60_000;
      const end = Math.min(at + length, Date.now() - 60_000);
      const stamp = (ms) => {
        const t = new Date(ms);
        return `${day(ms)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
      };
      text += `${activities[(rows + index) % activities.length]},${stamp(at)},${stamp(end)}\n`;
      rows++;
      at = end + 10 * 60_000;
    }
  }
  writeFileSync(path, text);
  return rows;
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

async function startServer(env) {
  const child = spawn(process.execPath, [serverMain], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  for await (const chunk of child.stdout) {
    output += chunk;
    const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
    if (url !== undefined) return { child, url };
  }
  throw new Error(`The server did not start: ${output}`);
}

/** Wall time of one request, its status and body read to the end. */
async function timed(url, options = {}) {
  const started = performance.now();
  const response = await fetch(url, options);
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body, etag: response.headers.get('etag') };
}

/** `node` with these arguments, timed from spawn to exit. */
async function runNode(args, env) {
  const started = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, args, { env, maxBuffer: 1 << 24 });
  return { ms: performance.now() - started, stdout };
}

export async function benchPlanner({ log = console.log } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'bigrock-bench-planner-'));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    BIGROCK_DATA: join(work, 'data'),
    BIGROCK_TZ: 'Europe/Paris',
    BIGROCK_PORT: String(port),
  };
  let server;
  try {
    log('Planner: importing a year of tracked time…');
    const csv = join(work, 'year.csv');
    const entries = trackedYear(csv);
    const imported = JSON.parse((await runNode([bin, 'import', csv, '--format', 'csv', '--json'], env)).stdout);
    if (imported.added !== entries) throw new Error(`The year was not imported whole: ${JSON.stringify(imported)}`);

    const thisWeek = JSON.parse((await runNode([bin, 'week', '--json'], env)).stdout).week;
    const monday = Date.parse(`${JSON.parse((await runNode([bin, 'week', '--json'], env)).stdout).dates[0]}T00:00:00Z`);
    const weekOf = async (date) =>
      JSON.parse((await runNode([bin, 'today', '--date', date, '--json'], env)).stdout).week;
    const firstWeek = await weekOf(day(monday - 28 * 86_400_000));
    // The template from the first week of the feed on; this week made and changed.
    await runNode([bin, 'week', 'template', 'apply', 'social-selling', '--week', firstWeek, '--json'], env);
    await runNode([bin, 'week', 'template', 'apply', 'social-selling', '--week', thisWeek, '--json'], env);

    server = await startServer(env);
    const { stdout: token } = await promisify(execFile)(process.execPath, [bin, 'token'], { env });
    const headers = { authorization: `Bearer ${token.trim()}` };
    const api = (path, init = {}) =>
      fetch(`${server.url}/api/v1${path}`, {
        ...init,
        headers: { ...headers, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      });
    // A big rock on every working day of the feed's twelve weeks, a few done.
    let rocks = 0;
    for (let date = monday - 28 * 86_400_000; date < monday + 56 * 86_400_000; date += 86_400_000) {
      if ([0, 6].includes(new Date(date).getUTCDay())) continue;
      const set = await api('/planner/rocks', {
        method: 'POST',
        body: JSON.stringify({ title: `Rock ${rocks + 1}: the warm list`, date: day(date), estimateMinutes: 90 }),
      });
      if (set.status !== 201) throw new Error(`A rock was refused: ${await set.text()}`);
      rocks++;
    }

    const feed = (await (await api('/planner/feed', { method: 'POST' })).json()).feed.url;
    const first = await timed(feed);
    if (first.status !== 200) throw new Error(`The feed answered ${first.status}`);
    const events = first.body.split('BEGIN:VEVENT').length - 1;

    log('Planner: timing the calendar feed…');
    const cold = [];
    const kept = [];
    const notModified = [];
    for (let run = 0; run < RUNS; run++) {
      // A change (a rock on a day beyond the feed) so that the feed is computed again.
      await api('/planner/rocks', {
        method: 'POST',
        body: JSON.stringify({ title: `Later ${run}`, date: day(monday + 400 * 86_400_000) }),
      });
      cold.push((await timed(feed)).ms);
      kept.push((await timed(feed)).ms);
      const poll = await timed(feed, { headers: { 'if-none-match': first.etag } });
      if (poll.status !== 304) throw new Error(`A poll of the unchanged feed answered ${poll.status}`);
      notModified.push(poll.ms);
    }

    log("Planner: timing the week's plan against actual…");
    const lastWeek = await weekOf(day(monday - 7 * 86_400_000));
    const week = [];
    const previous = [];
    for (let run = 0; run < RUNS + 3; run++) {
      const a = await timed(`${server.url}/api/v1/planner/week?week=${thisWeek}`, { headers });
      const b = await timed(`${server.url}/api/v1/planner/week?week=${lastWeek}`, { headers });
      if (a.status !== 200 || b.status !== 200) throw new Error('The week was not answered 200.');
      // The first runs warm the JIT up, as the server would be after its first minutes.
      if (run >= 3) {
        week.push(a.ms);
        previous.push(b.ms);
      }
    }
    const lastWeekPlan = JSON.parse(
      (await timed(`${server.url}/api/v1/planner/week?week=${lastWeek}`, { headers })).body,
    );
    log('Planner: timing bigrock today against node -e 0, the app running and not…');
    // The app runs on the same data: the command asks it (see today-from-app).
    const node = [];
    const withApp = [];
    const answered = (await runNode([bin, 'today'], env)).stdout;
    for (let run = 0; run < RUNS; run++) {
      node.push((await runNode(['-e', '0'], env)).ms);
      withApp.push((await runNode([bin, 'today'], env)).ms);
    }
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    server = undefined;
    // No app: the command opens the database itself.
    const alone = [];
    const nodeAlone = [];
    const floor = [];
    if ((await runNode([bin, 'today'], env)).stdout !== answered)
      throw new Error('bigrock today printed one day when the app answered and another alone.');
    for (let run = 0; run < RUNS; run++) {
      nodeAlone.push((await runNode(['-e', '0'], env)).ms);
      alone.push((await runNode([bin, 'today'], env)).ms);
      // The CLI's floor: the bundle loaded, the database opened, one setting read.
      floor.push((await runNode([bin, 'token'], env)).ms);
    }
    return {
      entries,
      rocks,
      events,
      feedBytes: Buffer.byteLength(first.body),
      feedColdMs: round(median(cold)),
      feedKeptMs: round(median(kept)),
      feed304Ms: round(median(notModified)),
      weekMs: round(median(week)),
      lastWeekMs: round(median(previous)),
      lastWeekBlocks: lastWeekPlan.blocks.length,
      nodeMs: round(median(node)),
      todayMs: round(median(withApp)),
      todayRatio: round(median(withApp) / median(node), 2),
      nodeAloneMs: round(median(nodeAlone)),
      aloneMs: round(median(alone)),
      aloneRatio: round(median(alone) / median(nodeAlone), 2),
      tokenMs: round(median(floor)),
    };
  } finally {
    if (server !== undefined) {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
    rmSync(work, { recursive: true, force: true });
  }
}

export function plannerMarkdown(figures) {
  const verdict = (ok) => (ok ? 'met' : '**not met**');
  return `## The planner

A server on SQLite (workspace Europe/Paris) holding a year of tracked time
(${figures.entries.toLocaleString('en')} entries), seed 000's template (social-selling) from four
weeks back, and a big rock on each of the ${figures.rocks} working days of the feed's twelve weeks.
Wall time of each request from a client on the same machine, median of ${RUNS}.

| measure | median | goal | |
|---|---|---|---|
| the calendar feed of 12 weeks (${figures.events} events, ${Math.round(figures.feedBytes / 1024)} KB), computed after a change | ${figures.feedColdMs} ms | < ${PLANNER_GOALS.feedMs} ms | ${verdict(figures.feedColdMs < PLANNER_GOALS.feedMs)} |
| the same feed again, the data unchanged (kept) | ${figures.feedKeptMs} ms | | |
| a calendar app's poll with If-None-Match (304) | ${figures.feed304Ms} ms | | |
| the week's plan against actual (this week) | ${figures.weekMs} ms | < ${PLANNER_GOALS.weekMs} ms | ${verdict(figures.weekMs < PLANNER_GOALS.weekMs)} |
| the week's plan against actual (last week, ${figures.lastWeekBlocks} blocks, all of it tracked) | ${figures.lastWeekMs} ms | < ${PLANNER_GOALS.weekMs} ms | ${verdict(figures.lastWeekMs < PLANNER_GOALS.weekMs)} |

\`bigrock today\` against Node's own start, each run in turn in the same loop, median of ${RUNS}; first
with the app running on the same data (the command asks it), then with no app (the command opens the
database itself). Both print the same day, checked.

| command | median | against \`node -e 0\` | goal | |
|---|---|---|---|---|
| \`node -e 0\` | ${figures.nodeMs} ms | | | |
| \`bigrock today\`, the app running | ${figures.todayMs} ms | ${figures.todayRatio}× | ≤ ${PLANNER_GOALS.todayRatio}× | ${verdict(figures.todayRatio <= PLANNER_GOALS.todayRatio)} |
| \`node -e 0\` (second loop) | ${figures.nodeAloneMs} ms | | | |
| \`bigrock today\`, no app | ${figures.aloneMs} ms | ${figures.aloneRatio}× | | |
| \`bigrock token\` (the CLI's floor without the app: the bundle loaded, the database opened, one setting read) | ${figures.tokenMs} ms | | | |
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await benchPlanner();
  console.log(JSON.stringify(figures, null, 2));
  console.log(plannerMarkdown(figures));
}
