// Writes a Toggl Track detailed report of `rows` entries, as Toggl exports it: a BOM, quoted
// descriptions with commas, tags, clients and tasks, entries past midnight, two people.
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { once } from 'node:events';

const projects = [
  ['Lead generation', 'Northwind', 'Calls', 'calls, mga'],
  ['Marketing', '', '', 'social'],
  ['Client work', 'Contoso', 'Design', 'design'],
  ['Admin', '', '', ''],
  ['Networking', 'Chamber of commerce', '', 'networking, events'],
];
const people = [
  ['Dana Reyes', 'dana@example.com'],
  ['Sam Okafor', 'sam@example.com'],
];
const pad = (value) => String(value).padStart(2, '0');
const date = (ms) => {
  const at = new Date(ms);
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
};
const time = (ms) => {
  const at = new Date(ms);
  return `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
};
const duration = (ms) =>
  `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}`;

const person = (index) => people[index] ?? [`Person ${index + 1}`, `person${index + 1}@example.com`];

/**
 * Resolves to the size of the file written, in bytes. `options.people` people's days run side by
 * side from `options.start` (epoch ms, 07:00 UTC of a day; 1 January 2019 unless given).
 */
export async function generateToggl(path, rows, options = {}) {
  const crew = Array.from({ length: options.people ?? people.length }, (_, index) => person(index));
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    '\uFEFFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)\n',
  );
  // Two people's days, interleaved: each person's entries follow one another in time.
  const clocks = crew.map(() => options.start ?? Date.UTC(2019, 0, 1, 7, 0, 0));
  let chunk = '';
  for (let row = 0; row < rows; row++) {
    const who = row % crew.length;
    const [name, email] = crew[who];
    const [project, client, task, tags] = projects[(row >> 1) % projects.length];
    const length = (10 + ((row * 7919) % 110)) * 60_000 + ((row * 31) % 60) * 1000;
    const start = clocks[who];
    const end = start + length;
    // After a long day, the next entry is the next morning; now and then an entry runs past midnight.
    clocks[who] =
      new Date(end).getUTCHours() >= 22
        ? Date.UTC(new Date(end).getUTCFullYear(), new Date(end).getUTCMonth(), new Date(end).getUTCDate() + 1, 7)
        : end + 5 * 60_000;
    const description = row % 3 === 0 ? `"Follow-up ${row}, warm list"` : `Task ${row}`;
    chunk += `${name},${email},${client},${project},${task},${description},${row % 2 ? 'Yes' : 'No'},${date(start)},${time(start)},${date(end)},${time(end)},${duration(length)},${tags.includes(',') ? `"${tags}"` : tags},${row % 2 ? '120.00' : ''}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  // On disk before the import is timed: the import should not pay for this file's write-back.
  const handle = await open(path, 'r+');
  await handle.sync();
  await handle.close();
  return bytes;
}
