// The hours reports (GET /api/v1/reports/hours) on 1,000,000 and 5,000,000 generated entries over
// eleven years, imported with the CLI into SQLite: a month, a year and all time, beside the raw
// SQLite floor (one GROUP BY on the (workspace_id, start_ms) index), the raw-scan summary the app
// had before (GET /api/v1/entries/summary) and `timew summary` on the same intervals. Also the
// import's own speed with this build and with another one (BENCH_BASE_BIN, the CLI of the
// commit before rollups), files alternated. Run alone with `node bench/reports.js` (after npm run
// build): it prints its Markdown; `npm run bench` adds it to BENCHMARKS.md.
import { execFile, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import Database from 'better-sqlite3';

import { generateToggl } from './generate-toggl.js';
import { startServer, stopServer } from './goals-list.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/bigrock.js');
const reportRss = join(root, 'bench/report-rss.js');
const DAY_MS = 86_400_000;
const YEARS = 11;
const GOALS = { month: 10, year: 50, all: 100, year5m: 1000 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 0) => Number(value.toFixed(digits));
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

async function runBin(binPath, env, args) {
  const started = performance.now();
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', reportRss, binPath, ...args], {
    env,
    maxBuffer: 1 << 26,
  });
  const cpuSeconds = Number(/BENCH_CPU_US=(\d+)/.exec(stderr)?.[1] ?? 0) / 1e6;
  return { ms: performance.now() - started, stdout, cpuSeconds };
}

/** Entries per person and day in the generator: about 13 of 10 to 120 minutes from 07:00. */
const ENTRIES_PER_PERSON_DAY = 12.8;

async function generate(file, rows) {
  const today = new Date();
  const start = Date.UTC(today.getUTCFullYear() - YEARS, today.getUTCMonth(), today.getUTCDate(), 7);
  const people = Math.max(1, Math.round(rows / (ENTRIES_PER_PERSON_DAY * ((Date.now() - start) / DAY_MS))));
  return { bytes: await generateToggl(file, rows, { start, people }), people };
}

/** The periods timed, ending on the data's last day: its last whole month, its last 365 days, and everything. */
function periods(firstDay, lastDay) {
  const last = new Date(`${lastDay}T00:00:00Z`);
  const monthStart = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 1, 1));
  const monthEnd = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 0));
  return {
    month: { from: iso(monthStart.getTime()), to: iso(monthEnd.getTime()) },
    year: { from: iso(last.getTime() - 364 * DAY_MS), to: lastDay },
    all: { from: firstDay, to: lastDay },
  };
}

/** Median wall time of `runs` GETs (after `warm` unmeasured), the answer checked. */
async function timeGet(url, headers, { runs, warm = 2 }) {
  const times = [];
  let body = null;
  for (let index = 0; index < warm + runs; index++) {
    const started = performance.now();
    const answer = await fetch(url, { headers });
    body = await answer.json();
    if (answer.status !== 200) throw new Error(`${url} was answered ${answer.status}: ${JSON.stringify(body)}`);
    if (index >= warm) times.push(performance.now() - started);
  }
  return { ms: median(times), body };
}

/** The floor: one GROUP BY over the entries that start in the range, on the (workspace_id, start_ms) index. */
function sqliteFloor(file, range, runs = 10) {
  const db = new Database(file, { readonly: true });
  try {
    const statement = db.prepare(`select activity, sum(min(end_ms, ?) - max(start_ms, ?)) as ms from time_entries
      where workspace_id = 'default' and start_ms >= ? and start_ms < ? and end_ms is not null group by activity`);
    const from = Date.parse(`${range.from}T00:00:00Z`);
    const to = Date.parse(`${range.to}T00:00:00Z`) + DAY_MS;
    const times = [];
    for (let index = 0; index < runs + 2; index++) {
      const started = performance.now();
      statement.all(to, from, from, to);
      if (index >= 2) times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    db.close();
  }
}

const stamp = (ms) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Writes the entries into a Timewarrior database of their own, one file a month, as timew keeps them. */
async function writeTimewDatabase(file, dir) {
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'timewarrior.cfg'), 'verbose = off\n');
  const db = new Database(file, { readonly: true });
  try {
    let month = '';
    let out = null;
    let chunk = '';
    for (const row of db
      .prepare(
        "select start_ms, end_ms, activity from time_entries where workspace_id = 'default' and end_ms is not null order by start_ms",
      )
      .iterate()) {
      const key = new Date(row.start_ms).toISOString().slice(0, 7);
      if (key !== month) {
        if (out !== null) {
          out.write(chunk);
          chunk = '';
          out.end();
          await once(out, 'finish');
        }
        month = key;
        out = createWriteStream(join(dir, 'data', `${key}.data`));
      }
      chunk += `inc ${stamp(row.start_ms)} - ${stamp(row.end_ms)} # "${row.activity}"\n`;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    if (out !== null) {
      out.write(chunk);
      out.end();
      await once(out, 'finish');
    }
  } finally {
    db.close();
  }
}

