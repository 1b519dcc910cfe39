import { dialects, loadConfig, openBigrock } from '@bigrock/server';
import { buildApp } from '@bigrock/server/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('report', 'Europe/Paris');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock report on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);

  /** The API's answer on the same database, from an app in this process. */
  async function apiReport(query: string): Promise<unknown> {
    const config = loadConfig(workbench.env[dialect]);
    const bigrock = await openBigrock(config);
    const app = await buildApp({ bigrock });
    try {
      const answer = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/hours?${query}`,
        headers: { host: `127.0.0.1:${config.port}`, cookie: `bigrock_session=${await bigrock.sessionSecret()}` },
      });
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json();
    } finally {
      await app.close();
      await bigrock.close();
    }
  }

  it('prints the same JSON as the API, for every dimension', async () => {
    for (const [activity, start, end, tag] of [
      ['Calls', '2026-03-28 22:30', '2026-03-29 04:00', 'mga'],
      ['Design', '2026-03-30 09:00', '2026-03-30 12:15', 'deep'],
      ['calls', '2026-03-31 23:00', '2026-04-01 01:00', 'mga'],
    ] as const) {
      const added = await run('entry', 'add', activity, '--start', start, '--end', end, '--tag', tag);
      expect(added.code, added.stderr).toBe(0);
    }
    for (const by of ['activity', 'class', 'tag', 'source', 'week', 'heatmap']) {
      const cli = await run('report', '--from', '2026-03-23', '--to', '2026-03-31', '--by', by, '--json');
      expect(cli.code, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout), by).toEqual(await apiReport(`from=2026-03-23&to=2026-03-31&by=${by}`));
    }
    const week = JSON.parse((await run('report', '--from', '2026-03-23', '--to', '2026-03-29', '--json')).stdout) as {
      rows: Array<{ key: string; seconds: number }>;
      totalSeconds: number;
    };
    // 22:30 to 04:00 across the night the clocks go forward: four and a half hours.
    expect(week.rows).toMatchObject([{ key: 'Calls', seconds: 4.5 * 3600 }]);
    expect(week.totalSeconds).toBe(4.5 * 3600);
    // Nine CLI runs and six in-process servers: slow on a busy machine.
  }, 180_000);

  it('prints a table, CSV, and rebuilds the rollups to the same figures', async () => {
    const table = await run('report', '--from', '2026-03-23', '--to', '2026-03-31');
    expect(table.stdout).toContain('2026-03-23 to 2026-03-31 (Europe/Paris), by activity');
    expect(table.stdout).toMatch(/Calls\s+5 hr 30 min/);
    const csv = await run('report', '--from', '2026-03-23', '--to', '2026-03-31', '--by', 'tag', '--csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('key,seconds,hours,revenue,currency,revenue_apart,effective_rate,class');
    const before = (await run('report', '--range', 'last-90-days', '--by', 'heatmap', '--json')).stdout;
    const rebuilt = await run('report', 'rebuild', '--json');
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toEqual({ entries: 3, days: 5 });
    expect((await run('report', '--range', 'last-90-days', '--by', 'heatmap', '--json')).stdout).toBe(before);
  }, 120_000);

  it('refuses a range that ends before it starts, saying what to fix', async () => {
    const refused = await run('report', '--from', '2026-03-10', '--to', '2026-03-01');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^bigrock: .*to: choose a day on or after 2026-03-10/);
    expect((await run('report', '--by', 'mood')).code).toBe(2);
  }, 60_000);
});
