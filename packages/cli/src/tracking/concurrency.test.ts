import { join } from 'node:path';

import { dialects } from '@bigrock/server';
import { timerChainBreaks } from '@bigrock/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { countTimeEntries, startServer, writeTogglCsv, type RunningServer } from '../test-support/bigrock-processes.js';
import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

interface Entry {
  id: string;
  activity: string;
  start: string;
  end: string | null;
  source: string;
}

// Thirty processes at once on a machine of two cores take their time.
const LONG = 300_000;

const workbench = cliWorkbench('concurrency');
beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

// Real processes, as a user has them: commands started at once, on a new database, then beside the server.
// On SQLite, each process has its own connection and they meet at the database file's lock.
describe.each(dialects)('bigrock commands at once on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const timers = async () =>
    (JSON.parse((await run('entry', 'list', '--json')).stdout) as Entry[]).filter(({ source }) => source === 'timer');
  let server: RunningServer | undefined;

  it(
    'starts 20 timers at once on a new database: the first to come makes the tables, the others wait for it',
    async () => {
      const commands = await Promise.all(
        Array.from({ length: 20 }, (_, index) => run('timer', 'start', `New ${index}`)),
      );
      expect(commands.filter(({ code }) => code !== 0)).toEqual([]);
      expect(await timers()).toHaveLength(20);
      expect(timerChainBreaks(await timers())).toEqual([]);
      server = await startServer(workbench.env[dialect], (await run('token')).stdout.trim());
    },
    LONG,
  );
  afterAll(() => server?.stop());

  it(
    'starts 20 timers from the CLI and 10 from the API at once beside the server: every one starts, each stops where the next starts',
    async () => {
      const [commands, requests] = await Promise.all([
        Promise.all(Array.from({ length: 20 }, (_, index) => run('timer', 'start', `Command ${index}`))),
        Promise.all(
          Array.from({ length: 10 }, (_, index) =>
            (server ?? expect.fail('the server did not start'))
              .post('/api/v1/timer/start', { activity: `Request ${index}` })
              .then(async (response) => ({
                status: response.status,
                body: await response.text(),
              })),
          ),
        ),
      ]);
      expect(commands.filter(({ code }) => code !== 0)).toEqual([]);
      expect(requests.filter(({ status }) => status !== 201)).toEqual([]);
      const all = await timers();
      expect(all).toHaveLength(20 + 30);
      expect(timerChainBreaks(all)).toEqual([]);
    },
    LONG,
  );

  it(
    'runs two imports at once beside the server, and timer starts meanwhile: both import every entry',
    async () => {
      const files = ['A', 'B'].map((label, index) => {
        const file = join(workbench.dataDir, `${dialect}-${label}.csv`);
        writeTogglCsv(file, 5000, `File ${label}`, `202${index}-01-01`);
        return file;
      });
      const results = await Promise.all([
        ...files.map((file) => run('import', file, '--json')),
        ...Array.from({ length: 5 }, (_, index) => run('timer', 'start', `Meanwhile ${index}`)),
      ]);
      expect(results.filter(({ code }) => code !== 0)).toEqual([]);
      for (const result of results.slice(0, 2)) expect(JSON.parse(result.stdout)).toMatchObject({ added: 5000 });
      expect(await countTimeEntries(workbench.env[dialect])).toBe(50 + 5 + 2 * 5000);
    },
    LONG,
  );
});
