import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('settings');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock settings on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);

  it('sets the currency, rates and target rate, and shows them as the API does', async () => {
    const set = await run(
      'settings',
      'set',
      '--currency',
      'eur',
      '--rate',
      'USD=0.9',
      '--rate',
      'gbp=1.15',
      '--target-rate',
      '120',
      '--json',
    );
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({
      currency: 'EUR',
      exchangeRates: { USD: 0.9, GBP: 1.15 },
      targetHourlyRate: 120,
      hoursPerWeek: null,
      weekStart: 'mon',
      valueWindowDays: 90,
    });
    await run('settings', 'set', '--rate', 'GBP=none', '--hours-per-week', '30');
    const shown = await run('settings', 'get');
    expect(shown.stdout).toContain('currency:          EUR');
    expect(shown.stdout).toContain('1 USD = 0.9 EUR');
    expect(shown.stdout).not.toContain('GBP');
    expect(shown.stdout).toMatch(/target rate: +€120\.00 an hour/);
    expect(shown.stdout).toMatch(/hours a week: +30/);
  });

  it('refuses a rate of -1, an unknown currency and a bad --rate, saying what to fix, and changes nothing', async () => {
    const before = (await run('settings', 'get', '--json')).stdout;
    for (const args of [
      ['--target-rate', '-1'],
      ['--currency', 'XYZ'],
      ['--rate', 'USD'],
      ['--rate', 'USD=cheap'],
      ['--week-start', 'someday'],
      ['--value-window', 'long'],
    ]) {
      const refused = await run('settings', 'set', ...args);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/^bigrock: /);
    }
    expect((await run('settings', 'set')).stderr).toContain('Say what to change');
    expect((await run('settings', 'get', '--json')).stdout).toBe(before);
  });
});