/** `timew summary FROM - TO` on that database: its wall time, or why it could not run. */
function timewSummary(dir, range, timeoutSeconds) {
  const timew = spawnSync('timew', ['--version'], { encoding: 'utf8' });
  if (timew.error !== undefined || timew.status !== 0) return { note: 'not installed' };
  const started = performance.now();
  const result = spawnSync('timew', ['summary', range.from, '-', iso(Date.parse(range.to) + DAY_MS)], {
    env: { ...process.env, TIMEWARRIORDB: dir },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: timeoutSeconds * 1000,
  });
  const ms = performance.now() - started;
  if (result.error !== undefined) return { note: `did not finish in ${timeoutSeconds} s` };
  if (result.status !== 0) return { note: `failed: ${result.stderr.trim().split('\n')[0]}` };
  return { ms };
}

/** Imports `rows` generated entries and times the reports on them. */
async function measureSize(work, rows, { timew, before, log }) {
  const file = join(work, `toggl-${rows}.csv`);
  log(`Generating ${rows.toLocaleString('en')} entries over ${YEARS} years…`);
  const { bytes, people } = await generate(file, rows);
  const env = { PATH: process.env.PATH, BIGROCK_DATA: join(work, `data-${rows}`), BIGROCK_TZ: 'Europe/Paris' };
  log('Importing them…');
  const imported = await runBin(bin, env, ['import', file, '--json']);
  const result = JSON.parse(imported.stdout);
  if (result.added !== rows) throw new Error(`The import added ${result.added} of ${rows} rows.`);
  rmSync(file);
  const sqliteFile = join(env.BIGROCK_DATA, 'bigrock.sqlite');
  const dbBytes = statSync(sqliteFile).size;
  const meta = new Database(sqliteFile, { readonly: true });
  const span = meta.prepare('select min(start_ms) as first, max(end_ms) as last from time_entries').get();
  const rollupRows =
    meta.prepare('select count(*) as n from time_rollup_days').get().n +
    meta.prepare('select count(*) as n from time_rollup_hours').get().n;
  meta.close();
  const ranges = periods(iso(span.first), iso(span.last));

  const { child, url } = await startServer(env);
  const figures = {
    rows,
    people,
    bytes,
    dbBytes,
    rollupRows,
    first: iso(span.first),
    last: iso(span.last),
    importSeconds: imported.ms / 1000,
  };
  try {
    const { stdout: token } = await promisify(execFile)(process.execPath, [bin, 'token'], { env });
    const headers = { authorization: `Bearer ${token.trim()}` };
    for (const [name, range] of Object.entries(ranges)) {
      log(`Timing ${name} (${range.from} to ${range.to})…`);
      const report = await timeGet(
        `${url}/api/v1/reports/hours?from=${range.from}&to=${range.to}&by=activity`,
        headers,
        {
          runs: 20,
        },
      );
      const heatmap = await timeGet(
        `${url}/api/v1/reports/hours?from=${range.from}&to=${range.to}&by=heatmap`,
        headers,
        {
          runs: 10,
        },
      );
      const floorMs = sqliteFloor(sqliteFile, range);
      let beforeMs = null;
      if (before) {
        // The old summary reads every entry of the range: all time once, unwarmed. A request that
        // fails (the server closes a request that runs too long) is noted, not fatal.
        try {
          beforeMs = (
            await timeGet(`${url}/api/v1/entries/summary?from=${range.from}&to=${range.to}&unit=month`, headers, {
              runs: name === 'all' ? 1 : 5,
              warm: name === 'all' ? 0 : 1,
            })
          ).ms;
        } catch (error) {
          beforeMs = `failed (${error.cause?.code ?? error.message})`;
        }
      }
      log(
        `  ${name}: report ${ms(report.ms)}, heatmap ${ms(heatmap.ms)}, floor ${ms(floorMs)}, before ${typeof beforeMs === 'number' ? ms(beforeMs) : beforeMs}`,
      );
      figures[name] = {
        range,
        ms: report.ms,
        heatmapMs: heatmap.ms,
        floorMs,
        beforeMs,
        totalSeconds: report.body.totalSeconds,
      };
    }
  } finally {
    await stopServer(child);
  }
  if (timew) {
    log('Writing the same intervals into a Timewarrior database…');
    const dir = join(work, `timew-${rows}`);
    await writeTimewDatabase(sqliteFile, dir);
    // At 5M the year is the goal; timew's all time would take many minutes.
    for (const name of rows > 1_000_000 ? ['month', 'year'] : ['month', 'year', 'all']) {
      log(`timew summary, ${name}…`);
      figures[name].timew = timewSummary(dir, figures[name].range, 300);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(env.BIGROCK_DATA, { recursive: true, force: true });
  return figures;
}

/** The same file imported with this build and with `baseBin`, alternated, `runs` times each. */
async function importBeforeAfter(work, baseBin, { rows, runs, log }) {
  const file = join(work, 'toggl-import.csv');
  await generateToggl(file, rows);
  const results = { after: [], before: [] };
  for (let run = 0; run < runs; run++) {
    for (const [label, binPath] of [
      ['before', baseBin],
      ['after', bin],
    ]) {
      log(`Import ${run + 1} of ${runs} with the ${label === 'before' ? 'base' : 'new'} build…`);
      const env = { PATH: process.env.PATH, BIGROCK_DATA: join(work, `import-${label}`), BIGROCK_TZ: 'Europe/Paris' };
      rmSync(env.BIGROCK_DATA, { recursive: true, force: true });
      const load = loadavg()[0];
      const result = await runBin(binPath, env, ['import', file, '--json']);
      if (JSON.parse(result.stdout).added !== rows) throw new Error(`The ${label} import did not add every row.`);
      results[label].push({ seconds: result.ms / 1000, cpuSeconds: result.cpuSeconds, load });
      rmSync(env.BIGROCK_DATA, { recursive: true, force: true });
    }
  }
  rmSync(file);
  const summary = (list) => ({
    seconds: round(median(list.map(({ seconds }) => seconds)), 1),
    cpuSeconds: round(median(list.map(({ cpuSeconds }) => cpuSeconds)), 1),
    min: round(Math.min(...list.map(({ seconds }) => seconds)), 1),
    max: round(Math.max(...list.map(({ seconds }) => seconds)), 1),
  });
  return { rows, runs, before: summary(results.before), after: summary(results.after) };
}

const ms = (value) =>
  value === null || value === undefined ? '' : value < 10 ? `${round(value, 1)} ms` : `${round(value)} ms`;

/** The figures as the Markdown section BENCHMARKS.md carries. */
export function reportsMarkdown({ sizes, imports, machine }) {
  const verdict = (value, goal) => (value < goal ? 'met' : '**not met**');
  const goalOf = (rows, name) => (rows >= 5_000_000 ? (name === 'year' ? GOALS.year5m : null) : GOALS[name]);
  const lines = [
    '## Hours reports (GET /api/v1/reports/hours)',
    '',
    `Machine: ${machine}. Entries generated as Toggl rows over about ${YEARS} years (several people's days side by`,
    'side, 10 to 120 minutes each, entries past midnight), imported with `bigrock import` into SQLite,',
    'workspace zone Europe/Paris; the server (`packages/server/dist/main.js`) and the timing loop share',
    'the machine. Median wall time of 20 requests one after another (by activity; the heatmap 10), after two',
    'unmeasured ones. The floor is one `GROUP BY activity` over the entries starting in the range on the',
    '`(workspace_id, start_ms)` index, in better-sqlite3 in the bench process; "before" is the raw-scan',
    'summary the app had (`GET /entries/summary?unit=month`, 5 runs; all time once); `timew summary` ran',
    'on the same intervals written into a Timewarrior database of their own (one run).',
    '',
  ];
  for (const size of sizes) {
    lines.push(
      `Data: ${size.rows.toLocaleString('en')} entries of ${size.people} people from ${size.first} to ${size.last}; SQLite file ${round(size.dbBytes / 2 ** 20)} MB; ${size.rollupRows.toLocaleString('en')} rollup rows; imported in ${round(size.importSeconds, 1)} s.`,
      '',
      '| range | report by activity | heatmap | goal | | raw SQLite floor | before (raw scan) | `timew summary` |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const name of ['month', 'year', 'all']) {
      const figure = size[name];
      const goal = goalOf(size.rows, name);
      const timew =
        figure.timew === undefined
          ? 'not measured'
          : figure.timew.ms === undefined
            ? figure.timew.note
            : ms(figure.timew.ms);
      lines.push(
        `| ${name === 'all' ? 'all time' : `a ${name}`} (${figure.range.from} to ${figure.range.to}) | ${ms(figure.ms)} | ${ms(figure.heatmapMs)} | ${goal === null ? '' : `< ${goal} ms`} | ${goal === null ? '' : verdict(figure.ms, goal)} | ${ms(figure.floorMs)} | ${figure.beforeMs === null ? 'not measured' : ms(figure.beforeMs)} | ${timew} |`,
      );
    }
    lines.push('');
  }
  if (imports !== null) {
    const change = (100 * (imports.after.seconds - imports.before.seconds)) / imports.before.seconds;
    const cpuChange = (100 * (imports.after.cpuSeconds - imports.before.cpuSeconds)) / imports.before.cpuSeconds;
    lines.push(
      `The import's own speed, ${imports.rows.toLocaleString('en')} Toggl rows (the import bench's file), ${imports.runs} runs each, the two builds alternated:`,
      '',
      '| build | wall time, median (range) | CPU time, median |',
      '|---|---|---|',
      `| before rollups | ${imports.before.seconds} s (${imports.before.min} to ${imports.before.max}) | ${imports.before.cpuSeconds} s |`,
      `| with rollups | ${imports.after.seconds} s (${imports.after.min} to ${imports.after.max}) | ${imports.after.cpuSeconds} s |`,
      `| change | ${change >= 0 ? '+' : ''}${round(change, 1)} % | ${cpuChange >= 0 ? '+' : ''}${round(cpuChange, 1)} % (goal: at most +10 %) |`,
      '',
    );
  }
  return lines.join('\n');
}

export async function benchReports({
  sizes = [1_000_000, 5_000_000],
  baseBin = process.env.BENCH_BASE_BIN ?? null,
  importRows = 1_000_000,
  importRuns = 3,
  log = console.log,
} = {}) {
  const work = mkdtempSync(join(tmpdir(), 'bigrock-bench-reports-'));
  try {
    const measured = [];
    let imports = null;
    const compareImports = async () =>
      baseBin !== null && existsSync(baseBin)
        ? importBeforeAfter(work, baseBin, { rows: importRows, runs: importRuns, log })
        : null;
    for (const rows of sizes) {
      // timew and the old summary at 1M only: at 5M they would take many minutes.
      measured.push(await measureSize(work, rows, { timew: rows <= 1_000_000, before: rows <= 1_000_000, log }));
      log(JSON.stringify(measured.at(-1)));
      // The import's speed after the first size: the figures that matter most come first.
      if (imports === null) {
        imports = await compareImports();
        log(JSON.stringify(imports));
      }
    }
    if (sizes.length === 0) imports = await compareImports();
    const cpu = cpus();
    const machine = `${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${round(totalmem() / 2 ** 30)} GB RAM, Node ${process.versions.node}, ${process.platform}; load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(', ')} at the end`;
    return { sizes: measured, imports, machine };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = (process.env.BENCH_REPORT_SIZES ?? '1000000,5000000').split(',').filter(Boolean).map(Number);
  const figures = await benchReports({
    sizes,
    importRows: Number(process.env.BENCH_ROWS ?? 1_000_000),
    importRuns: Number(process.env.BENCH_IMPORT_RUNS ?? 3),
  });
  console.log(JSON.stringify(figures));
  console.log(reportsMarkdown(figures));
}
