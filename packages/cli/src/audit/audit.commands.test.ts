import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('audit');

// Last month, so that the hourly value's trailing 90 days hold it whenever the test runs.
const now = new Date();
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
const day = (n: number) => `${lastMonth}-${String(n).padStart(2, '0')}`;
const window = ['--range', 'last-month'];

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock audit on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const ok = async (...args: string[]) => {
    const result = await run(...args);
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };

  beforeAll(async () => {
    await ok('activity', 'add', 'Networking', '--unit', 'events', '--class', 'income');
    for (const date of [day(3), day(10), day(17), day(24)]) {
      await ok('entry', 'add', 'Networking', '--start', `${date} 17:00`, '--end', `${date} 20:00`);
    }
    await ok('entry', 'add', 'Client work', '--start', `${day(2)} 08:00`, '--end', `${day(2)} 18:00`);
    await ok('outcome', 'add', 'revenue', '1500', '--currency', 'USD', '--date', day(20), '--activity', 'Client work');
    await ok('outcome', 'add', 'revenue', '300', '--currency', 'USD', '--date', day(25), '--channel', 'Referral');
    await ok('settings', 'set', '--target-rate', '100');
  });

  it('prints the audit as JSON, CSV and text, the waster named', async () => {
    const json = JSON.parse((await ok('audit', ...window, '--json')).stdout);
    expect(json).toMatchObject({
      from: day(1),
      attribution: 'direct',
      totalSeconds: 22 * 3600,
    });
    expect(json.wasters[0]).toMatchObject({ activity: 'Networking', calledOut: true });
    const csv = (await ok('audit', ...window, '--csv')).stdout;
    expect(csv.split('\r\n')[0]).toMatch(/^activity,class,seconds/);
    expect(csv).toContain('Networking,income,43200,12,');
    const text = (await ok('audit', ...window)).stdout;
    expect(text).toContain('Time wasters, by cost');
    expect(text).toContain('Networking is classed income-producing');
  });

  it('maps a channel and credits it by channel', async () => {
    const mapped = JSON.parse((await ok('channel', 'map', 'Referral', 'Networking', '--json')).stdout);
    expect(mapped).toEqual({ channel: 'Referral', activities: ['Networking'] });
    const json = JSON.parse((await ok('audit', ...window, '--attribution', 'channel', '--json')).stdout);
    expect(json.activities.find((row: { activity: string }) => row.activity === 'Networking').revenue.total).toBe(300);
    expect(JSON.parse((await ok('channel', 'list', '--json')).stdout)).toEqual([mapped]);
    await ok('channel', 'unmap', 'referral');
  });

  it("runs seed 004's networking month for one activity", async () => {
    const roi = JSON.parse((await ok('audit', 'activity', 'networking', ...window, '--json')).stdout);
    expect(roi).toMatchObject({
      activity: 'Networking',
      hours: 12,
      days: 4,
      costOfHours: 1200,
      clients: 0,
      paid: false,
    });
    const text = (await ok('audit', 'activity', 'Networking', ...window)).stdout;
    expect(text).toContain('cost $1,200.00 more than it earned');
  });

  it('refuses an end before its start, a lag of 0 and an unknown model, saying what to fix', async () => {
    for (const args of [
      ['--from', '2027-03-31', '--to', '2027-03-01'],
      ['--attribution', 'lagged', '--lag-weeks', '0'],
      ['--attribution', 'magic'],
      ['--json', '--csv'],
    ]) {
      const refused = await run('audit', ...args);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/^bigrock: |error: /);
    }
    expect((await run('channel', 'map', 'Referral')).code).toBe(2);
  });
});
