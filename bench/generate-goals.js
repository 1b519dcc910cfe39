// Writes a Bigrock backup (bigrock export --format json) of `goals` goals holding `points` data
// points between them, for `bigrock restore`: a year of goals around `today`, each with its points
// spread over the year before it, several a day, with values that have cents.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const DAY = 86_400_000;
const aggregates = ['sum', 'sum', 'sum', 'count', 'last', 'max'];
const pad = (value, length = 2) => String(value).padStart(length, '0');
const dateOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Resolves to the size of the file written, in bytes. `today` is a YYYY-MM-DD date. */
export async function generateGoals(path, { goals, points, today }) {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const createdAt = new Date(todayMs - 400 * DAY).toISOString();
  const header = {
    format: 'bigrock-backup',
    version: 1,
    exportedAt: new Date(todayMs).toISOString(),
    workspace: { name: 'Bench', timeZone: 'Europe/Paris' },
  };
  await write(`${JSON.stringify(header).slice(0, -1)},"tables":{\n"goals":[`);
  for (let goal = 0; goal < goals; goal++) {
    const aggregate = aggregates[goal % aggregates.length];
    const row = {
      id: `benchgoal${pad(goal, 3)}`,
      title: `Goal ${goal + 1}`,
      level: 'yearly',
      unit: 'units',
      aggregate,
      direction: goal % 7 === 6 ? 'down' : 'up',
      baseline: 0,
      target: aggregate === 'sum' ? 2_000_000 : aggregate === 'count' ? 80_000 : 120,
      start_date: dateOf(todayMs - 180 * DAY),
      deadline: dateOf(todayMs + 185 * DAY),
      why: null,
      parent_id: null,
      systems: null,
      owner: null,
      partner: null,
      tracking_source: 'manual',
      hours_per_week: 10,
      days_off: 'sat,sun',
      archived_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    };
    await write(`${goal === 0 ? '' : ','}\n${JSON.stringify(row)}`);
  }
  await write('],\n"data_points":[');
  const perGoal = Math.ceil(points / goals);
  let chunk = '';
  for (let index = 0; index < points; index++) {
    const goal = index % goals;
    const nth = Math.floor(index / goals);
    // The goal's points, oldest first, over the 365 days that end today.
    const day = Math.floor((nth * 365) / perGoal);
    const row = {
      id: `benchpt${pad(index, 8)}`,
      goal_id: `benchgoal${pad(goal, 3)}`,
      date: dateOf(todayMs - (364 - day) * DAY),
      value: ((index * 7919) % 10_000) / 100,
      note: null,
      created_at: new Date(todayMs - (364 - day) * DAY + (nth % 1000) * 1000).toISOString(),
    };
    chunk += `${index === 0 ? '' : ','}\n${JSON.stringify(row)}`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(`${chunk}]\n}}\n`);
  out.end();
  await once(out, 'finish');
  return bytes;
}
