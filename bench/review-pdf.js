// The weekly review and its PDF (GET /api/v1/review and /api/v1/review.pdf), timed in-process
// through the HTTP app on SQLite, on a workspace with four months of tracked time. Run alone with
// `node bench/review-pdf.js` (after npm run build), or as part of `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { addDays, isoWeekOf } from '@bigrock/core';
import { loadConfig, openBigrock } from '@bigrock/server';
import { buildApp } from '@bigrock/server/http';

const RUNS = 15;
const DAYS = 120;
const ACTIVITIES = [
  ['Calls', 'calls', 'income', { rate: 10, ratePeriod: 'day', minutesPerUnit: 6 }],
  ['Appointments', 'appointments', 'income', { rate: 3, ratePeriod: 'week', minutesPerUnit: 45 }],
  ['Recruits', 'recruits', 'income', { rate: 1, ratePeriod: 'week', minutesPerUnit: 30 }],
  ['Client work', 'hours', 'income', { rate: 20, ratePeriod: 'week', minutesPerUnit: 60 }],
  ['Networking', 'events', 'income', {}],
  ['Posting', 'posts', 'supporting', { rate: 1, ratePeriod: 'day', minutesPerUnit: 20 }],
  ['Admin', 'tasks', 'supporting', {}],
  ['Email', 'emails', 'waste', {}],
];
// A working day: the activity and the local hours (start, end) of each of its six entries.
const DAY_PLAN = [
  ['Calls', '08:30', '09:30'],
  ['Client work', '09:30', '12:30'],
  ['Email', '12:30', '13:00'],
  ['Appointments', '14:00', '15:00'],
  ['Posting', '15:00', '15:30'],
  ['Admin', '16:00', '17:00'],
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A workspace with DAYS days of entries (six a working day, a networking evening a week), revenue, goals and a funnel. */
async function seed(bigrock, today) {
  await bigrock.money.update({ currency: 'EUR', targetHourlyRate: 120, exchangeRates: { USD: 0.92 } });
  const start = addDays(today, -DAYS);
  for (const [name, unit, activityClass, rate] of ACTIVITIES)
    await bigrock.activities.create({ name, unit, activityClass, startDate: start, ...rate });
  const goal = await bigrock.goals.create({
    title: 'Recruits this half',
    unit: 'recruits',
    target: 20,
    startDate: start,
    deadline: addDays(start, 180),
  });
  await bigrock.funnels.create({
    name: 'Warm market',
    goalId: goal.id,
    hoursPerWeek: 12,
    workdaysPerWeek: 5,
    stages: [
      { activity: 'Calls', minutesPerUnit: 6 },
      { activity: 'Appointments', minutesPerUnit: 45, conversion: 0.1 },
      { activity: 'Recruits', minutesPerUnit: 30, conversion: 0.25 },
    ],
  });
  let entries = 0;
  for (let day = 0; day < DAYS; day++) {
    const date = addDays(start, day);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const [activity, from, to] of DAY_PLAN) {
      await bigrock.entries.add({ activity, start: `${date} ${from}`, end: `${date} ${to}` });
      entries++;
    }
    await bigrock.activities.log('Calls', { count: 8 + (day % 5), date });
    if (day % 3 === 0) await bigrock.activities.log('Appointments', { count: 1, date });
    if (weekday === 3) {
      await bigrock.entries.add({ activity: 'Networking', start: `${date} 18:00`, end: `${date} 21:00` });
      entries++;
    }
    if (weekday === 5) {
      await bigrock.outcomes.add({ kind: 'revenue', amount: 1800, currency: 'EUR', date, activity: 'Client work' });
      await bigrock.outcomes.add({ kind: 'revenue', amount: 200, currency: 'USD', date, channel: 'referral' });
    }
  }
  return { entries, activities: ACTIVITIES.length, goals: 1, funnels: 1 };
}

export async function benchReviewPdf() {
  const dir = mkdtempSync(join(tmpdir(), 'bigrock-bench-review-'));
  const bigrock = await openBigrock(loadConfig({ BIGROCK_DATA: dir, BIGROCK_TZ: 'Europe/Paris' }));
  try {
    const today = new Date().toISOString().slice(0, 10);
    const data = await seed(bigrock, today);
    const week = isoWeekOf(addDays(today, -7));
    const app = await buildApp({ bigrock });
    const secret = await bigrock.sessionSecret();
    const port = bigrock.config.port;
    const get = async (url) => {
      const started = performance.now();
      const response = await app.inject({
        method: 'GET',
        url,
        headers: { host: `127.0.0.1:${port}`, cookie: `bigrock_session=${secret}` },
      });
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
      return { ms: performance.now() - started, bytes: response.rawPayload.byteLength };
    };
    // The first request loads pdf-lib and its fonts' metrics: timed apart.
    const firstPdf = await get(`/api/v1/review.pdf?week=${week}`);
    const json = [];
    const pdf = [];
    let pdfBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      json.push((await get(`/api/v1/review?week=${week}`)).ms);
      const timed = await get(`/api/v1/review.pdf?week=${week}`);
      pdf.push(timed.ms);
      pdfBytes = timed.bytes;
    }
    await app.close();
    return {
      week,
      data,
      runs: RUNS,
      load: loadavg()[0],
      jsonMs: round(median(json)),
      pdfMs: round(median(pdf)),
      pdfMinMs: round(Math.min(...pdf)),
      pdfMaxMs: round(Math.max(...pdf)),
      firstPdfMs: round(firstPdf.ms),
      pdfKiB: round(pdfBytes / 1024, 1),
    };
  } finally {
    await bigrock.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function reviewPdfMarkdown(figures) {
  return `## The weekly review and its PDF

Data: ${figures.data.entries.toLocaleString('en')} time entries over ${DAYS} days (six a working day and a networking evening a
week), ${figures.data.activities} activities with targets and classes, activity logs, revenue in two currencies every
Friday, ${figures.data.goals} goal and ${figures.data.funnels} funnel of three stages; SQLite, workspace zone Europe/Paris. The review of
${figures.week} (last week) through the HTTP app in-process (\`app.inject\`), median of ${figures.runs} runs, load average
${figures.load.toFixed(1)} when it ended.

| measure | figure |
|---|---|
| \`GET /api/v1/review\` (JSON) | ${figures.jsonMs} ms |
| \`GET /api/v1/review.pdf\` (pdf-lib, ${figures.pdfKiB} KiB) | ${figures.pdfMs} ms (runs from ${figures.pdfMinMs} to ${figures.pdfMaxMs} ms) |
| the first PDF after the start (pdf-lib loaded, fonts embedded) | ${figures.firstPdfMs} ms |

Both read the same: the 8 weeks' entries, the week's logs and outcomes, the goals' pace, the
funnel solved (its Monte Carlo included) and the hourly value over 90 days; the PDF adds its
drawing, text and charts as vector shapes in the standard Helvetica.
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await benchReviewPdf();
  console.log(JSON.stringify(figures, null, 2));
  console.log(reviewPdfMarkdown(figures));
}
