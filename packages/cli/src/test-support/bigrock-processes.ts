import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SQLITE_FILE } from '@bigrock/server';
import SQLite from 'better-sqlite3';
import pg from 'pg';

const bin = fileURLToPath(new URL('../../bin/bigrock.js', import.meta.url));

/** `bigrock <args>` started in its own process, to be watched or killed while it runs. */
export function startBigrock(env: NodeJS.ProcessEnv, ...args: string[]): ChildProcess & { exited: Promise<void> } {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return Object.assign(child, { exited: once(child, 'exit').then(() => undefined) });
}

export interface RunningServer {
  url: string;
  /** Sends a JSON body to the API with the bearer token, as a script would. */
  post(path: string, body: unknown): Promise<Response>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/** `bigrock serve` on a free port of 127.0.0.1, on the data of `env`, until `stop`. */
export async function startServer(env: NodeJS.ProcessEnv, token: string): Promise<RunningServer> {
  // A port of its own rather than BIGROCK_PORT=0: the server checks the Host header against the
  // port it was given.
  const child = startBigrock({ ...env, BIGROCK_PORT: String(await freePort()) }, 'serve');
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /running at (http:\/\/\S+)/.exec(output)?.[1];
      if (found !== undefined) resolve(found);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void child.exited.then(() => reject(new Error(`bigrock serve stopped: ${output}`)));
  });
  return {
    url,
    post: (path, body) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    async stop() {
      child.kill('SIGTERM');
      await child.exited;
    },
  };
}

/**
 * A Toggl Track detailed report of `rows` entries, one after another from `firstDay` (UTC): each
 * entry's description carries `label`, so that two files hold different entries.
 */
export function writeTogglCsv(path: string, rows: number, label: string, firstDay = '2019-01-01'): void {
  const lines = ['User,Email,Project,Description,Start date,Start time,End date,End time,Duration,Tags'];
  const iso = (ms: number) => new Date(ms).toISOString();
  let start = Date.parse(`${firstDay}T08:00:00Z`);
  for (let row = 0; row < rows; row++) {
    const end = start + 25 * 60_000;
    const [startDay, startTime] = [iso(start).slice(0, 10), iso(start).slice(11, 19)];
    const [endDay, endTime] = [iso(end).slice(0, 10), iso(end).slice(11, 19)];
    lines.push(
      `Dana Reyes,dana@example.com,Lead generation,${label} ${row},${startDay},${startTime},${endDay},${endTime},00:25:00,calls`,
    );
    start = end + 5 * 60_000;
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/**
 * Runs one query on the database of `env`, as another program would: PostgreSQL when the
 * environment names one, else the SQLite file in its data directory.
 */
export async function queryDatabase<T>(env: NodeJS.ProcessEnv, query: string): Promise<T[]> {
  if (env.DATABASE_URL !== undefined) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(query)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const database = new SQLite(join(env.BIGROCK_DATA ?? '', SQLITE_FILE), { timeout: 5000 });
  try {
    return database.prepare(query).all() as T[];
  } finally {
    database.close();
  }
}

/** How many time entries the database holds. */
export async function countTimeEntries(env: NodeJS.ProcessEnv): Promise<number> {
  const [row] = await queryDatabase<{ count: number | string }>(env, 'select count(*) as count from time_entries');
  return Number(row?.count);
}
